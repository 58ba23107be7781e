import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Page } from '@skillbridge/contracts';
import { CursorPart, decodeCursor, encodeCursor } from '@skillbridge/db';
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
 * Keyset pagination: rows sorted by `keys` (text columns, the last one a unique uuid), resumed
 * after the cursor's key. Stable under inserts, and as fast on page 1,000 as on page 1.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: PageQuery,
  keys: SortKey<T>[],
  direction: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<T>> {
  const limit = query.limit ?? 50;
  if (query.cursor) {
    const key = decodeCursor(query.cursor, keys.map((k) => k.kind ?? 'text'));
    if (!key || !UUID.test(String(key[key.length - 1]))) {
      throw new DomainError('INVALID_CURSOR', 'invalid', 'The cursor is not one this API gave out');
    }
    const params = Object.fromEntries(key.map((value, i) => [`cursor${i}`, String(value)]));
    const after = direction === 'ASC' ? '>' : '<';
    qb.andWhere(`(${keys.map((k) => k.column).join(', ')}) ${after} (${keys.map((_, i) => `:cursor${i}`).join(', ')})`, params);
  }
  keys.forEach((k, i) => (i === 0 ? qb.orderBy(k.column, direction) : qb.addOrderBy(k.column, direction)));
  // limit(), not take(): every paginated query joins only to-one relations, so rows are entities
  // one for one, and take()'s extra DISTINCT query would double the work.
  const rows = await qb.limit(limit + 1).getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keys.map((k) => k.of(last))) : null };
}

/** Organisations (alias `o`) by name. */
export const BY_NAME: SortKey<{ name: string; id: string }>[] = [
  { column: 'o.name', of: (o) => o.name },
  { column: 'o.id', of: (o) => o.id, kind: 'uuid' },
];
