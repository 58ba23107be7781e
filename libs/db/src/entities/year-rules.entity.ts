import type { YearRules } from '@skillbridge/domain';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** `rules/<year>`: the numbers of domain.md §2 for one year; a year without a row uses the defaults. */
@Entity('year_rules')
export class YearRulesRecord {
  @PrimaryColumn('int')
  year: number;

  @Column('jsonb')
  rules: Omit<YearRules, 'year'>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
