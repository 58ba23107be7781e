import { randomBytes } from 'crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

const withDatabase = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of this test file's own: a copy of the migrated, demo-seeded template, or (`empty`) a database with
 * nothing in it yet, for a test that migrates or seeds it itself. Cleared with the run's other databases.
 */
export async function createTestDatabase({ empty = false } = {}): Promise<TestDatabase> {
  const template = process.env.SB_TEST_TEMPLATE;
  if (!process.env.DATABASE_URL || !process.env.SB_TEST_RUN || (!empty && !template)) {
    throw new Error('No test database server: run the tests with `npm test`');
  }
  const name = `sb_t_${process.env.SB_TEST_RUN}_${randomBytes(4).toString('hex')}`;
  await admin((client) =>
    // eslint-disable-next-line skillbridge/no-sql-assembly -- CREATE/DROP DATABASE take no parameters; the names are this test run's own
    client.query(empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${template}"`),
  );
  return {
    name,
    url: withDatabase(process.env.DATABASE_URL, name),
    // eslint-disable-next-line skillbridge/no-sql-assembly -- the name is the one created above
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export const uniqueSuffix = (): string => randomBytes(4).toString('hex');
