import { buildJobRegistry, JobRegistryError } from './job-registry';
import type { JobHandler } from './job-handler';

const handler = (): JobHandler => ({ handle: async () => undefined });

describe('the job registry', () => {
  it('pairs each declared job with its one handler', () => {
    const heartbeat = handler();
    const sut = buildJobRegistry(['system.heartbeat'], [{ name: 'system.heartbeat', handler: heartbeat }]);
    expect(sut.get('system.heartbeat')).toBe(heartbeat);
  });

  it('refuses to start when a declared job has no handler', () => {
    expect(() => buildJobRegistry(['system.heartbeat'], [])).toThrow(
      new JobRegistryError("Job registry is inconsistent: no handler for job 'system.heartbeat'"),
    );
  });

  it('refuses to start when a job has two handlers', () => {
    const found = [
      { name: 'system.heartbeat', handler: handler() },
      { name: 'system.heartbeat', handler: handler() },
    ];
    expect(() => buildJobRegistry(['system.heartbeat'], found)).toThrow(/two handlers for job 'system.heartbeat'/);
  });

  it('refuses a handler for a job nobody declared', () => {
    const found = [
      { name: 'system.heartbeat', handler: handler() },
      { name: 'system.typo', handler: handler() },
    ];
    expect(() => buildJobRegistry(['system.heartbeat'], found)).toThrow(/handler for undeclared job 'system.typo'/);
  });
});
