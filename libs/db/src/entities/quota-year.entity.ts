import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * 配额 — an enterprise's intern quota for a year, kept current as headcounts and placements change
 * (refreshQuotas), so that the bureaus' dashboards read 10^5 rows without counting placements.
 * The status is not stored: it depends on the day (libs/domain quota.ts) and is computed on read.
 */
@Entity('quota_years')
@Index('quota_years_year', ['year', 'enterpriseId'])
export class QuotaYear {
  @PrimaryColumn('uuid')
  enterpriseId: string;

  @PrimaryColumn('int')
  year: number;

  @Column('int', { nullable: true })
  employees: number | null;

  /** ceil(intake rate × employees) under the year's rules. */
  @Column('int')
  required: number;

  /** Distinct students with an internship or apprenticeship placement overlapping the year, active or completed. */
  @Column('int')
  hosted: number;

  /** floor(cap rate × employees): the most interns at once. */
  @Column('int')
  cap: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
