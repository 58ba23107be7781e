import {
  APPLICANTS_SETTLED_IN,
  MATCH_ROUND_STATUSES,
  MatchRoundMove,
  MatchRoundStatus,
  canMoveRound,
  checkPreferences,
  checkRanking,
  matchFigures,
  nextRoundStatus,
  roundAcceptsPreferences,
  roundAcceptsRankings,
} from './match-round';

const LEGAL: Array<[MatchRoundStatus, MatchRoundMove, MatchRoundStatus]> = [
  ['draft', 'open', 'collecting'],
  ['collecting', 'close', 'ranking'],
  ['ranking', 'run', 'ran'],
  ['ran', 'run', 'ran'],
  ['ran', 'publish', 'published'],
  ['draft', 'cancel', 'cancelled'],
  ['collecting', 'cancel', 'cancelled'],
  ['ranking', 'cancel', 'cancelled'],
  ['ran', 'cancel', 'cancelled'],
];

describe('the match round life (domain.md §3)', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, move, to) => {
    expect(nextRoundStatus(from, move)).toBe(to);
  });

  it('refuses every other move with INVALID_TRANSITION (409)', () => {
    const moves: MatchRoundMove[] = ['open', 'close', 'run', 'publish', 'cancel'];
    let refused = 0;
    for (const from of MATCH_ROUND_STATUSES) {
      for (const move of moves) {
        if (LEGAL.some(([f, m]) => f === from && m === move)) continue;
        expect(() => nextRoundStatus(from, move)).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION', kind: 'conflict' }));
        refused++;
      }
    }
    expect(refused).toBe(MATCH_ROUND_STATUSES.length * moves.length - LEGAL.length);
  });

  it('a published or cancelled round never moves again', () => {
    for (const done of ['published', 'cancelled'] as const) {
      for (const move of ['open', 'close', 'run', 'publish', 'cancel'] as const) expect(() => nextRoundStatus(done, move)).toThrow();
    }
  });

  it('cannot be run before collecting is closed, nor published before it ran', () => {
    expect(() => nextRoundStatus('collecting', 'run')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(() => nextRoundStatus('ranking', 'publish')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });

  it('offers exactly the moves it would make (canMoveRound)', () => {
    for (const from of MATCH_ROUND_STATUSES) {
      for (const move of ['open', 'close', 'run', 'publish', 'cancel'] as const) {
        expect(canMoveRound(from, move)).toBe(LEGAL.some(([f, m]) => f === from && m === move));
      }
    }
  });

  it('takes lists while collecting, rankings while ranking; applicants are settled from ranking to published', () => {
    expect(MATCH_ROUND_STATUSES.filter(roundAcceptsPreferences)).toEqual(['collecting']);
    expect(MATCH_ROUND_STATUSES.filter(roundAcceptsRankings)).toEqual(['ranking']);
    expect(APPLICANTS_SETTLED_IN).toEqual(['ranking', 'ran', 'published']);
  });
});

describe('rank-order lists', () => {
  const round = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']);
  it('takes one to ten distinct slots of the round', () => {
    expect(() => checkPreferences(['a'], round)).not.toThrow();
    expect(() => checkPreferences([...round].slice(0, 10), round)).not.toThrow();
  });
  it.each([
    [[], 'PREFERENCES_EMPTY'],
    [[...round], 'TOO_MANY_PREFERENCES'],
    [['a', 'b', 'a'], 'DUPLICATE_PREFERENCE'],
    [['a', 'z'], 'SLOT_NOT_IN_ROUND'],
  ])('refuses %j with %s', (list, code) => {
    expect(() => checkPreferences(list, round)).toThrow(expect.objectContaining({ code, kind: 'unprocessable' }));
  });
});

describe('an enterprise ranking', () => {
  const applicants = new Set(['s1', 's2', 's3']);
  it('ranks some or all applicants, each once', () => {
    expect(() => checkRanking(['s3', 's1'], applicants)).not.toThrow();
    expect(() => checkRanking([], applicants)).not.toThrow();
  });
  it('refuses a student who did not list the slot, and duplicates', () => {
    expect(() => checkRanking(['s1', 'x'], applicants)).toThrow(expect.objectContaining({ code: 'NOT_AN_APPLICANT' }));
    expect(() => checkRanking(['s1', 's1'], applicants)).toThrow(expect.objectContaining({ code: 'DUPLICATE_RANKING' }));
  });
});

describe('a run’s figures', () => {
  it('counts matched, first choices and the spread over choices', () => {
    expect(matchFigures([1, 0, 2, 1, 0, 3], [2, 2, 1])).toEqual({
      students: 6,
      slots: 3,
      seats: 5,
      matched: 4,
      firstChoice: 2,
      unmatched: 2,
      byChoice: [2, 1, 1],
    });
    expect(matchFigures([], [])).toEqual({ students: 0, slots: 0, seats: 0, matched: 0, firstChoice: 0, unmatched: 0, byChoice: [] });
  });
});
