// 撮合轮次 — the match-round engine: student-proposing deferred acceptance with capacities, its
// text format (hr-instance v1), the checks an auditor runs on a result, and ranking by criteria.
export { ALGORITHM_VERSION, deferredAcceptance } from './deferred-acceptance';
export type { MatchResult } from './deferred-acceptance';
export {
  HR_INSTANCE_MAGIC,
  HrInstanceParser,
  encodeAssignment,
  formatAssignment,
  formatHrInstance,
  hrInstanceChunks,
  parseAssignment,
  parseHrInstance,
} from './hr-format';
export { hrInstanceFromLists, hrInstanceToLists, validateHrInstance } from './hr-instance';
export type { HrInstance, HrLists } from './hr-instance';
export { lotteryTicket, mulberry32, rankByCriteria } from './rank-by-criteria';
export type { CriteriaApplicant, Lottery, SlotCriteria } from './rank-by-criteria';
export { blockingPairs, checkMatching } from './stability';
export type { BlockingPair, MatchingProblem } from './stability';
