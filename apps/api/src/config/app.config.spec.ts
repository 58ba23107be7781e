import { ConfigError, loadConfig } from './app.config';

const valid = { DATABASE_URL: 'postgres://u:secret-password@db:5432/app', REDIS_URL: 'redis://cache:6379' };

describe('the API configuration', () => {
  it('reads valid settings with defaults for the rest', () => {
    const config = loadConfig({ ...valid, PORT: '8080' });
    expect(config.PORT).toBe(8080);
    expect(config.ACCESS_TOKEN_TTL_SECONDS).toBe(900);
  });

  it('names only the failing variables and never their values', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://u:secret-password@db/app', PORT: 'eighty' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe('Invalid configuration: PORT, DATABASE_URL, REDIS_URL');
    expect((error as Error).message).not.toContain('secret-password');
  });

  it('has rate limits by default and refuses ones that are not positive whole numbers', () => {
    expect(loadConfig(valid)).toMatchObject({
      RATE_LIMIT_WINDOW_SECONDS: 60,
      RATE_LIMIT_APPLICATIONS: 20,
      RATE_LIMIT_MESSAGES: 60,
      RATE_LIMIT_REMINDERS: 5,
    });
    expect(loadConfig({ ...valid, RATE_LIMIT_APPLICATIONS: '5' }).RATE_LIMIT_APPLICATIONS).toBe(5);
    expect(() => loadConfig({ ...valid, RATE_LIMIT_APPLICATIONS: '0', RATE_LIMIT_MESSAGES: 'many' })).toThrow(
      'Invalid configuration: RATE_LIMIT_APPLICATIONS, RATE_LIMIT_MESSAGES',
    );
  });

  it('requires a JWT secret in production', () => {
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production' })).toThrow('Invalid configuration: JWT_SECRET');
    expect(loadConfig({ ...valid, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).jwtSecret).toBe('x'.repeat(32));
  });

  it('serves the API docs in development and tests, not in production unless API_DOCS=on', () => {
    const secret = { JWT_SECRET: 'a-production-secret-of-32-characters-or-more' };
    expect(loadConfig(valid).apiDocsServed).toBe(true);
    expect(loadConfig({ ...valid, NODE_ENV: 'test' }).apiDocsServed).toBe(true);
    expect(loadConfig({ ...valid, ...secret, NODE_ENV: 'production' }).apiDocsServed).toBe(false);
    expect(loadConfig({ ...valid, ...secret, NODE_ENV: 'production', API_DOCS: 'on' }).apiDocsServed).toBe(true);
    expect(loadConfig({ ...valid, NODE_ENV: 'development', API_DOCS: 'off' }).apiDocsServed).toBe(false);
    expect(() => loadConfig({ ...valid, API_DOCS: 'yes' })).toThrow('Invalid configuration: API_DOCS');
  });
});

describe('the trusted proxies', () => {
  const valid = { DATABASE_URL: 'postgres://u:p@db:5432/app', REDIS_URL: 'redis://cache:6379' };

  it('are none by default: the socket’s address is the client’s', () => {
    expect(loadConfig(valid).trustProxy).toBe(false);
    expect(loadConfig({ ...valid, TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('are exactly the configured number of hops nearest to the API', () => {
    const trust = loadConfig({ ...valid, TRUST_PROXY: '1' }).trustProxy as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => trust('10.0.0.1', hop))).toEqual([true, false, false]);
    const two = loadConfig({ ...valid, TRUST_PROXY: '2' }).trustProxy as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => two('10.0.0.1', hop))).toEqual([true, true, false]);
  });

  it('may be a list of the proxies’ addresses', () => {
    expect(loadConfig({ ...valid, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toBe('10.0.0.0/8,127.0.0.1');
  });

  it('are never “every hop”: true is refused at boot', () => {
    expect(() => loadConfig({ ...valid, TRUST_PROXY: 'true' })).toThrow('Invalid configuration: TRUST_PROXY');
  });
});
