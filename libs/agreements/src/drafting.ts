import type { AgreementDraftingProgress } from '@skillbridge/contracts';
import { run, runOne } from '@skillbridge/db';
import { EntityManager } from 'typeorm';
import { DRAFT_AGREEMENTS, ROUND_DRAFTING, ROUND_PLACEMENTS_TO_DRAFT } from './drafting.statements';

/** A round of up to this many placements drafts its agreements inline, in the publish's transaction; a larger one in the background. */
export const INLINE_DRAFTING_LIMIT = 2_000;
/** Placements drafted per statement in the background (each batch its own transaction). */
export const DRAFTING_BATCH = 5_000;

/** Drafts the agreements of these placements (those of a student's internship or apprenticeship without one): how many were drafted. */
export async function draftAgreements(db: EntityManager, placementIds: string[]): Promise<number> {
  if (placementIds.length === 0) return 0;
  const row = await runOne(db, DRAFT_AGREEMENTS, [placementIds]);
  return row?.drafted ?? 0;
}

/** Drafts the next batch of a round's agreements: how many were drafted (0 when none is left). */
export async function draftRoundBatch(db: EntityManager, roundId: string, batch = DRAFTING_BATCH): Promise<number> {
  const ids = (await run(db, ROUND_PLACEMENTS_TO_DRAFT, [roundId, batch])).map((r) => r.id);
  return draftAgreements(db, ids);
}

/** A published round's drafting, as the round shows it. */
export async function roundDrafting(db: EntityManager, roundId: string): Promise<AgreementDraftingProgress> {
  const row = await runOne(db, ROUND_DRAFTING, [roundId]);
  const total = row?.total ?? 0;
  const drafted = row?.drafted ?? 0;
  return { drafted, total, done: drafted >= total };
}
