import { EntityManager } from 'typeorm';

/** Records reads of students' personal data by enterprise staff and officers; one row per person read. */
export async function logPersonalDataAccess(
  db: EntityManager,
  actor: { userId: string; role: string },
  subjectIds: string[],
  what: string,
  why: string,
): Promise<void> {
  if (subjectIds.length === 0) return;
  await db.query(
    `INSERT INTO access_log (actor_id, actor_role, subject_id, what, why) SELECT $1, $2, s, $4, $5 FROM unnest($3::uuid[]) s`,
    [actor.userId, actor.role, [...new Set(subjectIds)], what, why],
  );
}
