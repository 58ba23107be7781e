/**
 * `node libs/db/dist/cli.js migrate|seed|setup`: runs the migrations and loads the demo data on
 * the database named by DATABASE_URL. `setup` does both, seeding only a database not yet seeded.
 */
import { SystemClock } from '@skillbridge/domain';
import { createDataSource } from './data-source';
import { refreshQuotas } from './quota.repository';
import { rulesForYear } from './rules.repository';
import { isSeeded, seedDemo } from './seed/demo';

async function main(command: string | undefined): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  if (!['migrate', 'seed', 'setup'].includes(command ?? '')) throw new Error('usage: cli.js migrate | seed | setup');
  const db = await createDataSource(url, { logging: ['error'] }).initialize();
  try {
    if (command === 'migrate' || command === 'setup') {
      const ran = await db.runMigrations({ transaction: 'each' });
      console.log(ran.length ? `migrations applied: ${ran.map((m) => m.name).join(', ')}` : 'migrations: up to date');
    }
    if (command === 'seed' || command === 'setup') {
      if (await isSeeded(db)) console.log('demo data: already loaded');
      else {
        await seedDemo(db);
        console.log('demo data: loaded');
      }
    }
    // Quota figures for last, this and next year, under each year's rules (idempotent).
    const today = new SystemClock().today(); // in Lanzhou
    const year = Number(today.slice(0, 4));
    for (const y of [year - 1, year, year + 1]) await refreshQuotas(db.manager, await rulesForYear(db, y), null, today);
  } finally {
    await db.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
