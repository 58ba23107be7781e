// Runs once before every test: prepares a template database (migrated, with the demo data) that
// each integration test file clones into a database of its own, so files run in parallel in isolation.
const { Client } = require('pg');

module.exports = async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.warn('\nDATABASE_URL is not set: integration tests will fail. Run them with `npm test`, which brings up PostgreSQL and Redis.');
    return;
  }
  const template = `sb_tpl_${process.pid}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  /* eslint-disable skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the names are this test run's own */
  try {
    // Clear databases left by runs that were killed: those whose run (named by its pid) is gone.
    const left = await admin.query(`SELECT datname FROM pg_database WHERE datname ~ '^sb_(tpl|t)_[0-9]+'`);
    for (const { datname } of left.rows) {
      const pid = Number(/^sb_(?:tpl|t)_(\d+)/.exec(datname)[1]);
      if (pid !== process.pid && isAlive(pid)) continue; // another test run on this machine
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
    await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  /* eslint-enable skillbridge/no-sql-assembly */
  const templateUrl = withDatabase(url, template);
  // The libraries' build (scripts/test.mjs builds first) runs migrations and the seed exactly as production does:
  // `setup`, the command of libs/db-cli/dist/cli.js, quietly.
  const { createDataSource } = require('../libs/db/dist');
  const { runDatabaseCommand } = require('../libs/db-cli/dist');
  const db = await createDataSource(templateUrl).initialize();
  try {
    await runDatabaseCommand(db, 'setup', () => undefined);
  } finally {
    await db.destroy();
  }
  process.env.SB_TEST_TEMPLATE = template;
  process.env.SB_TEST_RUN = String(process.pid);
};

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function withDatabase(url, name) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
module.exports.withDatabase = withDatabase;
