import { statement } from '@skillbridge/db';
import type { CandidateSlot, OrganisationKind, Ownership } from '@skillbridge/domain';

/**
 * Slots' hand-written SQL: each statement named, its parameters and row typed. Search and
 * recommendations are benchmarked (bench/run.mjs): their texts are the ones measured there.
 */

/** An enterprise as the slots policy and posting need it. */
export const SLOT_ENTERPRISE = statement<
  [organisationId: string],
  { id: string; kind: OrganisationKind; ownership: Ownership | null; name: string; verification: string }
>('slots.enterprise', `SELECT id, kind, ownership, name, verification FROM organisations WHERE id = $1`);

/**
 * The search's window (SlotsService.probeWindow): among the next 3,000 open slots in the page's order,
 * after the page's cursor ($2, $3) when there is one, the ids of the first $9 that match the words ($1)
 * and the filters ($4–$8, and $10 the types the searcher may find; null: no filter). A filter left out is folded away when PostgreSQL plans
 * the statement with its values, so each search is planned as if only its own filters were written.
 */
export const SEARCH_WINDOW = statement<
  [
    terms: string[],
    afterStartDate: string | null,
    afterId: string | null,
    type: string | null,
    major: string | null,
    district: string | null,
    from: string | null,
    to: string | null,
    limit: number,
    types: string[] | null,
  ],
  { id: string }
>(
  'slots.search-window',
  `SELECT w.id FROM (SELECT id, start_date, type, majors, district, end_date, search_terms FROM slots
                      WHERE state = 'open' AND ($2::date IS NULL OR (start_date, id) > ($2::date, $3::uuid))
                      ORDER BY start_date, id LIMIT 3000) w
    WHERE w.search_terms @> $1::text[]
      AND ($4::text IS NULL OR w.type = $4::text)
      AND ($5::text IS NULL OR $5::text = ANY(w.majors))
      AND ($6::text IS NULL OR w.district = $6::text)
      AND ($7::date IS NULL OR w.start_date >= $7::date)
      AND ($8::date IS NULL OR w.end_date <= $8::date)
      AND ($10::text[] IS NULL OR w.type = ANY($10::text[]))
    ORDER BY w.start_date, w.id LIMIT $9`,
);

export const RECOMMENDATION_PROFILE = statement<[studentId: string], { major: string; skills: string[]; preferredDistricts: string[] }>(
  'slots.recommendation-profile',
  `SELECT major, skills, preferred_districts AS "preferredDistricts" FROM students WHERE user_id = $1`,
);

/** The dates a person is already placed: a slot overlapping them scores lower. */
export const BUSY_DATES = statement<[personId: string], { start_date: string; end_date: string }>(
  'slots.busy-dates',
  `SELECT start_date::text, end_date::text FROM placements WHERE person_id = $1 AND status <> 'terminated'`,
);

/**
 * Candidates: open student slots still taking applications that share the major, a skill or a
 * preferred district; scored in full by the domain's rule. The order is the date column's, not
 * the text output of the same name: that walks slots_open_by_start (~5,000 index entries)
 * instead of sorting every open slot. Each row comes in scoreSlot's shape, with what cannot count
 * for this student left out (bench findings 2026-12-02): the majors only as far as they hold the
 * student's (scoreSlot asks nothing else of them), and the skills only when one is the student's
 * (otherwise none can match) — the same score and reasons, from far less to parse.
 */
export const RECOMMENDATION_CANDIDATES = statement<
  [today: string, major: string, skills: string[], preferredDistricts: string[]],
  CandidateSlot & { id: string }
>(
  'slots.recommendation-candidates',
  `SELECT id,
              CASE WHEN $2::text = ANY(majors) THEN ARRAY[$2::text] ELSE '{}'::text[] END AS majors,
              CASE WHEN skills && $3::text[] THEN skills ELSE '{}'::text[] END AS skills,
              district, start_date::text AS "startDate", end_date::text AS "endDate", capacity, taken,
              application_deadline::text AS "applicationDeadline"
         FROM slots
        WHERE state = 'open' AND type IN ('internship', 'apprenticeship') AND taken < capacity
          AND (application_deadline IS NULL OR application_deadline >= $1) AND start_date >= $1
          AND ($2 = ANY(majors) OR skills && $3::text[] OR district = ANY($4::text[]))
        ORDER BY slots.start_date, slots.id LIMIT 1000`,
);

/** One publisher at a time per enterprise ($1 `slot-cap:<enterprise id>`), until the transaction ends. */
export const LOCK_PUBLISHER = statement<[key: string]>('slots.lock-publisher', 'SELECT pg_advisory_xact_lock(hashtext($1))');

/** The enterprise's latest headcount up to the year ($2): the base of its 10 % intern cap. */
export const HEADCOUNT = statement<[enterpriseId: string, year: number], { employees: number }>(
  'slots.headcount',
  `SELECT employees FROM enterprise_headcounts WHERE organisation_id = $1 AND year <= $2 ORDER BY year DESC LIMIT 1`,
);

/**
 * The most seats the enterprise's other published student slots ($4: the slot itself is left out)
 * hold on one day of $2–$3: its interns at their peak, beside the slot's own capacity.
 */
export const SEATS_AT_PEAK = statement<[enterpriseId: string, from: string, to: string, slotId: string], { seats: number }>(
  'slots.seats-at-peak',
  `SELECT coalesce(max(load), 0)::int AS seats FROM (
         SELECT d.day, sum(o.capacity) AS load
           FROM (SELECT greatest(start_date, $2::date) AS day FROM slots
                  WHERE enterprise_id = $1 AND id <> $4 AND state IN ('open', 'closed') AND type IN ('internship', 'apprenticeship')
                    AND start_date <= $3 AND end_date >= $2
                 UNION SELECT $2::date) d
           JOIN slots o ON o.enterprise_id = $1 AND o.id <> $4 AND o.state IN ('open', 'closed') AND o.type IN ('internship', 'apprenticeship')
                       AND o.start_date <= d.day AND o.end_date >= d.day
          GROUP BY d.day) loads`,
);
