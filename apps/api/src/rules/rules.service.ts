import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { YearRulesRecord } from '@skillbridge/db';
import { DomainError, YearRules, rulesProblems, today } from '@skillbridge/domain';
import { refreshQuotas, rulesForYear } from '@skillbridge/quotas';
import { DataSource } from 'typeorm';

const FRESH_FOR_MS = 30_000;

/** The year's rules, read from `year_rules` and kept for half a minute: edits show without a deploy. */
@Injectable()
export class RulesService {
  private readonly cache = new Map<number, { rules: Promise<YearRules>; at: number }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Drops a cached year after its rules were written (other replicas catch up within half a minute). */
  forget(year: number): void {
    this.cache.delete(year);
  }

  /** Writes the year's rules, refused whole when they break one of the domain's checks; quota figures follow at once. */
  async set(year: number, numbers: Omit<YearRules, 'year'>): Promise<YearRules> {
    const rules: YearRules = { year, ...numbers };
    const problems = rulesProblems(rules);
    if (problems.length) throw new DomainError('INVALID_RULES', 'unprocessable', problems.join('; '));
    await this.db.transaction(async (tx) => {
      await tx.getRepository(YearRulesRecord).save({ year, rules: numbers });
      await refreshQuotas(tx, rules, null, today());
    });
    this.forget(year);
    return this.forYear(year);
  }

  forYear(year: number): Promise<YearRules> {
    const cached = this.cache.get(year);
    if (cached && Date.now() - cached.at < FRESH_FOR_MS) return cached.rules;
    const rules = rulesForYear(this.db, year);
    this.cache.set(year, { rules, at: Date.now() });
    rules.catch(() => this.cache.delete(year));
    return rules;
  }
}
