// @ts-check
// `npm run db:migrate`: runs the migrations on DATABASE_URL (or on the embedded PostgreSQL that
// `npm start` uses). `npm run db:seed` also loads the demo data when it is not there yet.
import path from 'node:path';
import { ensurePostgres } from './lib/services.mjs';
import { DATA, buildAll, setUpDatabase } from './lib/run.mjs';

const postgres = await ensurePostgres({ dataDir: path.join(DATA, 'pg') });
try {
  buildAll();
  setUpDatabase(postgres.url, process.argv.includes('--seed') ? 'setup' : 'migrate');
} finally {
  await postgres.stop();
}
