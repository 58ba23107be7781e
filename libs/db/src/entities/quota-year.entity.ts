import type { OrganisationKind, Ownership } from '@skillbridge/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Organisation } from './organisation.entity';

const DAYS = `(make_date("year", 12, 31) - make_date("year", 1, 1) + 1)`;

/**
 * 配额 — an enterprise's intern quota for a year, kept current as headcounts and placements change
 * (refreshQuotas), so that the bureaus' dashboards read 10^5 rows without counting placements or
 * joining organisations (migration QuotaTable1796500000000).
 * The status depends on the day and is not stored; the two thresholds it turns on are
 * (libs/domain quotaThresholds), so that a status filter is a range condition.
 */
/** A status threshold (libs/domain quotaThresholds): stored, computed by PostgreSQL from hosted and required. */
const threshold = (asExpression: string) =>
  Column({ type: 'int', nullable: true, insert: false, update: false, generatedType: 'STORED', asExpression });

@Entity('quota_years')
// The table's page in name order: whole, by district, by industry — of verified enterprises, the only ones officers count.
@Index('quota_years_by_name', ['year', 'name', 'enterpriseId'], { where: '"verified"' })
@Index('quota_years_by_district', ['year', 'district', 'name', 'enterpriseId'], { where: '"verified"' })
@Index('quota_years_by_industry', ['year', 'industry', 'name', 'enterpriseId'], { where: '"verified"' })
export class QuotaYear {
  @PrimaryColumn('uuid')
  enterpriseId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'FK_quota_years_enterprise' })
  enterprise?: Organisation;

  @PrimaryColumn('int')
  year: number;

  @Column('int', { nullable: true })
  employees: number | null;

  /** ceil(intake rate × employees) under the year's rules. */
  @Column('int')
  required: number;

  /** Distinct students with an internship or apprenticeship placement that served a day of the year already lived (domain.md §3, libs/domain servesInYear). */
  @Column('int')
  hosted: number;

  /** floor(cap rate × employees): the most interns at once. */
  @Column('int')
  cap: number;

  // The organisation's facts, copied on insert and kept current by the trigger organisations_to_quota_years.
  @Column('text')
  kind: OrganisationKind;

  @Column('text')
  name: string;

  @Column('text')
  district: string;

  @Column('text', { nullable: true })
  ownership: Ownership | null;

  @Column('text', { nullable: true })
  industry: string | null;

  /** The organisation is verified: only such rows are in officers' figures (domain.md §3). */
  @Column('boolean', { default: false })
  verified: boolean;

  /** The last day of the year (1-based) on which the row is on track; null when met. */
  @threshold(`CASE WHEN "hosted" < "required" THEN (("hosted" + 1)::bigint * ${DAYS} - 1) / "required" END`)
  onTrackUntil: number | null;

  /** The last day on which it is at risk, after which it is behind; null when met. */
  @threshold(`CASE WHEN "hosted" < "required" THEN ((2 * "hosted" + 2)::bigint * ${DAYS} - 1) / "required" END`)
  atRiskUntil: number | null;

  /** The transaction that last wrote the row (trigger quota_years_stamp): what the summary's memo checks. */
  @Index('quota_years_changed')
  // current_xid(): pg_current_xact_id() as a bigint (migration EntitiesMatchSchema1797000000000).
  @Column({ type: 'bigint', insert: false, update: false, default: () => 'current_xid()' })
  changedXid: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
