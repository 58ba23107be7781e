import { statement } from '@skillbridge/db';

/* The scheduled jobs' SQL: reminders, offer expiry and the daily digest. */

// Reminders (reminders.send), read in id order: two runs at once record their events in the same order and queue, not deadlock.

export const PLACEMENTS_STARTING = statement<
  [startDate: string],
  { id: string; person_id: string; enterprise_id: string; school_id: string }
>(
  'reminders.placements-starting',
  `SELECT id, person_id, enterprise_id, school_id FROM placements WHERE status IN ('pending', 'active') AND start_date = $1 ORDER BY id`,
);

export const SLOTS_CLOSING = statement<[applicationDeadline: string], { id: string; enterprise_id: string; applicants: number }>(
  'reminders.slots-closing',
  `SELECT s.id, s.enterprise_id,
          (SELECT count(*)::int FROM applications a WHERE a.slot_id = s.id AND a.status IN ('submitted', 'shortlisted')) AS applicants
     FROM slots s WHERE s.state = 'open' AND s.application_deadline = $1 ORDER BY s.id`,
);

export const PRACTICE_STARTING = statement<
  [startDate: string],
  { id: string; teacher_id: string; enterprise_id: string; school_id: string }
>(
  'reminders.practice-starting',
  `SELECT id, teacher_id, enterprise_id, school_id FROM bookings WHERE status IN ('booked', 'confirmed') AND start_date = $1 ORDER BY id`,
);

/** §12: teachers with no booking (other than cancelled) touching the calendar year. */
export const TEACHERS_WITHOUT_PRACTICE = statement<[year: number], { user_id: string; school_id: string }>(
  'reminders.teachers-without-practice',
  `SELECT t.user_id, t.school_id FROM teachers t
    WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.teacher_id = t.user_id AND b.status <> 'cancelled'
                        AND b.start_date <= make_date($1, 12, 31) AND b.end_date >= make_date($1, 1, 1))
    ORDER BY t.user_id`,
);

// Offers (offers.expire).

export const EXPIRE_OFFERS = statement<[today: string], { id: string; student_id: string; enterprise_id: string; school_id: string }>(
  'offers.expire-unanswered',
  `UPDATE applications SET status = 'expired', decided_at = now(), updated_at = now()
    WHERE status = 'offered' AND respond_by < $1
    RETURNING id, student_id, enterprise_id, school_id`,
);

// The daily digest (digest.send).

export interface DigestReader {
  user_id: string;
  email: string;
  name: string;
  locale: string;
  role: string;
}

/** A thousand people per run: the rest wait for the next. */
export const PEOPLE_WITH_DIGEST = statement<[], DigestReader>(
  'digest.people',
  `SELECT u.id AS user_id, u.email, u.name, u.locale, u.role FROM users u
    WHERE u.id IN (SELECT d.user_id FROM deliveries d WHERE d.status = 'digest')
    LIMIT 1000`,
);

/** SKIP LOCKED: a second run at the same time passes over the deliveries this one holds. */
export const HOLD_DIGEST = statement<[userId: string], { id: string; kind: string }>(
  'digest.hold',
  `SELECT d.id, e.kind FROM deliveries d JOIN outbox_events e ON e.id = d.event_id
    WHERE d.user_id = $1 AND d.status = 'digest' ORDER BY d.created_at, d.id FOR UPDATE OF d SKIP LOCKED`,
);

/** The inbox entries of the held deliveries: kind and facts (or the words of an older entry), rendered at sending. */
export const DIGEST_TITLES = statement<
  [deliveryIds: string[]],
  { kind: string; facts: Record<string, unknown> | null; title: string | null; body: string | null }
>(
  'digest.titles',
  `SELECT n.kind, n.facts, n.title, n.body FROM deliveries d JOIN notifications n ON n.event_id = d.event_id AND n.user_id = d.user_id
    WHERE d.id = ANY($1::uuid[]) ORDER BY n.created_at`,
);

export const DIGEST_SENT = statement<[deliveryIds: string[]], never>(
  'digest.sent',
  `UPDATE deliveries SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`,
);
