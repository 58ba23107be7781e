import { run, runCount } from '@skillbridge/db';
import { EntityManager } from 'typeorm';
import { MARK_PUBLISHED, NESTLOOP_ON, PUBLISH_ROUND, PUBLISH_SETTINGS } from './publish-round.statements';

/**
 * Publishes a round's latest run, in the caller's transaction (the API's publish, after its checks; the demo's
 * seed): every assignment an accepted application and a pending placement, the seats taken, every participant
 * and enterprise told, the round `published`. The school that runs its own round signs its students'
 * agreements by publishing (`ownerOrganisationId`, `publisherId`).
 */
export async function publishRun(
  tx: EntityManager,
  roundId: string,
  runId: string | null,
  ownerOrganisationId: string | null,
  publisherId: string,
): Promise<void> {
  await run(tx, PUBLISH_SETTINGS, []);
  await run(tx, PUBLISH_ROUND, [runId, roundId, ownerOrganisationId, publisherId]);
  await run(tx, NESTLOOP_ON, []);
  await runCount(tx, MARK_PUBLISHED, [roundId]);
}
