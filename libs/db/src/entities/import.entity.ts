import { IMPORT_STATUSES, type ImportStatus } from '@skillbridge/contracts';
import type { ImportKind, ImportRowError } from '@skillbridge/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { oneOf } from './checks';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';

export type { ImportStatus };
export type ImportFormat = 'csv' | 'xlsx';
/** Why a `failed` import failed; see ImportFailureReason in libs/contracts. */
export type ImportFailureReason = 'STALLED' | 'JOB_LOST' | 'NOT_QUEUED' | 'INTERNAL_ERROR';
/** The statuses an import passes through; a sweep ends any that stays in one too long. */
export const UNFINISHED_IMPORT_STATUSES = ['queued', 'validating', 'importing'] as const;

/**
 * 批量导入 — one uploaded file and what became of it. The bytes live here (not on a disk) so
 * that any worker replica can take the job; they are dropped once the import has finished.
 */
@Entity('imports')
@Check('imports_kind', `"kind" IN ('students', 'teachers', 'headcounts', 'majors')`)
@Check('imports_status', oneOf('status', IMPORT_STATUSES))
@Check('imports_school', `("kind" IN ('headcounts', 'majors')) = ("school_id" IS NULL)`)
@Index('imports_school_created', ['schoolId', 'createdAt'])
@Index('imports_created_by', ['createdBy', 'createdAt'])
@Check('imports_year', `"year" IS NULL OR ("kind" = 'headcounts' AND "year" BETWEEN 2000 AND 2100)`)
@Index('imports_unfinished', ['updatedAt'], { where: `"status" IN ('queued', 'validating', 'importing')` })
@Check(
  'imports_failure_reason',
  `"failure_reason" IN ('STALLED', 'JOB_LOST', 'NOT_QUEUED', 'INTERNAL_ERROR') AND "status" = 'failed' OR "failure_reason" IS NULL AND "status" <> 'failed'`,
)
export class Import {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_imports' })
  id: string;

  @Column('text')
  kind: ImportKind;

  @Column('text', { default: 'queued' })
  status: ImportStatus;

  /** The school whose people are imported; null for an officer's headcounts. */
  @Column('uuid', { nullable: true })
  schoolId: string | null;

  /** A headcount import's year, when its uploader named one: every row must be of it. */
  @Column('int', { nullable: true })
  year: number | null;

  @Column('uuid')
  createdBy: string;

  @Column('text')
  fileName: string;

  @Column('text')
  format: ImportFormat;

  // Stored uncompressed (SET STORAGE EXTERNAL, migration Imports1796100000000): read once, then dropped.
  @Column('bytea', { nullable: true, select: false })
  file: Buffer | null;

  /** Data rows in the file (blank rows not counted); known once the worker has read it. */
  @Column('int', { nullable: true })
  totalRows: number | null;

  @Column('int', { default: 0 })
  processedRows: number;

  /** Rows written: equal to totalRows when done, 0 otherwise (all or nothing). */
  @Column('int', { default: 0 })
  importedRows: number;

  /** Every error found; only the first MAX_REPORTED_ERRORS are stored in `errors`. */
  @Column('int', { default: 0 })
  errorCount: number;

  @Column('jsonb', { default: () => "'[]'" })
  errors: ImportRowError[];

  /** Why a `failed` import failed (ours, not the file's fault). */
  @Column('text', { nullable: true })
  failure: string | null;

  /** Why, as a code the portal words for the uploader; set exactly when the import is `failed`. */
  @Column('text', { nullable: true })
  failureReason: ImportFailureReason | null;

  /** When activation codes were last handed out for this import's accounts. */
  @Column('timestamptz', { nullable: true })
  codesIssuedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'school_id', foreignKeyConstraintName: 'FK_imports_school' })
  school?: Organisation | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_imports_created_by' })
  creator?: User;
}
