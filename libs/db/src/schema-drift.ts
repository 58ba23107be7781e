import { DataSource, EntityMetadata, QueryRunner, TableCheck, TableExclusion, TableForeignKey, TableIndex, TableUnique } from 'typeorm';

/**
 * How the entities and a migrated database differ (issue 15). Both lists are empty when they agree:
 * - `pending`: what `npm run db:generate` would write, TypeORM's schema builder's up statements;
 * - `unseen`: definitions TypeORM compares by name only — an index's columns, WHERE and method, the
 *   expression of a CHECK or an EXCLUDE, the columns of a key, a primary key's name. Each is created
 *   from the entity under a scratch name in a transaction that is rolled back, and PostgreSQL's
 *   own rendering of it is compared with the migrated one's.
 * Triggers, functions, storage parameters: TypeORM has no word for them, and neither list looks.
 */
export interface SchemaDrift {
  pending: string[];
  unseen: string[];
}

export async function schemaDrift(dataSource: DataSource): Promise<SchemaDrift> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  const pending = log.upQueries.map(({ query, parameters }) => (parameters?.length ? `${query} -- ${JSON.stringify(parameters)}` : query));
  const queryRunner = dataSource.createQueryRunner();
  try {
    const unseen = await tablesWithoutEntity(queryRunner, dataSource);
    // The tables the schema builder compares (TypeORM's own choice: synchronized, not views or child entities).
    for (const metadata of dataSource.entityMetadatas.filter((m) => m.synchronize && m.tableType === 'regular')) {
      unseen.push(...(await unseenDifferences(queryRunner, dataSource, metadata)));
    }
    return { pending, unseen };
  } finally {
    await queryRunner.release();
  }
}

/** Every table of the schema has an entity, so that the comparison sees it (TypeORM passes over the others). */
async function tablesWithoutEntity(queryRunner: QueryRunner, dataSource: DataSource): Promise<string[]> {
  const described = new Set([
    ...dataSource.entityMetadatas.map((metadata) => metadata.tableName),
    dataSource.options.migrationsTableName ?? 'migrations',
    dataSource.metadataTableName,
  ]);
  const tables: Array<{ name: string }> = await queryRunner.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`,
  );
  return tables.filter(({ name }) => !described.has(name)).map(({ name }) => `${name}: no entity describes this table`);
}

/** The drift as lines to print, or '' when there is none. */
export function describeSchemaDrift({ pending, unseen }: SchemaDrift): string {
  return [
    ...(pending.length ? ['Statements `npm run db:generate` would write:', ...pending.map((q) => `  ${q};`)] : []),
    ...(unseen.length
      ? ["What TypeORM's comparison passes over (it compares these by name, or not at all):", ...unseen.map((d) => `  ${d}`)]
      : []),
  ].join('\n');
}

/** A definition as PostgreSQL renders it, the name left out: constraints by pg_get_constraintdef, indexes by pg_get_indexdef. */
type Rendering = (queryRunner: QueryRunner, table: string, name: string) => Promise<string | undefined>;

const constraint: Rendering = async (queryRunner, table, name) => {
  const rows: Array<{ definition: string }> = await queryRunner.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = $1::regclass AND conname = $2`,
    [table, name],
  );
  return rows[0]?.definition;
};

/** A foreign key with its column pairs in one order: (a, b) REFERENCES t (x, y) is (b, a) REFERENCES t (y, x). */
const foreignKey: Rendering = async (queryRunner, table, name) => {
  const definition = await constraint(queryRunner, table, name);
  const parts = definition && /^FOREIGN KEY \((.+?)\) REFERENCES (.+?)\((.+?)\)(.*)$/.exec(definition);
  if (!parts) return definition;
  const [, columns, target, referenced, rest] = parts;
  const targets = referenced.split(', ');
  const pairs = columns
    .split(', ')
    .map((column, i) => [column, targets[i]])
    .sort(([a], [b]) => a.localeCompare(b));
  return `FOREIGN KEY (${pairs.map(([column]) => column).join(', ')}) REFERENCES ${target}(${pairs.map(([, to]) => to).join(', ')})${rest}`;
};

const index: Rendering = async (queryRunner, table, name) => {
  const rows: Array<{ definition: string }> = await queryRunner.query(
    `SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = $1::regclass AND c.relname = $2`,
    [table, name],
  );
  return rows[0]?.definition.replace(/^(CREATE (?:UNIQUE )?INDEX )(?:"(?:[^"]|"")*"|\S+) ON /, '$1ON ');
};

const SCRATCH = 'schema_drift_probe';

async function unseenDifferences(queryRunner: QueryRunner, dataSource: DataSource, metadata: EntityMetadata): Promise<string[]> {
  const table = metadata.tablePath;
  if (!(await queryRunner.hasTable(table))) return []; // a missing table is in `pending`
  const quoted = table
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
  const differences: string[] = [];

  /** Creates the entity's version under the scratch name, compares the renderings, rolls back. */
  const compare = async (kind: string, name: string, render: Rendering, create: (scratch: string) => Promise<void>): Promise<void> => {
    const migrated = await render(queryRunner, quoted, name);
    if (migrated === undefined) return; // missing from the database: in `pending`
    await queryRunner.startTransaction();
    try {
      await create(SCRATCH);
      const declared = await render(queryRunner, quoted, SCRATCH);
      if (declared !== migrated) differences.push(`${table}: ${kind} ${name}: entities ${declared}; migrations ${migrated}`);
    } catch (error) {
      differences.push(`${table}: ${kind} ${name}: the entity's version fails: ${error instanceof Error ? error.message : error}`);
    } finally {
      await queryRunner.rollbackTransaction();
    }
  };

  /** The entity's definition under the scratch name. */
  const renamed = <T extends { name?: string }>(definition: T, scratch: string): T => Object.assign(definition, { name: scratch });
  for (const item of metadata.indices) {
    if (!item.name) continue;
    await compare('index', item.name, index, (scratch) => queryRunner.createIndex(table, renamed(TableIndex.create(item), scratch)));
  }
  for (const item of metadata.checks) {
    await compare('check', item.name, constraint, (scratch) =>
      queryRunner.createCheckConstraint(table, renamed(TableCheck.create(item), scratch)),
    );
  }
  for (const item of metadata.exclusions) {
    await compare('exclusion', item.name, constraint, (scratch) =>
      queryRunner.createExclusionConstraint(table, renamed(TableExclusion.create(item), scratch)),
    );
  }
  for (const item of metadata.uniques) {
    await compare('unique', item.name, constraint, (scratch) =>
      queryRunner.createUniqueConstraint(table, renamed(TableUnique.create(item), scratch)),
    );
  }
  for (const item of metadata.foreignKeys) {
    await compare('foreign key', item.name, foreignKey, (scratch) =>
      queryRunner.createForeignKey(table, renamed(TableForeignKey.create(item, dataSource.driver), scratch)),
    );
  }

  const primaryColumns = metadata.primaryColumns.map((column) => column.databaseName);
  const primaryKey =
    metadata.primaryColumns[0]?.primaryKeyConstraintName ?? dataSource.namingStrategy.primaryKeyName(metadata.tableName, primaryColumns);
  const [migratedPrimaryKey]: Array<{ name: string }> = await queryRunner.query(
    `SELECT conname AS name FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'p'`,
    [quoted],
  );
  if (migratedPrimaryKey && migratedPrimaryKey.name !== primaryKey) {
    differences.push(`${table}: primary key: entities name it ${primaryKey}; migrations ${migratedPrimaryKey.name}`);
  }
  return differences;
}
