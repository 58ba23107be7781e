import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MatchRound } from './match-round.entity';
import { Slot } from './slot.entity';

/** A slot of a round, with the seats the round may fill (its seats left when the round was made). */
@Entity('match_round_slots')
@Check('match_round_slots_capacity', '"capacity" >= 0')
export class MatchRoundSlot {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_match_round_slots' })
  roundId: string;

  @Index('match_round_slots_slot')
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_match_round_slots' })
  slotId: string;

  @Column('int')
  capacity: number;

  /** How many students listed the slot, stored by each run (lists are closed by then); null before the first run. */
  @Column('int', { nullable: true })
  applicants: number | null;

  @ManyToOne(() => MatchRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_match_round_slots_round' })
  round?: MatchRound;

  @ManyToOne(() => Slot, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id', foreignKeyConstraintName: 'FK_match_round_slots_slot' })
  slot?: Slot;
}
