import { statement } from '@skillbridge/db';

/** One access_log row per person read (logPersonalDataAccess): the subjects come as one array, deduplicated by the caller. */
export const LOG_PERSONAL_DATA_ACCESS = statement<
  [actorId: string, actorRole: string, subjectIds: string[], what: string, why: string],
  never
>(
  'access-log.record',
  `INSERT INTO access_log (actor_id, actor_role, subject_id, what, why) SELECT $1, $2, s, $4, $5 FROM unnest($3::uuid[]) s`,
);
