// @ts-check
// `npm run db:generate -- Name`: compares the entities with a scratch database migrated to the
// latest committed migration, and writes the difference as libs/db/src/migrations/<time>-Name.ts.
// Review it, then list it in libs/db/src/migrations/index.ts.
// `npm run db:generate -- --check`: the same comparison (libs/db/src/schema-drift.ts), written nowhere: lists
// the differences and exits 1 when there are any (CI runs it as libs/db/test/schema-matches-entities.int-spec.ts).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { ensurePostgres } from './lib/services.mjs';
import { DATA, ROOT, binOf, buildAll, runOrFail, setUpDatabase } from './lib/run.mjs';

const check = process.argv[2] === '--check';
const name = process.argv[2];
if (!check && (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))) {
  console.error('usage: npm run db:generate -- MigrationName (PascalCase), or -- --check');
  process.exit(2);
}
const postgres = await ensurePostgres({ dataDir: path.join(DATA, 'pg') });
const scratchName = `sb_generate_${process.pid}`;
const admin = new pg.Client({ connectionString: postgres.url });
await admin.connect();
try {
  // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
  await admin.query(`CREATE DATABASE "${scratchName}"`);
  const scratch = new URL(postgres.url);
  scratch.pathname = `/${scratchName}`;
  buildAll();
  setUpDatabase(scratch.toString(), 'migrate');
  const drift = await driftOf(scratch.toString());
  if (check || drift.pending.length === 0) {
    // Nothing to generate (TypeORM's CLI would fail saying so); what only an entity can fix is listed either way.
    const report = drift.describe();
    if (report) console.error(report);
    else console.log('The entities match the migrations: `npm run db:generate` would write nothing.');
    process.exitCode = report ? 1 : 0;
  } else {
    runOrFail(
      process.execPath,
      [
        binOf('typeorm', 'typeorm'),
        'migration:generate',
        '-d',
        'libs/db/dist/generate-data-source.js',
        '--timestamp',
        String(nextTimestamp()),
        `libs/db/src/migrations/${name}`,
      ],
      {
        env: { ...process.env, DATABASE_URL: scratch.toString() },
      },
    );
  }
} finally {
  // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the name is this run's own
  await admin.query(`DROP DATABASE IF EXISTS "${scratchName}" WITH (FORCE)`);
  await admin.end();
  await postgres.stop();
}

/**
 * The new migration's timestamp: now, or just after the newest committed migration when that one was numbered ahead of
 * the clock by hand (`1797000000000-…`), so that the new one runs last — TypeORM orders migrations by their timestamp.
 */
function nextTimestamp() {
  const committed = fs.readdirSync(path.join(ROOT, 'libs/db/src/migrations')).map((file) => Number(/^(\d{13})-/.exec(file)?.[1] ?? 0));
  return Math.max(Date.now(), ...committed.map((t) => t + 1));
}

/**
 * How the entities differ from the migrated scratch database, read through the build of libs/db.
 * @param {string} url
 * @returns {Promise<{ pending: string[], describe: () => string }>} pending: the statements a generated migration would hold
 */
async function driftOf(url) {
  const require = createRequire(import.meta.url);
  const { createDataSource } = require(path.join(ROOT, 'libs/db/dist'));
  const { schemaDrift, describeSchemaDrift } = require(path.join(ROOT, 'libs/db/dist/schema-drift'));
  const db = await createDataSource(url).initialize();
  try {
    const drift = await schemaDrift(db);
    return { ...drift, describe: () => describeSchemaDrift(drift) };
  } finally {
    await db.destroy();
  }
}
