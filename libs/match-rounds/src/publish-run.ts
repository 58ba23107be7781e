import { DRAFTING_BATCH, INLINE_DRAFTING_LIMIT, draftRoundBatch } from '@skillbridge/agreements';
import { run, runCount, runOne } from '@skillbridge/db';
import { EntityManager } from 'typeorm';
import { MARK_PUBLISHED, NESTLOOP_ON, PUBLISH_ROUND, PUBLISH_SETTINGS } from './publish-round.statements';

/**
 * Publishes a round's latest run, in the caller's transaction (the API's publish, after its checks; the demo's
 * seed): every assignment an accepted application and a pending placement, the seats taken, every participant
 * and enterprise told, the round `published`. The school that runs its own round signs its students'
 * agreements by publishing (`ownerOrganisationId`, `publisherId`).
 *
 * Each placement gets its drafted tripartite agreement (issue 18): a round of up to INLINE_DRAFTING_LIMIT
 * placements drafts them here, in the publish's transaction; a larger one answers `draftInBackground`, and the
 * caller enqueues `agreements.draft-round` after the commit (the worker drafts in batches of DRAFTING_BATCH).
 */
export async function publishRun(
  tx: EntityManager,
  roundId: string,
  runId: string | null,
  ownerOrganisationId: string | null,
  publisherId: string,
): Promise<{ placements: number; draftInBackground: boolean }> {
  await run(tx, PUBLISH_SETTINGS, []);
  const published = await runOne(tx, PUBLISH_ROUND, [runId, roundId, ownerOrganisationId, publisherId]);
  await run(tx, NESTLOOP_ON, []);
  await runCount(tx, MARK_PUBLISHED, [roundId]);
  const placements = published?.placements ?? 0;
  if (placements > INLINE_DRAFTING_LIMIT) return { placements, draftInBackground: true };
  while ((await draftRoundBatch(tx, roundId, DRAFTING_BATCH)) > 0);
  return { placements, draftInBackground: false };
}
