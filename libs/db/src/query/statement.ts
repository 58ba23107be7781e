import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from './prepared';

/**
 * A SQL statement of fixed text, with a name, typed parameters and a typed row: the one way SQL is
 * written by hand here. Dynamic filters, sorting and keyset pages go through TypeORM's query builder
 * instead (README "Data access"); no SQL text is ever assembled from strings (a lint rule checks).
 *
 * Statements are declared once, at module level, in `<feature>.statements.ts` files; every declared
 * statement is PREPAREd against the migrated database by `apps/api/test/statements.int-spec.ts`, so a
 * typo, a renamed column or a wrong parameter type fails a test, not a request.
 */
export interface Statement<P extends readonly unknown[], R> {
  /** `feature.what`, unique: the prepared statement's name for hot statements, and what logs and tests show. */
  readonly name: string;
  readonly text: string;
  /** Parsed and planned once per connection: for statements on a hot path. */
  readonly prepared: boolean;
  /**
   * DDL the statement needs to have run first in its session: the temporary table a bulk statement reads.
   * The caller runs it itself; the statements test runs it (in a transaction it rolls back) before PREPARE.
   */
  readonly requires?: string;
  /** Carries the types only; never set. */
  readonly types?: { params: P; row: R };
}

const declared = new Map<string, Statement<readonly unknown[], unknown>>();

/** Declares a statement. The same name twice with different texts is a programming error. */
export function statement<P extends readonly unknown[], R = never>(
  name: string,
  text: string,
  options: { prepared?: boolean; requires?: string } = {},
): Statement<P, R> {
  const existing = declared.get(name);
  if (existing && existing.text !== text) throw new Error(`SQL statement '${name}' is declared twice with different texts`);
  const declaredStatement: Statement<P, R> = { name, text, prepared: options.prepared ?? false, requires: options.requires };
  declared.set(name, declaredStatement as Statement<readonly unknown[], unknown>);
  return declaredStatement;
}

/** Every statement declared so far (for the test that prepares each one against the database). */
export const declaredStatements = (): ReadonlyArray<Statement<readonly unknown[], unknown>> => [...declared.values()];

/**
 * Runs a statement on the data source or inside a transaction (an EntityManager from `transaction()`).
 * Always the structured result: TypeORM's plain `query()` answers UPDATE and DELETE with `[rows, count]`.
 */
async function execute<R>(
  db: DataSource | EntityManager,
  sql: Statement<readonly unknown[], R>,
  params: readonly unknown[],
): Promise<{ rows: R[]; affected: number }> {
  if (sql.prepared && db instanceof DataSource) {
    const rows = await preparedQuery<R>(db, sql.name, sql.text, [...params]);
    return { rows, affected: rows.length };
  }
  const inTransaction = db instanceof DataSource ? undefined : db.queryRunner;
  const runner = inTransaction ?? (db instanceof DataSource ? db : db.connection).createQueryRunner();
  try {
    const result = await runner.query(sql.text, [...params], true);
    return { rows: (result.records ?? []) as R[], affected: result.affected ?? result.records?.length ?? 0 };
  } finally {
    if (!inTransaction) await runner.release();
  }
}

/** The statement's rows, typed. */
export async function run<P extends readonly unknown[], R>(db: DataSource | EntityManager, sql: Statement<P, R>, params: P): Promise<R[]> {
  return (await execute(db, sql, params)).rows;
}

/** How many rows an UPDATE or DELETE without RETURNING changed. */
export async function runCount<P extends readonly unknown[]>(
  db: DataSource | EntityManager,
  sql: Statement<P, never>,
  params: P,
): Promise<number> {
  return (await execute(db, sql, params)).affected;
}

/** The first row of a statement, or undefined. */
export async function runOne<P extends readonly unknown[], R>(
  db: DataSource | EntityManager,
  sql: Statement<P, R>,
  params: P,
): Promise<R | undefined> {
  return (await run(db, sql, params))[0];
}
