/**
 * `node libs/db-cli/dist/cli.js migrate|seed|setup`: runs the migrations and loads the demo data on
 * the database named by DATABASE_URL. `setup` does both, seeding only a database not yet seeded.
 * A project of its own because it uses feature libraries (accounts, quotas), which libs/db may not.
 */
import { createDataSource } from '@skillbridge/db';
import { isDatabaseCommand, runDatabaseCommand } from './database-command';

async function main(command: string | undefined): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  if (!isDatabaseCommand(command)) throw new Error('usage: cli.js migrate | seed | setup');
  const db = await createDataSource(url, { logging: ['error'] }).initialize();
  try {
    await runDatabaseCommand(db, command);
  } finally {
    await db.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
