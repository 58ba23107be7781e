import { hashPassword } from '@skillbridge/accounts';
import { isSeeded, seedDemo } from '@skillbridge/db';
import { SystemClock, lanzhouDate } from '@skillbridge/domain';
import { refreshQuotas, rulesForYear } from '@skillbridge/quotas';
import { DataSource } from 'typeorm';
import { signDemoAgreements } from './demo-agreements';
import { publishDemoRound } from './demo-round';

export const DATABASE_COMMANDS = ['migrate', 'seed', 'setup'] as const;
export type DatabaseCommand = (typeof DATABASE_COMMANDS)[number];

export const isDatabaseCommand = (command: string | undefined): command is DatabaseCommand =>
  (DATABASE_COMMANDS as readonly string[]).includes(command ?? '');

/**
 * Runs the migrations (`migrate`), loads the demo data into a database not yet seeded (`seed`), or both
 * (`setup`) — the demo's year under way on the day it is loaded (`now`: the real time, or a test's), its
 * first match round run and published for real; then computes the quota figures of last, this and next year, under each year's rules
 * (idempotent), so that dashboards have something to show at once. `log` hears what was done.
 */
export async function runDatabaseCommand(
  db: DataSource,
  command: DatabaseCommand,
  log: (line: string) => void = console.log,
  now: Date = new SystemClock().now(),
): Promise<void> {
  if (command === 'migrate' || command === 'setup') {
    const ran = await db.runMigrations({ transaction: 'each' });
    log(ran.length ? `migrations applied: ${ran.map((m) => m.name).join(', ')}` : 'migrations: up to date');
  }
  if (command === 'seed' || command === 'setup') {
    if (await isSeeded(db)) log('demo data: already loaded');
    else {
      await seedDemo(db, hashPassword, now);
      await publishDemoRound(db);
      await signDemoAgreements(db);
      log('demo data: loaded');
    }
  }
  const today = lanzhouDate(now); // in Lanzhou
  const year = Number(today.slice(0, 4));
  for (const y of [year - 1, year, year + 1]) await refreshQuotas(db.manager, await rulesForYear(db, y), null, today);
}
