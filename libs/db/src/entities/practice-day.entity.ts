import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Teachers a practice slot holds on one day. A booking adds one to each of its days with a guarded
 * upsert (`taken < capacity`), so capacity holds per day under parallel bookings, and bookings in
 * different weeks never wait for each other.
 */
@Entity('practice_days')
@Check('practice_days_taken', '"taken" >= 0')
export class PracticeDay {
  @PrimaryColumn('uuid')
  slotId: string;

  @PrimaryColumn('date')
  day: string;

  @Column('int')
  taken: number;
}
