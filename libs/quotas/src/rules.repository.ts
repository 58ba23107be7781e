import { YearRulesRecord } from '@skillbridge/db';
import { YearRules, defaultRulesFor } from '@skillbridge/domain';
import { DataSource } from 'typeorm';

/** The rules in force for a year: its stored record, or the defaults when none was written. */
export async function rulesForYear(db: DataSource, year: number): Promise<YearRules> {
  const record = await db.getRepository(YearRulesRecord).findOneBy({ year });
  return record ? { ...defaultRulesFor(year), ...record.rules, year } : defaultRulesFor(year);
}
