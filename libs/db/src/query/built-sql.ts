import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { isDeepStrictEqual } from 'util';

/**
 * A list's SQL text, built once per shape. TypeORM's `getQuery()` derives the text again on every call — it
 * expands the selects and, for every alias with an entity, rewrites property names to column names over the
 * whole text by regular expressions: about 0.3 ms of CPU for the quota table's page, on every request. The text
 * depends only on the builder's expressions (tables, aliases, selects, joins, conditions, order, limit), never
 * on the parameters' values, which are bound after it. So the first request of a shape builds it and the next
 * ones reuse it, with the parameters numbered as TypeORM numbers them; the values still go to PostgreSQL as `$n`
 * parameters.
 *
 * A builder with parts whose effect on the text is not captured by the shape (common table expressions,
 * relation ids, find options, locks, a builder other than a SELECT) is built the usual way. With
 * `NODE_ENV=test` every reuse is checked against a fresh build, so the integration tests prove the shapes.
 */
export function reuseBuiltSql<Q extends SelectQueryBuilder<ObjectLiteral>>(qb: Q): Q {
  const build = qb.getQueryAndParameters.bind(qb);
  qb.getQueryAndParameters = () => {
    const shape = shapeOf(qb);
    const parameters = qb.getParameters();
    if (shape === undefined) return build();
    // Which parameters exist is part of the text (a `:name` with no parameter of that name stays as written), and so is
    // the length of a list spread into it (`IN (:...kinds)`).
    const names = Object.keys(parameters).sort();
    const key = `${shape}\u0000${names.map((name) => (Array.isArray(parameters[name]) ? `${name}[${parameters[name].length}]` : name)).join(',')}`;
    const known = BUILT.get(key);
    if (known === undefined) {
      const order = parameterOrder(qb.getQuery(), parameters);
      const [sql, values] = build();
      if (BUILT.size >= MAX_SHAPES) BUILT.delete(BUILT.keys().next().value as string);
      BUILT.set(key, { sql, order });
      return [sql, values];
    }
    const values = known.order.flatMap(({ name, spread }) => (spread ? (parameters[name] as unknown[]) : [parameters[name]]));
    if (CHECK_EACH_REUSE) {
      const fresh = build();
      if (fresh[0] !== known.sql || !isDeepStrictEqual(fresh[1], values)) {
        throw new Error(`reuseBuiltSql: two builders of one shape gave different SQL; the shape misses a part of:\n${known.sql}`);
      }
    }
    return [known.sql, values];
  };
  return qb;
}

/**
 * The parameters in the order PostgreSQL's driver numbers them: `$1`, `$2`, … by the first appearance of each
 * `:name`, and a list spread into the text (`:...ids`) as one parameter per item wherever it appears.
 */
function parameterOrder(sql: string, parameters: ObjectLiteral): Array<{ name: string; spread: boolean }> {
  const order: Array<{ name: string; spread: boolean }> = [];
  const seen = new Set<string>();
  for (const [, spread, name] of sql.matchAll(/:(\.\.\.)?([A-Za-z0-9_.]+)/g)) {
    if (!Object.prototype.hasOwnProperty.call(parameters, name)) continue;
    if (spread) order.push({ name, spread: true });
    else if (!seen.has(name)) {
      seen.add(name);
      order.push({ name, spread: false });
    }
  }
  return order;
}

/** The texts by shape. A few dozen lists times their filter combinations; bounded all the same. */
const BUILT = new Map<string, { sql: string; order: Array<{ name: string; spread: boolean }> }>();
const MAX_SHAPES = 2_000;
const CHECK_EACH_REUSE = process.env.NODE_ENV === 'test';

/** Everything of the builder the SELECT's text is made of, as one string; undefined when it has a part this does not capture. */
function shapeOf(qb: SelectQueryBuilder<ObjectLiteral>): string | undefined {
  const map = qb.expressionMap;
  const findOptions = (qb as unknown as { findOptions?: object }).findOptions;
  if (
    map.queryType !== 'select' ||
    map.commonTableExpressions.length > 0 ||
    map.relationIdAttributes.length > 0 ||
    map.lockMode !== undefined ||
    Boolean(map.timeTravel) ||
    (findOptions !== undefined && Object.keys(findOptions).length > 0)
  ) {
    return undefined;
  }
  return JSON.stringify([
    map.aliases.map((a) => [a.type, a.name, a.tablePath, a.subQuery, a.hasMetadata ? a.metadata.name : null]),
    map.mainAlias?.name,
    map.selects,
    map.selectDistinct,
    map.selectDistinctOn,
    map.joinAttributes.map((j) => [
      j.direction,
      typeof j.entityOrProperty === 'function' ? j.entityOrProperty.name : j.entityOrProperty,
      j.alias.name,
      j.condition,
      j.mapToProperty,
      j.isMappingMany,
    ]),
    map.wheres,
    map.havings,
    map.groupBys,
    map.orderBys,
    map.limit,
    map.offset,
    map.skip,
    map.take,
    map.withDeleted,
    map.subQuery,
    map.comment,
    map.options,
    map.useIndex,
    map.disableEscaping,
    map.aliasNamePrefixingEnabled,
    map.extraAppendedAndWhereCondition,
    map.maxExecutionTime,
  ]);
}
