import fs from 'fs';
import path from 'path';
import { Client } from 'pg';
import { declaredStatements } from '@skillbridge/db';
import { createTestDatabase, TestDatabase } from '../../../test/support/database';
import { REPO_ROOT } from '../../../test/support/processes';

/** Every `*.statements.ts` module of the apps and libs: where hand-written SQL lives (README "Data access"). */
function statementModules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : statementModules(full);
    return entry.name.endsWith('.statements.ts') ? [full] : [];
  });
}

describe('typed statements (integration: the migrated database)', () => {
  let database: TestDatabase;
  let client: Client;
  const modules = ['apps/api/src', 'apps/worker/src', 'libs'].flatMap((dir) => statementModules(path.join(REPO_ROOT, dir)));
  beforeAll(async () => {
    // Loading a module declares its statements; which modules exist is only known on disk.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    for (const file of modules) require(file);
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('finds the statement modules and their statements', () => {
    expect(modules.length).toBeGreaterThan(0);
    expect(declaredStatements().length).toBeGreaterThan(0);
  });

  // PREPARE parses the statement, resolves every table, column and operator and types its parameters,
  // without running it: a renamed column or a mistyped parameter fails here, not on a request.
  it('prepares every declared statement against the migrated schema', async () => {
    const failures: string[] = [];
    for (const [i, sql] of declaredStatements().entries()) {
      try {
        // A bulk statement over a temporary table: the table is made first, in a transaction rolled back below.
        if (sql.requires) {
          await client.query('BEGIN');
          await client.query(sql.requires);
        }
        // The one place SQL text is joined: a test wrapping each declared statement in PREPARE to check it.
        // eslint-disable-next-line skillbridge/no-sql-assembly
        await client.query(`PREPARE statement_check_${i} AS ${sql.text}`);
        // eslint-disable-next-line skillbridge/no-sql-assembly
        await client.query(`DEALLOCATE statement_check_${i}`);
      } catch (error) {
        failures.push(`${sql.name}: ${(error as Error).message}`);
      } finally {
        if (sql.requires) await client.query('ROLLBACK');
      }
    }
    expect(failures).toEqual([]);
  });
});
