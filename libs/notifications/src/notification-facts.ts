import { runOne } from '@skillbridge/db';
import type { EventKind, MessageFacts } from '@skillbridge/domain';
import { EntityManager } from 'typeorm';
import {
  APPLICATION_FACTS,
  BOOKING_FACTS,
  ENTERPRISE_NAME,
  PLACEMENT_FACTS,
  ROUND_FACTS,
  SLOT_FACTS,
  TEACHER_NAME,
} from './notification-facts.statements';

/** The part of an event kind before the dot: what its subject is. */
type AreaOf<K> = K extends `${infer A}.${string}` ? A : never;
type EventArea = AreaOf<EventKind>;
type FactReader = (db: EntityManager, subjectId: string, payload: Record<string, unknown>) => Promise<MessageFacts | null>;

/** The subject's facts with what its event carried; null when the subject is gone. */
const withPayload = (row: MessageFacts | undefined, payload: Record<string, unknown>): MessageFacts | null =>
  row ? { ...row, ...(payload as MessageFacts) } : null;

/**
 * How the facts of each area's events are read: typed by the areas of EventKind, so a new area
 * does not compile without its reader (the worker's boot check asks readsFactsOf too).
 */
const FACT_READERS: Record<EventArea, FactReader> = {
  application: async (db, subjectId, payload) => withPayload(await runOne(db, APPLICATION_FACTS, [subjectId]), payload),
  placement: async (db, subjectId) => (await runOne(db, PLACEMENT_FACTS, [subjectId])) ?? null,
  booking: async (db, subjectId) => (await runOne(db, BOOKING_FACTS, [subjectId])) ?? null,
  practice: async (db, subjectId, payload) => withPayload(await runOne(db, TEACHER_NAME, [subjectId]), payload),
  enterprise: async (db, subjectId, payload) => withPayload(await runOne(db, ENTERPRISE_NAME, [subjectId]), payload),
  quota: async (db, subjectId, payload) => withPayload(await runOne(db, ENTERPRISE_NAME, [subjectId]), payload),
  slot: async (db, subjectId, payload) => withPayload(await runOne(db, SLOT_FACTS, [subjectId]), payload),
  round: async (db, subjectId, payload) => {
    // The subject is the round; a matched student's event names its slot in the payload.
    const row = await runOne(db, ROUND_FACTS, [subjectId, typeof payload.slotId === 'string' ? payload.slotId : null]);
    // No slot named (or gone): its facts are missing, which a message shows as for any missing fact.
    if (!row) return null;
    const { roundName, slotTitle, enterpriseName, startDate } = row;
    const facts = {
      roundName,
      slotTitle: slotTitle ?? undefined,
      enterpriseName: enterpriseName ?? undefined,
      startDate: startDate ?? undefined,
    };
    return withPayload(facts, payload);
  },
  // An import's event carries its facts (the file's name and counts).
  import: async (_db, _subjectId, payload) => ({ ...(payload as MessageFacts) }),
};

const readerOf = (kind: string): FactReader | undefined => {
  const [area] = kind.split('.');
  return Object.prototype.hasOwnProperty.call(FACT_READERS, area) ? FACT_READERS[area as EventArea] : undefined;
};

/** Whether this build can read the facts of the kind's events (the worker's boot check asks). */
export const readsFactsOf = (kind: string): boolean => readerOf(kind) !== undefined;

/** The facts a message about an event may mention, reloaded by the subject's id. Null when the subject is gone. */
export async function loadMessageFacts(
  db: EntityManager,
  kind: string,
  subjectId: string,
  payload: Record<string, unknown>,
): Promise<MessageFacts | null> {
  const read = readerOf(kind);
  // A kind of another build: its payload is all this one knows.
  return read ? read(db, subjectId, payload) : { ...(payload as MessageFacts) };
}
