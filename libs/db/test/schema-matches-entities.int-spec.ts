import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { createDataSource } from '../src/data-source';
import { describeSchemaDrift, schemaDrift } from '../src/schema-drift';

/**
 * Issue 15: the entities state the schema the migrations build, so that `npm run db:generate` writes an
 * empty migration until an entity changes, and then exactly that change. The database is migrated from
 * empty here, as db:generate's scratch database is, rather than cloned from the tests' template:
 * TypeORM files a generated column's expression under the name of the database it was written in.
 */
describe('the entities and the migrations', () => {
  let scratch: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    scratch = await createTestDatabase({ empty: true });
    db = await createDataSource(scratch.url, { extra: { max: 2 } }).initialize();
    await db.runMigrations({ transaction: 'each' });
  }, 120_000);

  afterAll(async () => {
    await db?.destroy();
    await scratch?.drop();
  });

  it('describe the same schema: `npm run db:generate` finds nothing to write, and no definition differs', async () => {
    // The whole report when they differ: the statements of the migration to write, or the entity to correct.
    expect(describeSchemaDrift(await schemaDrift(db))).toBe('');
  });
});
