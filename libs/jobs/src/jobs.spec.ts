import { DELIVERY_ATTEMPTS, IMPORT_ATTEMPTS, JOB_NAMES, JOB_RETRY, jobOptions, scheduledJob } from './jobs';

describe('job retry policies', () => {
  it('names a policy for every job', () => {
    expect(Object.keys(JOB_RETRY).sort()).toEqual([...JOB_NAMES].sort());
  });

  it('gives a delivery (also one retried from the API) its full attempts, backing off from the configured base', () => {
    expect(jobOptions('notification.deliver', 100)).toEqual({
      attempts: DELIVERY_ATTEMPTS,
      backoff: { type: 'exponential', delay: 100 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 86_400 },
    });
  });

  it('keeps the fixed backoff of imports, match runs and reset e-mails whatever the base', () => {
    expect(jobOptions('import.run', 100)).toMatchObject({ attempts: IMPORT_ATTEMPTS, backoff: { type: 'exponential', delay: 5000 } });
    expect(jobOptions('match.run', 100)).toMatchObject({ attempts: 3, backoff: { type: 'exponential', delay: 1000 } });
    expect(jobOptions('password-reset.send', 100)).toMatchObject({
      attempts: 8,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnFail: { age: 86_400 },
    });
  });

  it('runs a scheduled job once: a failure runs again on its schedule', () => {
    expect(scheduledJob('offers.expire').opts).toEqual({ attempts: 1, removeOnComplete: true, removeOnFail: 100 });
  });
});
