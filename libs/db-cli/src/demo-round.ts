import { DEMO_ROUND_TO_PUBLISH, MatchRound, MatchRun } from '@skillbridge/db';
import { nextRoundStatus } from '@skillbridge/domain';
import { draftRoundBatch } from '@skillbridge/agreements';
import { publishRun, runMatchRound } from '@skillbridge/match-rounds';
import { DataSource } from 'typeorm';

/**
 * The demo's first round, published through the real run: the seed leaves it ranked with a run requested
 * (as POST …/run does); here the engine runs it as the worker would (its inputs, seed, version, output and
 * stability audit stored), and its owner publishes the stable result as POST …/publish does: placements,
 * seats and every participant's and enterprise's event. Nothing when the round is not waiting for its run.
 */
export async function publishDemoRound(db: DataSource): Promise<boolean> {
  const round = await db.getRepository(MatchRound).findOneBy({ name: DEMO_ROUND_TO_PUBLISH, status: 'ranking' });
  if (!round?.runRequestedAt) return false;
  const runId = await runMatchRound(db, round.id, round.runRequest);
  if (!runId) return false;
  const stored = await db.getRepository(MatchRun).findOneBy({ id: runId });
  if (!stored?.stable) return false;
  nextRoundStatus('ran', 'publish');
  await db.transaction((tx) => publishRun(tx, round.id, runId, round.ownerOrganisationId, round.createdBy));
  // A round larger than the inline limit leaves its drafting to the worker; the demo has no worker at seed time.
  while ((await draftRoundBatch(db.manager, round.id)) > 0);
  return true;
}
