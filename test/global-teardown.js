const { Client } = require('pg');

module.exports = async function globalTeardown() {
  const url = process.env.DATABASE_URL;
  const template = process.env.SB_TEST_TEMPLATE;
  if (!url || !template) return;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    const left = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [
      `sb_t_${process.env.SB_TEST_RUN}_%`,
      template,
    ]);
    // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the names are this test run's own
    for (const { datname } of left.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
};
