import { draftAgreements } from '@skillbridge/agreements';
import { run } from '@skillbridge/db';
import { DataSource } from 'typeorm';
import { DEMO_GUARDIANS, DEMO_INSURANCE, DEMO_MARK_SIGNED, DEMO_SIGNATURES, DEMO_STUDENT_PLACEMENTS } from './demo-agreements.statements';

/** Drafts, insures and signs the demo's agreements (after its placements and its round are in). */
export async function signDemoAgreements(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    await run(tx, DEMO_GUARDIANS, []);
    await draftAgreements(
      tx,
      (await run(tx, DEMO_STUDENT_PLACEMENTS, [])).map((r) => r.id),
    );
    await run(tx, DEMO_INSURANCE, []);
    await run(tx, DEMO_SIGNATURES, []);
    await run(tx, DEMO_MARK_SIGNED, []);
  });
}
