import { Transform } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { ConfigError, loadServiceConfig, ServiceConfig, toInt } from './service-config';

class ExampleConfig extends ServiceConfig {
  @Transform(toInt)
  @IsInt()
  @Min(1)
  BATCH = 100;
}

const valid = { DATABASE_URL: 'postgres://u:secret-password@db:5432/app', REDIS_URL: 'redis://cache:6379' };
const failure = (load: () => unknown): Error => {
  try {
    load();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the configuration was accepted');
};

describe('a service configuration', () => {
  it('reads the shared and the app’s own variables, with defaults for the rest', () => {
    const config = loadServiceConfig(ExampleConfig, { ...valid, BATCH: '250', LOG_LEVEL: 'debug' });
    expect(config).toMatchObject({
      DATABASE_URL: valid.DATABASE_URL,
      BATCH: 250,
      LOG_LEVEL: 'debug',
      QUEUE_PREFIX: 'skillbridge',
      NODE_ENV: 'development',
    });
    expect(config.METRICS_TOKEN).toBeUndefined();
  });

  it('treats an empty metrics token as none, and refuses a short one', () => {
    expect(loadServiceConfig(ExampleConfig, { ...valid, METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
    expect(failure(() => loadServiceConfig(ExampleConfig, { ...valid, METRICS_TOKEN: 'short' })).message).toBe(
      'Invalid configuration: METRICS_TOKEN',
    );
  });

  it('names every failing variable, its own and the app’s extra checks, never a value', () => {
    const error = failure(() =>
      loadServiceConfig(ExampleConfig, { DATABASE_URL: 'mysql://u:secret-password@db/app', BATCH: 'many', LOG_LEVEL: 'loud' }, () => [
        'JWT_SECRET',
      ]),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message.replace('Invalid configuration: ', '').split(', ').sort()).toEqual([
      'BATCH',
      'DATABASE_URL',
      'JWT_SECRET',
      'LOG_LEVEL',
      'REDIS_URL',
    ]);
    expect(error.message).not.toContain('secret-password');
  });

  it('takes TEST_CLOCK only in tests, and only an instant with its offset', () => {
    const at = '2026-10-05T09:00:00+08:00';
    expect(loadServiceConfig(ExampleConfig, { ...valid, NODE_ENV: 'test', TEST_CLOCK: at }).TEST_CLOCK).toBe(at);
    expect(loadServiceConfig(ExampleConfig, { ...valid, NODE_ENV: 'test', TEST_CLOCK: `${at} running` }).TEST_CLOCK).toBe(`${at} running`);
    expect(failure(() => loadServiceConfig(ExampleConfig, { ...valid, NODE_ENV: 'production', TEST_CLOCK: at })).message).toBe(
      'Invalid configuration: TEST_CLOCK',
    );
    expect(failure(() => loadServiceConfig(ExampleConfig, { ...valid, TEST_CLOCK: at })).message).toBe('Invalid configuration: TEST_CLOCK');
    expect(failure(() => loadServiceConfig(ExampleConfig, { ...valid, NODE_ENV: 'test', TEST_CLOCK: '2026-10-05 09:00' })).message).toBe(
      'Invalid configuration: TEST_CLOCK',
    );
  });
});
