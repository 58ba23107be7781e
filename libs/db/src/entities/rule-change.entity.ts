import type { RuleDifference } from '@skillbridge/contracts';
import type { YearRules } from '@skillbridge/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One save of a year's rules (`year_rules`): who saved it, the numbers before and after, and the
 * differences the platform admin was shown. Written in the transaction of the save; never changed.
 */
@Entity('rule_changes')
@Index('rule_changes_year', ['year', 'id'])
export class RuleChangeRecord {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'PK_rule_changes' })
  id: string;

  @Column('int')
  year: number;

  /** The platform admin who saved; kept as an id, so the history outlives a removed account. */
  @Column('uuid', { nullable: true })
  changedBy: string | null;

  @Column('jsonb')
  before: Omit<YearRules, 'year'>;

  @Column('jsonb')
  after: Omit<YearRules, 'year'>;

  @Column('jsonb')
  changes: RuleDifference[];

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
