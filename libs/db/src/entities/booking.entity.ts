import { BOOKING_STATUSES, type BookingStatus } from '@skillbridge/contracts';
import { Check, Column, CreateDateColumn, Entity, Exclusion, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { oneOf } from './checks';

/**
 * A teacher's practice month at an enterprise (教师企业实践). A teacher's own bookings never
 * overlap (the exclusion constraint); a slot's capacity per day is held by `practice_days`.
 */
@Entity('bookings')
@Check('bookings_status', oneOf('status', BOOKING_STATUSES))
@Check('bookings_dates', '"end_date" >= "start_date"')
@Check('bookings_days_served', '"days_served" IS NULL OR ("days_served" >= 0 AND "days_served" <= "end_date" - "start_date" + 1)')
@Exclusion(
  'bookings_teacher_no_overlap',
  `USING gist ("teacher_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&) WHERE ("status" <> 'cancelled')`,
)
@Index('bookings_slot_id', ['slotId'])
@Index('bookings_school_id', ['schoolId'])
@Index('bookings_enterprise_status', ['enterpriseId', 'status'])
export class Booking {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  slotId: string;

  @Index('bookings_teacher_id')
  @Column('uuid')
  teacherId: string;

  @Column('uuid')
  schoolId: string;

  @Column('uuid')
  enterpriseId: string;

  @Column('date')
  startDate: string;

  @Column('date')
  endDate: string;

  @Column('text', { default: 'booked' })
  status: BookingStatus;

  /** Confirmed by the enterprise supervisor at completion. */
  @Column('int', { nullable: true })
  daysServed: number | null;

  @Column('text', { nullable: true })
  evaluation: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
