import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { MatchRound } from './match-round.entity';
import { User } from './user.entity';

/** A student's rank-order list in a round: slot ids, most preferred first, at most 10 (domain §3). */
@Entity('match_preferences')
@Check('match_preferences_length', 'cardinality("slot_ids") BETWEEN 1 AND 10')
// The applicants of a slot: the lists that name it.
@Index('match_preferences_slot_ids', ['slotIds'], { type: 'gin' })
export class MatchPreference {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_match_preferences' })
  roundId: string;

  @Index('match_preferences_student')
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'PK_match_preferences' })
  studentId: string;

  @Column('uuid', { array: true })
  slotIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => MatchRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_match_preferences_round' })
  round?: MatchRound;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'student_id', foreignKeyConstraintName: 'FK_match_preferences_student' })
  student?: User;
}
