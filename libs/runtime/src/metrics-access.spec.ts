import { loadServiceConfig, ServiceConfig } from './service-config';

const base = { DATABASE_URL: 'postgres://u@db:5432/app', REDIS_URL: 'redis://cache:6379' };
const TOKEN = 'scraper-token-0123456789';
const accessOf = (env: Record<string, string>, authorization?: string) =>
  loadServiceConfig(ServiceConfig, { ...base, ...env }).metricsAccess(authorization);

describe('who may read GET /metrics (API and worker alike)', () => {
  it('production without METRICS_TOKEN: nobody (404), whatever is sent', () => {
    expect(accessOf({ NODE_ENV: 'production' })).toBe('off');
    expect(accessOf({ NODE_ENV: 'production', METRICS_TOKEN: '' }, 'Bearer anything-at-all-000000')).toBe('off');
  });

  it('with METRICS_TOKEN, in any environment: only its bearer', () => {
    for (const NODE_ENV of ['production', 'development', 'test']) {
      expect(accessOf({ NODE_ENV, METRICS_TOKEN: TOKEN }, `Bearer ${TOKEN}`)).toBe('allowed');
      expect(accessOf({ NODE_ENV, METRICS_TOKEN: TOKEN })).toBe('unauthorised');
      expect(accessOf({ NODE_ENV, METRICS_TOKEN: TOKEN }, `Bearer ${TOKEN}x`)).toBe('unauthorised');
      expect(accessOf({ NODE_ENV, METRICS_TOKEN: TOKEN }, TOKEN)).toBe('unauthorised');
    }
  });

  it('development and tests without a token: open, as before', () => {
    expect(accessOf({ NODE_ENV: 'development' })).toBe('allowed');
    expect(accessOf({ NODE_ENV: 'test' })).toBe('allowed');
    expect(accessOf({})).toBe('allowed');
  });
});
