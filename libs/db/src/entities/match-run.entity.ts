import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MatchRound } from './match-round.entity';

/**
 * One run of a round, everything an auditor needs to re-run it: the instance as dense arrays
 * (hr-instance v1 in CSR form; student and slot ids map positions to uuids), the seed, the criteria
 * and the engine version; then the output (assignment[s] = slot position or -1, choice[s] = the
 * 1-based place of that slot on the student's list, 0 unmatched), the stability check and figures.
 */
@Entity('match_runs')
@Index('match_runs_round_request', ['roundId', 'request'], { unique: true })
export class MatchRun {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_match_runs' })
  id: string;

  @Column('uuid')
  roundId: string;

  @Column('int')
  request: number;

  @Column('text')
  seed: string;

  @Column('text')
  algorithmVersion: string;

  @Column('jsonb')
  criteria: string[];

  @Column('uuid', { array: true })
  studentIds: string[];

  @Column('uuid', { array: true })
  slotIds: string[];

  @Column('int', { array: true })
  capacity: number[];

  @Column('int', { array: true })
  choiceStart: number[];

  @Column('int', { array: true })
  choiceSlot: number[];

  @Column('int', { array: true })
  rankStart: number[];

  @Column('int', { array: true })
  rankedStudent: number[];

  /** Positions of the slots ranked by the criteria (the others by their enterprise). */
  @Column('int', { array: true })
  automaticSlots: number[];

  /** (student, slot) pairs left out because the student already holds a placement overlapping the slot's dates. */
  @Column('int')
  excludedPairs: number;

  /** SHA-256 of the instance written as hr-instance v1. */
  @Column('text')
  inputsSha256: string;

  @Column('int', { array: true })
  assignment: number[];

  @Column('int', { array: true })
  choice: number[];

  @Column('boolean')
  stable: boolean;

  @Column('int')
  blockingPairs: number;

  @Column('int')
  problems: number;

  @Column('jsonb')
  figures: Record<string, unknown>;

  @Column('int')
  runMs: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => MatchRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_match_runs_round' })
  round?: MatchRound;
}
