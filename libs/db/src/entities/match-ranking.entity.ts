import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { MatchRoundSlot } from './match-round-slot.entity';

/**
 * An enterprise's ranking of a slot's applicants in a round, best first; applicants left out are
 * unacceptable to it. A slot without a row is ranked automatically by the round's criteria.
 */
@Entity('match_rankings')
export class MatchRanking {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_match_rankings' })
  roundId: string;

  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_match_rankings' })
  slotId: string;

  @Column('uuid', { array: true })
  studentIds: string[];

  @Column('uuid', { nullable: true })
  rankedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => MatchRoundSlot, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'round_id', referencedColumnName: 'roundId', foreignKeyConstraintName: 'FK_match_rankings_round_slot' },
    { name: 'slot_id', referencedColumnName: 'slotId', foreignKeyConstraintName: 'FK_match_rankings_round_slot' },
  ])
  roundSlot?: MatchRoundSlot;
}
