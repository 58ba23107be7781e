import { Brackets, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { createDataSource } from '../src/data-source';
import { reuseBuiltSql } from '../src/query/built-sql';

/**
 * Issue 15's before-and-after bench: a list's SQL text is built once per shape. Whatever the shape, the
 * reused text and parameters are exactly what TypeORM builds afresh, for the builder's own values.
 */
describe('reuseBuiltSql', () => {
  let db: DataSource;

  beforeAll(async () => {
    if (!process.env.DATABASE_URL) throw new Error('No test database server: run the tests with `npm test`');
    db = await createDataSource(process.env.DATABASE_URL, { extra: { max: 1 } }).initialize();
  });

  afterAll(async () => {
    await db?.destroy();
  });

  /** The quota table's kind of list: an entity's table under an alias, a join, filters that come and go, keyset order. */
  const quotaPage = (filters: { district?: string; status?: string; after?: [string, string] }, year: number, limit = 50) => {
    const qb = db
      .createQueryBuilder()
      .from('quota_years', 'q')
      .innerJoin('organisations', 'o', 'o.id = q.enterprise_id')
      .select(['q.enterprise_id AS enterprise_id', 'q.name AS name', 'o.uscc AS uscc'])
      .addSelect("CASE WHEN q.on_track_until >= :day::int THEN 'on_track' ELSE 'behind' END", 'status')
      .where('q.year = :year AND q.verified', { year, day: year - 1900 })
      .andWhere('q.kind IN (:...remitKinds) AND (q.ownership IS NULL OR q.ownership NOT IN (:...remitOwnershipNotIn))', {
        remitKinds: ['enterprise', 'training_base'],
        remitOwnershipNotIn: ['municipal_soe'],
      });
    if (filters.district) qb.andWhere('q.district = :district', { district: filters.district });
    if (filters.status) qb.andWhere('q.status_hint = :status', { status: filters.status });
    if (filters.after)
      qb.andWhere('(q.name, q.enterprise_id) > (:cursor0, CAST(:cursor1 AS uuid))', {
        cursor0: filters.after[0],
        cursor1: filters.after[1],
      });
    return qb
      .orderBy('q.name')
      .addOrderBy('q.enterprise_id')
      .limit(limit + 1);
  };

  const same = (make: () => SelectQueryBuilder<ObjectLiteral>) => {
    const fresh = make().getQueryAndParameters();
    expect(reuseBuiltSql(make()).getQueryAndParameters()).toEqual(fresh);
    expect(reuseBuiltSql(make()).getQueryAndParameters()).toEqual(fresh); // the second one reuses the first's text
  };

  it('gives the text and the values TypeORM builds, for each combination of filters, values and page size', () => {
    const id = '6f1c1d4e-0000-4000-8000-000000000001';
    for (const year of [2026, 2027]) {
      for (const district of [undefined, '城关区', '安宁区']) {
        for (const status of [undefined, 'behind']) {
          for (const after of [undefined, ['基准企业000001', id] as [string, string]]) {
            for (const limit of [20, 50]) same(() => quotaPage({ district, status, after }, year, limit));
          }
        }
      }
    }
  });

  it('numbers the parameters in the order the text uses them, whatever order they were given in', () => {
    const make = (a: number, b: number) =>
      db
        .createQueryBuilder()
        .from('organisations', 'o')
        .select('o.id')
        .where('o.kind = :b', { b })
        .andWhere('o.name = :a OR o.uscc = :b', { a });
    same(() => make(1, 2));
    const [sql, values] = reuseBuiltSql(make(7, 8)).getQueryAndParameters();
    expect(sql).toContain('"o"."kind" = $1');
    expect(values).toEqual([8, 7]);
  });

  it('holds lists spread into the text (one text per length), brackets, and builds afresh common table expressions', () => {
    const spread = (ids: string[]) => db.createQueryBuilder().from('organisations', 'o').select('o.id').where('o.id IN (:...ids)', { ids });
    same(() => spread(['a', 'b']));
    expect(reuseBuiltSql(spread(['c', 'd'])).getQueryAndParameters()).toEqual(spread(['c', 'd']).getQueryAndParameters());
    expect(reuseBuiltSql(spread(['a', 'b', 'c'])).getQueryAndParameters()).toEqual(spread(['a', 'b', 'c']).getQueryAndParameters());

    const brackets = (alternative: string) =>
      db
        .createQueryBuilder()
        .from('organisations', 'o')
        .select('o.id')
        .where(new Brackets((w) => w.where('o.kind = :kind', { kind: 'school' }).orWhere(alternative)));
    same(() => brackets('o.verified'));
    expect(reuseBuiltSql(brackets('o.name IS NULL')).getQueryAndParameters()[0]).toContain('IS NULL');

    const withCte = (n: number) => db.createQueryBuilder().addCommonTableExpression(`SELECT ${n} AS n`, 'c').from('c', 'c').select('c.n');
    same(() => withCte(1));
    expect(reuseBuiltSql(withCte(2)).getQueryAndParameters()[0]).toContain('SELECT 2');
  });

  it('reads the same rows as the builder does', async () => {
    const make = (kind: string) =>
      db.createQueryBuilder().from('pg_class', 'c').select('count(*)::int AS n').where('c.relkind = :kind', { kind });
    for (const kind of ['r', 'i', 'r']) {
      expect(await reuseBuiltSql(make(kind)).getRawOne()).toEqual(await make(kind).getRawOne());
    }
  });
});
