import { runCount } from '@skillbridge/db';
import { EntityManager } from 'typeorm';
import { LOG_PERSONAL_DATA_ACCESS } from './access-log.statements';

/** Records reads of students' personal data by enterprise staff and officers; one row per person read. */
export async function logPersonalDataAccess(
  db: EntityManager,
  actor: { userId: string; role: string },
  subjectIds: string[],
  what: string,
  why: string,
): Promise<void> {
  if (subjectIds.length === 0) return;
  await runCount(db, LOG_PERSONAL_DATA_ACCESS, [actor.userId, actor.role, [...new Set(subjectIds)], what, why]);
}
