import { ApplicationMove, ApplicationStatus, HOLDING_STATUSES, canMoveApplication, nextStatus } from './application-state';
import { canMovePlacement, nextPlacementStatus } from './placement-state';

const ALL: ApplicationStatus[] = ['submitted', 'shortlisted', 'offered', 'accepted', 'rejected', 'withdrawn', 'declined', 'expired'];
const LEGAL: Array<[ApplicationStatus, ApplicationMove, ApplicationStatus]> = [
  ['submitted', 'shortlist', 'shortlisted'],
  ['submitted', 'offer', 'offered'],
  ['shortlisted', 'offer', 'offered'],
  ['submitted', 'reject', 'rejected'],
  ['shortlisted', 'reject', 'rejected'],
  ['offered', 'reject', 'rejected'],
  ['offered', 'accept', 'accepted'],
  ['offered', 'decline', 'declined'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['shortlisted', 'withdraw', 'withdrawn'],
  ['offered', 'withdraw', 'withdrawn'],
  ['offered', 'expire', 'expired'],
];

describe('the application state machine (domain.md §3)', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, move, to) => {
    expect(nextStatus(from, move)).toBe(to);
  });

  it('refuses every other move with INVALID_TRANSITION', () => {
    const moves: ApplicationMove[] = ['shortlist', 'offer', 'reject', 'accept', 'decline', 'withdraw', 'expire'];
    for (const from of ALL) {
      for (const move of moves) {
        if (LEGAL.some(([f, m]) => f === from && m === move)) continue;
        expect(() => nextStatus(from, move)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
      }
    }
  });

  it('finished applications never move again', () => {
    for (const done of ['accepted', 'rejected', 'withdrawn', 'declined', 'expired'] as const) {
      expect(() => nextStatus(done, 'withdraw')).toThrow();
    }
  });

  it('offers exactly the moves it would make (canMoveApplication)', () => {
    const moves: ApplicationMove[] = ['shortlist', 'offer', 'reject', 'accept', 'decline', 'withdraw', 'expire'];
    for (const from of ALL) {
      for (const move of moves) expect(canMoveApplication(from, move)).toBe(LEGAL.some(([f, m]) => f === from && m === move));
    }
  });

  it('a live or accepted application holds the student’s place for the slot', () => {
    expect(ALL.filter((s) => HOLDING_STATUSES.includes(s))).toEqual(['submitted', 'shortlisted', 'offered', 'accepted']);
  });
});

describe('the placement state machine', () => {
  it('goes pending → active → completed, and can be terminated before completion', () => {
    expect(nextPlacementStatus('pending', 'activate')).toBe('active');
    expect(nextPlacementStatus('active', 'complete')).toBe('completed');
    expect(nextPlacementStatus('active', 'terminate')).toBe('terminated');
    expect(() => nextPlacementStatus('pending', 'complete')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(() => nextPlacementStatus('completed', 'terminate')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });

  it('offers activation to a pending placement and completion to an active one (canMovePlacement)', () => {
    expect(canMovePlacement('pending', 'activate')).toBe(true);
    expect(canMovePlacement('active', 'activate')).toBe(false);
    expect(canMovePlacement('active', 'complete')).toBe(true);
    expect(canMovePlacement('pending', 'complete')).toBe(false);
  });
});
