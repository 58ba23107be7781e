// `npm run db:generate -- Name`: compares the entities with a scratch database migrated to the
// latest committed migration, and writes the difference as libs/db/src/migrations/<time>-Name.ts.
// Review it, then list it in libs/db/src/migrations/index.ts.
import path from 'node:path';
import pg from 'pg';
import { ensurePostgres } from './lib/services.mjs';
import { DATA, binOf, buildAll, runOrFail, setUpDatabase } from './lib/run.mjs';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run db:generate -- MigrationName (PascalCase)');
  process.exit(2);
}
const postgres = await ensurePostgres({ dataDir: path.join(DATA, 'pg') });
const scratchName = `sb_generate_${process.pid}`;
const admin = new pg.Client({ connectionString: postgres.url });
await admin.connect();
try {
  await admin.query(`CREATE DATABASE "${scratchName}"`);
  const scratch = new URL(postgres.url);
  scratch.pathname = `/${scratchName}`;
  buildAll();
  setUpDatabase(scratch.toString(), 'migrate');
  runOrFail(process.execPath, [binOf('typeorm', 'typeorm'), 'migration:generate', '-d', 'libs/db/dist/generate-data-source.js', `libs/db/src/migrations/${name}`], {
    env: { ...process.env, DATABASE_URL: scratch.toString() },
  });
} finally {
  await admin.query(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`);
  await admin.end();
  await postgres.stop();
}
