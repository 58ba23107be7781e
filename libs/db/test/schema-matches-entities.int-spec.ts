import { randomBytes } from 'crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/data-source';
import { describeSchemaDrift, schemaDrift } from '../src/schema-drift';

/**
 * Issue 15: the entities state the schema the migrations build, so that `npm run db:generate` writes an
 * empty migration until an entity changes, and then exactly that change. The database is migrated from
 * empty here, as db:generate's scratch database is, rather than cloned from the tests' template:
 * TypeORM files a generated column's expression under the name of the database it was written in.
 */
describe('the entities and the migrations', () => {
  const server = process.env.DATABASE_URL;
  const name = `sb_t_${process.env.SB_TEST_RUN}_${randomBytes(4).toString('hex')}`; // cleared with the run's other databases
  let db: DataSource;

  const admin = async (sql: string): Promise<void> => {
    const client = new Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    if (!server || !process.env.SB_TEST_RUN) throw new Error('No test database server: run the tests with `npm test`');
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    db = await createDataSource(url.toString(), { extra: { max: 2 } }).initialize();
    await db.runMigrations({ transaction: 'each' });
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('describe the same schema: `npm run db:generate` finds nothing to write, and no definition differs', async () => {
    // The whole report when they differ: the statements of the migration to write, or the entity to correct.
    expect(describeSchemaDrift(await schemaDrift(db))).toBe('');
  });
});
