import { run, runCount, runOne } from '@skillbridge/db';
import { ALGORITHM_VERSION, DomainError, matchFigures } from '@skillbridge/domain';
import { DataSource } from 'typeorm';
import { INSERT_RUN, MARK_RAN, REFUSE_RUN, RUN_REQUEST, STORE_APPLICANTS } from './match-rounds.statements';
import { RoundInstance, loadRoundInstance } from './round-instance';
import { RoundOutcome, solveRound } from './solve-round';

/**
 * The worker's step for one run request: loads the inputs, runs and audits them, and stores the run
 * (inputs, seed, version, output, figures) as the round's latest, moving it to `ran`. Safe to repeat:
 * a request already run, superseded, or of a round no longer runnable is skipped (returns null).
 */
export async function runMatchRound(db: DataSource, roundId: string, request: number): Promise<string | null> {
  const round = await runOne(db, RUN_REQUEST, [roundId]);
  if (!round || round.run_request !== request || !round.run_requested_at || !['ranking', 'ran'].includes(round.status)) return null;
  const started = performance.now();
  let loaded: RoundInstance;
  let outcome: RoundOutcome;
  try {
    loaded = await loadRoundInstance(db.manager, round);
    outcome = solveRound(loaded.instance);
  } catch (error) {
    // Inputs the engine refuses will not get better by retrying: record why and stop.
    if (error instanceof DomainError) {
      await runCount(db, REFUSE_RUN, [roundId, request, error.message]);
      return null;
    }
    throw error;
  }
  const { instance } = loaded;
  const runMs = Math.round(performance.now() - started);
  const figures = {
    ...matchFigures(outcome.choice, instance.capacity),
    excludedPairs: loaded.excludedPairs,
    automaticSlots: loaded.automaticSlots.length,
    proposals: outcome.proposals,
    blockingPairs: outcome.blockingPairs,
  };
  return db
    .transaction(async (tx) => {
      const [stored] = await run(tx, INSERT_RUN, [
        roundId,
        request,
        round.seed,
        ALGORITHM_VERSION,
        JSON.stringify(round.criteria),
        loaded.studentIds,
        loaded.slotIds,
        Array.from(instance.capacity),
        Array.from(instance.choiceStart),
        Array.from(instance.choiceSlot),
        Array.from(instance.rankStart),
        Array.from(instance.rankedStudent),
        loaded.automaticSlots,
        loaded.excludedPairs,
        outcome.inputsSha256,
        Array.from(outcome.assignment),
        Array.from(outcome.choice),
        outcome.stable,
        outcome.blockingPairs,
        outcome.problems,
        JSON.stringify({ ...figures, runMs }),
        runMs,
      ]);
      if (!stored) return null;
      const moved = await runCount(tx, MARK_RAN, [roundId, request, stored.id, ALGORITHM_VERSION]);
      // Cancelled (or re-requested) while running: keep nothing of this run.
      if (!moved) throw new RunSuperseded();
      // The round's view shows each slot's applicants: counted here once rather than from every list on every read.
      await runCount(tx, STORE_APPLICANTS, [roundId, loaded.slotIds, loaded.listed]);
      return stored.id;
    })
    .catch((error: unknown) => {
      if (error instanceof RunSuperseded) return null;
      throw error;
    });
}

class RunSuperseded extends Error {}
