import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MatchRound } from './match-round.entity';
import { Slot } from './slot.entity';

/** A slot of a round, with the seats the round may fill (its seats left when the round was made). */
@Entity('match_round_slots')
@Check('match_round_slots_capacity', '"capacity" >= 0')
export class MatchRoundSlot {
  @PrimaryColumn('uuid')
  roundId: string;

  @Index('match_round_slots_slot')
  @PrimaryColumn('uuid')
  slotId: string;

  @Column('int')
  capacity: number;

  /** How many students listed the slot, stored by each run (lists are closed by then); null before the first run. */
  @Column('int', { nullable: true })
  applicants: number | null;

  @ManyToOne(() => MatchRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: MatchRound;

  @ManyToOne(() => Slot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id' })
  slot?: Slot;
}
