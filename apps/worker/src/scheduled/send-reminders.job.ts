import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { run } from '@skillbridge/db';
import { Clock } from '@skillbridge/domain';
import { recordEvent } from '@skillbridge/notifications';
import { DataSource, EntityManager } from 'typeorm';
import { HandlesJob, JobHandler } from '../jobs/job-handler';
import { PLACEMENTS_STARTING, PRACTICE_STARTING, SLOTS_CLOSING, TEACHERS_WITHOUT_PRACTICE } from './scheduled.statements';

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
      const starting = await run(tx, PLACEMENTS_STARTING, [this.clock.dayIn(PLACEMENT_REMINDER_DAYS)]);
      for (const p of starting) {
        await recordEvent(
          tx,
          'placement.starting',
          p.id,
          { users: [p.person_id], adminsOf: [p.enterprise_id, p.school_id] },
          {},
          `placement.starting:${p.id}`,
        );
      }
      const closing = await run(tx, SLOTS_CLOSING, [this.clock.dayIn(DEADLINE_REMINDER_DAYS)]);
      for (const s of closing) {
        await recordEvent(
          tx,
          'slot.deadline-approaching',
          s.id,
          { adminsOf: [s.enterprise_id] },
          { daysLeft: DEADLINE_REMINDER_DAYS, applicants: s.applicants },
          `slot.deadline:${s.id}`,
        );
      }
      const practising = await run(tx, PRACTICE_STARTING, [this.clock.dayIn(PLACEMENT_REMINDER_DAYS)]);
      for (const b of practising) {
        await recordEvent(
          tx,
          'booking.starting',
          b.id,
          { users: [b.teacher_id], adminsOf: [b.enterprise_id, b.school_id] },
          {},
          `booking.starting:${b.id}`,
        );
      }
      await this.remindTeachersWithoutPractice(tx);
    });
  }

  /** From 1 October, once a year: teachers with no practice booked in the calendar year. */
  private async remindTeachersWithoutPractice(tx: EntityManager): Promise<void> {
    const today = this.clock.today();
    const year = Number(today.slice(0, 4));
    if (today < `${year}-10-01`) return;
    const idle = await run(tx, TEACHERS_WITHOUT_PRACTICE, [year]);
    for (const t of idle) {
      await recordEvent(tx, 'practice.reminder', t.user_id, { users: [t.user_id] }, { year }, `practice.reminder:${t.user_id}:${year}`);
    }
  }
}
