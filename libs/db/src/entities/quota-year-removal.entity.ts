import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One statement that deleted quota_years rows, written by the trigger quota_years_removed (migration
 * QuotaTable1796500000000): the quota summary's memo asks whether one committed since its snapshot,
 * as it asks quota_years.changed_xid of the rows still there. Nothing else writes here.
 */
@Entity('quota_year_removals')
export class QuotaYearRemoval {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_quota_year_removals' })
  id: string;

  /** The deleting transaction: current_xid(), pg_current_xact_id() as a bigint. */
  @Index('quota_year_removals_xid')
  @Column({ type: 'bigint', default: () => 'current_xid()' })
  xid: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
