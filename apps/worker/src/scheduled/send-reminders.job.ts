import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { recordEvent } from '@skillbridge/db';
import { Clock } from '@skillbridge/domain';
import { DataSource, EntityManager } from 'typeorm';
import { HandlesJob, JobHandler } from '../jobs/job-handler';

export const PLACEMENT_REMINDER_DAYS = 7;
export const DEADLINE_REMINDER_DAYS = 3;

/**
 * Reminders that come from the calendar: a placement or a practice month starting in a week, a
 * slot whose applications close in three days, and — in the fourth quarter — every teacher with no
 * practice booked for the year (§12). Runs hourly; each reminder is recorded once (its dedupe key),
 * in id order, so that two runs at once (a schedule's and an operator's) wait for each other instead
 * of deadlocking. "Today" is the worker's clock's, in Lanzhou.
 */
@Injectable()
@HandlesJob('reminders.send')
export class SendRemindersJob implements JobHandler<'reminders.send'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    await this.db.transaction(async (tx) => {
      const starting: Array<{ id: string; person_id: string; enterprise_id: string; school_id: string }> = await tx.query(
        `SELECT id, person_id, enterprise_id, school_id FROM placements WHERE status IN ('pending', 'active') AND start_date = $1 ORDER BY id`,
        [this.clock.dayIn(PLACEMENT_REMINDER_DAYS)],
      );
      for (const p of starting) {
        await recordEvent(tx, 'placement.starting', p.id, { users: [p.person_id], adminsOf: [p.enterprise_id, p.school_id] }, {}, `placement.starting:${p.id}`);
      }
      const closing: Array<{ id: string; enterprise_id: string; applicants: number }> = await tx.query(
        `SELECT s.id, s.enterprise_id,
                (SELECT count(*)::int FROM applications a WHERE a.slot_id = s.id AND a.status IN ('submitted', 'shortlisted')) AS applicants
           FROM slots s WHERE s.state = 'open' AND s.application_deadline = $1 ORDER BY s.id`,
        [this.clock.dayIn(DEADLINE_REMINDER_DAYS)],
      );
      for (const s of closing) {
        await recordEvent(tx, 'slot.deadline-approaching', s.id, { adminsOf: [s.enterprise_id] }, { daysLeft: DEADLINE_REMINDER_DAYS, applicants: s.applicants }, `slot.deadline:${s.id}`);
      }
      const practising: Array<{ id: string; teacher_id: string; enterprise_id: string; school_id: string }> = await tx.query(
        `SELECT id, teacher_id, enterprise_id, school_id FROM bookings WHERE status IN ('booked', 'confirmed') AND start_date = $1 ORDER BY id`,
        [this.clock.dayIn(PLACEMENT_REMINDER_DAYS)],
      );
      for (const b of practising) {
        await recordEvent(tx, 'booking.starting', b.id, { users: [b.teacher_id], adminsOf: [b.enterprise_id, b.school_id] }, {}, `booking.starting:${b.id}`);
      }
      await this.remindTeachersWithoutPractice(tx);
    });
  }

  /** From 1 October, once a year: teachers with no practice booked in the calendar year. */
  private async remindTeachersWithoutPractice(tx: EntityManager): Promise<void> {
    const today = this.clock.today();
    const year = Number(today.slice(0, 4));
    if (today < `${year}-10-01`) return;
    const idle: Array<{ user_id: string; school_id: string }> = await tx.query(
      `SELECT t.user_id, t.school_id FROM teachers t
        WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.teacher_id = t.user_id AND b.status <> 'cancelled'
                            AND b.start_date <= make_date($1, 12, 31) AND b.end_date >= make_date($1, 1, 1))
        ORDER BY t.user_id`,
      [year],
    );
    for (const t of idle) {
      await recordEvent(tx, 'practice.reminder', t.user_id, { users: [t.user_id] }, { year }, `practice.reminder:${t.user_id}:${year}`);
    }
  }
}
