import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RuleChangeView } from '@skillbridge/contracts';
import { RuleChangeRecord, YearRulesRecord, run } from '@skillbridge/db';
import { type Actor, DEFAULT_RULES, DomainError, YearRules, ruleChanges, rulesProblems, today } from '@skillbridge/domain';
import { refreshQuotas, rulesForYear } from '@skillbridge/quotas';
import { DataSource } from 'typeorm';
import { LOCK_YEAR_RULES, RULE_HISTORY } from './rules.statements';

const FRESH_FOR_MS = 30_000;
const HISTORY_LENGTH = 200;

/** The year's rules, read from `year_rules` and kept for half a minute: edits show without a deploy. */
@Injectable()
export class RulesService {
  private readonly cache = new Map<number, { rules: Promise<YearRules>; at: number }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Drops a cached year after its rules were written (other replicas catch up within half a minute). */
  forget(year: number): void {
    this.cache.delete(year);
  }

  /**
   * Writes the year's rules, refused whole when they break one of the domain's checks; quota figures
   * follow at once. A save that changes something is kept in the history (who, before, after) in the
   * same transaction; a save that changes nothing writes nothing.
   */
  async set(actor: Actor, year: number, numbers: Omit<YearRules, 'year'>): Promise<YearRules> {
    const rules: YearRules = { year, ...numbers };
    const problems = rulesProblems(rules);
    if (problems.length) throw new DomainError('INVALID_RULES', 'unprocessable', problems.join('; '));
    await this.db.transaction(async (tx) => {
      await run(tx, LOCK_YEAR_RULES, [year]);
      const stored = await tx.getRepository(YearRulesRecord).findOneBy({ year });
      const before: Omit<YearRules, 'year'> = { ...DEFAULT_RULES, ...stored?.rules };
      const changes = ruleChanges(before, numbers);
      if (changes.length === 0) return;
      await tx.getRepository(YearRulesRecord).save({ year, rules: numbers });
      await tx.getRepository(RuleChangeRecord).insert({ year, changedBy: actor.userId, before, after: numbers, changes });
      await refreshQuotas(tx, rules, null, today());
    });
    this.forget(year);
    return this.forYear(year);
  }

  /** Who changed which of the year's numbers and when, newest first. */
  async history(year: number): Promise<RuleChangeView[]> {
    const rows = await run(this.db, RULE_HISTORY, [year, HISTORY_LENGTH]);
    return rows.map((r) => ({
      id: r.id,
      year: r.year,
      changedAt: new Date(r.changed_at).toISOString(),
      changedBy: r.user_id ? { id: r.user_id, name: r.user_name ?? '', email: r.user_email ?? '' } : null,
      changes: r.changes,
    }));
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
