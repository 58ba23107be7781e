import { HrInstance, blockingPairs, checkMatching, deferredAcceptance, hrInstanceChunks } from '@skillbridge/domain';
import { createHash } from 'crypto';

/** What a run computes from an instance: the engine's assignment, its audit, and figures. */
export interface RoundOutcome {
  assignment: Int32Array;
  /** choice[s] = the 1-based place of s's slot on their list, 0 when unmatched. */
  choice: Int32Array;
  stable: boolean;
  blockingPairs: number;
  problems: number;
  proposals: number;
  inputsSha256: string;
}

/** Runs deferred acceptance on a checked instance (hrInstanceFromLists) and audits the result (matching checks and blocking pairs). */
export function solveRound(instance: HrInstance): RoundOutcome {
  const result = deferredAcceptance(instance);
  const problems = checkMatching(instance, result.assignment, 1000).length;
  const blocking = blockingPairs(instance, result.assignment, 1000).length;
  const choice = new Int32Array(instance.students);
  for (let s = 0; s < instance.students; s++) {
    const c = result.assignment[s];
    if (c < 0) continue;
    for (let k = instance.choiceStart[s]; k < instance.choiceStart[s + 1]; k++) {
      if (instance.choiceSlot[k] === c) {
        choice[s] = k - instance.choiceStart[s] + 1;
        break;
      }
    }
  }
  const hash = createHash('sha256');
  for (const chunk of hrInstanceChunks(instance)) hash.update(chunk);
  return {
    assignment: result.assignment,
    choice,
    stable: problems === 0 && blocking === 0,
    blockingPairs: blocking,
    problems,
    proposals: result.proposals,
    inputsSha256: hash.digest('hex'),
  };
}
