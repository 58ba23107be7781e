import { run } from '@skillbridge/db';
import type { EventKind, EventPayloads } from '@skillbridge/domain';
import { currentTraceparent } from '@skillbridge/runtime';
import { EntityManager } from 'typeorm';
import { RECORD_EVENT } from './outbox.statements';

/** Who must hear of an event: named users, and the admins of named organisations. */
export interface Audience {
  users?: string[];
  adminsOf?: string[];
}

/**
 * The recipients of an event as an SQL array expression: the named users, and the admins of the
 * named organisations. Two index lookups joined by UNION (an OR across the two columns would scan
 * every user). RECORD_EVENT writes it out for its own parameters (outbox.spec.ts keeps the two the same).
 */
export const RECIPIENTS_SQL = (users: string, organisations: string): string =>
  `ARRAY(SELECT id FROM users WHERE id = ANY(${users})
         UNION
         SELECT id FROM users WHERE organisation_id = ANY(${organisations}) AND role IN ('enterprise_admin', 'school_admin')
         ORDER BY id)`;

/** An event kind as an SQL literal, for the statements that write their events in SQL: typed like recordEvent's. */
export const eventKindSql = (kind: EventKind): string => `'${kind}'`;

/** The payload and dedupe key of a kind: the payload may be left out only where the kind carries nothing. */
type PayloadOf<K extends EventKind> =
  Record<string, never> extends EventPayloads[K]
    ? [payload?: EventPayloads[K], dedupeKey?: string | null]
    : [payload: EventPayloads[K], dedupeKey?: string | null];

/**
 * Writes an event to the outbox inside the caller's transaction: the state change and the
 * notification it causes commit together or not at all. Recipients are resolved now, so that a
 * later change of staff does not change who was told. The active trace (if any) goes with it, so
 * the worker's deliveries join the request's trace. The kind and its payload are typed by
 * EventPayloads (libs/domain), the map the worker reads them by.
 */
export async function recordEvent<K extends EventKind>(
  tx: EntityManager,
  kind: K,
  subjectId: string,
  audience: Audience,
  ...[payload, dedupeKey = null]: PayloadOf<K>
): Promise<boolean> {
  const written = await run(tx, RECORD_EVENT, [
    kind,
    subjectId,
    audience.users ?? [],
    audience.adminsOf ?? [],
    JSON.stringify(payload ?? {}),
    dedupeKey,
    currentTraceparent(),
  ]);
  return written.length > 0;
}
