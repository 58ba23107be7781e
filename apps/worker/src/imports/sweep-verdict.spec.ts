import { sweepVerdict } from './sweep-verdict';

describe('the sweep of unfinished imports', () => {
  const ms = { staleMs: 600_000, lookupMs: 60_000 };
  const quiet = (status: string) => ({ status, stale: false });
  const stale = (status: string) => ({ status, stale: true });

  it('ends an import whose job is gone or over (JOB_LOST), stale or not yet', () => {
    for (const state of ['unknown', 'completed', 'failed']) {
      for (const row of [quiet('queued'), quiet('validating'), stale('importing')])
        expect(sweepVerdict(row, state, ms)).toEqual({ reason: 'JOB_LOST', quietMs: 60_000 });
    }
  });

  it('ends an import with no progress for the stale threshold (STALLED): its worker died or hangs, whatever its job says', () => {
    for (const state of ['active', 'waiting', 'delayed']) {
      expect(sweepVerdict(stale('validating'), state, ms)).toEqual({ reason: 'STALLED', quietMs: 600_000 });
      expect(sweepVerdict(stale('importing'), state, ms)).toEqual({ reason: 'STALLED', quietMs: 600_000 });
    }
    // Taken by a worker that died before it could start.
    expect(sweepVerdict(stale('queued'), 'active', ms)).toEqual({ reason: 'STALLED', quietMs: 600_000 });
  });

  it('leaves an import that is not stale yet, and a queued one whose job waits for a worker', () => {
    expect(sweepVerdict(quiet('validating'), 'active', ms)).toBeNull();
    for (const state of ['waiting', 'delayed', 'prioritized']) expect(sweepVerdict(stale('queued'), state, ms)).toBeNull();
  });
});
