import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Page } from '@skillbridge/contracts';
import { CursorPart, decodeCursor, encodeCursor, reuseBuiltSql } from '@skillbridge/db';
import { DomainError } from '@skillbridge/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { UUID } from './ids';

export class PageQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export interface SortKey<T> {
  /** The SQL expression sorted on, e.g. `o.name`. */
  column: string;
  /** What the column holds, so that a tampered cursor is refused rather than cast (text by default). */
  kind?: CursorPart;
  /** The same value read off a row. */
  of: (row: T) => string;
}

/**
 * Keyset pagination, the one way every list pages: rows sorted by `keys` (the last one unique, a uuid),
 * resumed after the cursor's key. Stable under inserts, and as fast on page 1,000 as on page 1.
 * `paginate` reads entities; `paginateRows` reads the query builder's raw rows (selects with aliases). A list's
 * SQL text is built once per shape (`reuseBuiltSql`).
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: PageQuery,
  keys: SortKey<T>[],
  direction: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<T>> {
  // limit(), not take(): every paginated query joins only to-one relations, so rows are entities
  // one for one, and take()'s extra DISTINCT query would double the work.
  return pageOf(query, keys, await keyset(qb, query, keys, direction).getMany());
}

export async function paginateRows<R>(
  qb: SelectQueryBuilder<ObjectLiteral>,
  query: PageQuery,
  keys: SortKey<R>[],
  direction: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<R>> {
  return pageOf(query, keys, await keyset(qb, query, keys, direction).getRawMany<R>());
}

/** Resumes after the cursor, orders by the keys and asks for one row more than the page, to know if another follows. */
function keyset<Q extends SelectQueryBuilder<ObjectLiteral>, R>(qb: Q, query: PageQuery, keys: SortKey<R>[], direction: 'ASC' | 'DESC'): Q {
  if (query.cursor) {
    const key = decodeCursor(
      query.cursor,
      keys.map((k) => k.kind ?? 'text'),
    );
    if (!key || !UUID.test(String(key[key.length - 1]))) {
      throw new DomainError('INVALID_CURSOR', 'invalid', 'The cursor is not one this API gave out');
    }
    const params = Object.fromEntries(key.map((value, i) => [`cursor${i}`, String(value)]));
    // Typed where the column's type is not the parameter's default (text and numbers are inferred from the column).
    const casts = keys.map((k, i) => (k.kind && k.kind !== 'text' ? `CAST(:cursor${i} AS ${CAST[k.kind]})` : `:cursor${i}`));
    qb.andWhere(`(${keys.map((k) => k.column).join(', ')}) ${direction === 'ASC' ? '>' : '<'} (${casts.join(', ')})`, params);
  }
  keys.forEach((k, i) => (i === 0 ? qb.orderBy(k.column, direction) : qb.addOrderBy(k.column, direction)));
  return reuseBuiltSql(qb.limit((query.limit ?? 50) + 1) as Q);
}

const CAST: Record<Exclude<CursorPart, 'text'>, string> = { date: 'date', timestamp: 'timestamptz', uuid: 'uuid' };

function pageOf<R>(query: PageQuery, keys: SortKey<R>[], rows: R[]): Page<R> {
  const limit = query.limit ?? 50;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keys.map((k) => k.of(last))) : null };
}

/** Organisations (alias `o`) by name. */
export const BY_NAME: SortKey<{ name: string; id: string }>[] = [
  { column: 'o.name', of: (o) => o.name },
  { column: 'o.id', of: (o) => o.id, kind: 'uuid' },
];
