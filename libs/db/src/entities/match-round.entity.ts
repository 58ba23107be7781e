import { MATCH_ROUND_STATUSES, type MatchRoundStatus } from '@skillbridge/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { oneOf } from './checks';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

/**
 * 撮合轮次 — a centralized clearing over a set of slots, owned by a school (owner_organisation_id) or
 * by the education bureau (owner_authority 'EDU'). The seed fixes every lottery of its automatic
 * rankings; each run is kept in match_runs.
 */
@Entity('match_rounds')
@Check('match_rounds_status', oneOf('status', MATCH_ROUND_STATUSES))
@Check('match_rounds_owner', `("owner_organisation_id" IS NULL) <> ("owner_authority" IS NULL)`)
@Check('match_rounds_authority', `"owner_authority" IS NULL OR "owner_authority" = 'EDU'`)
@Index('match_rounds_collecting_deadline', ['preferenceDeadline'], { where: `"status" = 'collecting'` })
export class MatchRound {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_match_rounds' })
  id: string;

  @Column('text')
  name: string;

  @Index('match_rounds_owner_organisation')
  @Column('uuid', { nullable: true })
  ownerOrganisationId: string | null;

  @Column('text', { nullable: true })
  ownerAuthority: 'EDU' | null;

  @Column('uuid')
  createdBy: string;

  @Column('text', { default: 'draft' })
  status: MatchRoundStatus;

  @Column('timestamptz')
  preferenceDeadline: Date;

  @Column('text')
  seed: string;

  /** How unranked slots rank their applicants (rankByCriteria): wanted major, wanted skills, then the seeded lottery. */
  @Column('jsonb', { default: () => `'["major", "skills", "lottery"]'` })
  criteria: string[];

  /** The engine version of the latest run. */
  @Column('text', { nullable: true })
  algorithmVersion: string | null;

  /** A second round's first: its unmatched students and seats left are this round's. */
  @Column('uuid', { nullable: true })
  parentRoundId: string | null;

  /** Counts run requests; the worker's job carries the number it was enqueued for. */
  @Column('int', { default: 0 })
  runRequest: number;

  /** Set while a run is queued or running. */
  @Column('timestamptz', { nullable: true })
  runRequestedAt: Date | null;

  @Column('uuid', { nullable: true })
  lastRunId: string | null;

  /** Why the latest run failed, if it did. */
  @Column('text', { nullable: true })
  runError: string | null;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_organisation_id', foreignKeyConstraintName: 'FK_match_rounds_owner' })
  ownerOrganisation?: Organisation;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_match_rounds_created_by' })
  creator?: User;

  @ManyToOne(() => MatchRound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_round_id', foreignKeyConstraintName: 'FK_match_rounds_parent' })
  parentRound?: MatchRound | null;
}
