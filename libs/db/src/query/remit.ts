import type { Remit } from '@skillbridge/domain';
import { Brackets, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Narrows a query over organisations (under `alias`) to an actor's remit: the SQL twin of
 * `remitIncludes` in libs/domain. Every list of organisations goes through here.
 */
export function whereInRemit<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  remit: Remit,
): SelectQueryBuilder<T> {
  switch (remit.scope) {
    case 'everything':
      return qb;
    case 'nothing':
      return qb.andWhere('false');
    case 'organisation':
      return qb.andWhere(`${alias}.id = :remitOrganisationId`, { remitOrganisationId: remit.organisationId });
    case 'kinds':
      qb.andWhere(`${alias}.kind IN (:...remitKinds)`, { remitKinds: remit.kinds });
      if (remit.ownershipIn) qb.andWhere(`${alias}.ownership IN (:...remitOwnershipIn)`, { remitOwnershipIn: remit.ownershipIn });
      if (remit.ownershipNotIn)
        qb.andWhere(
          new Brackets((w) =>
            w
              .where(`${alias}.ownership IS NULL`)
              .orWhere(`${alias}.ownership NOT IN (:...remitOwnershipNotIn)`, { remitOwnershipNotIn: remit.ownershipNotIn }),
          ),
        );
      return qb;
  }
}

/**
 * The same remit as a raw SQL condition on an organisations alias, for hand-written queries;
 * appends its values to `params` and refers to them by position. `idColumn` names the
 * organisation's id under that alias (`enterprise_id` on quota_years, which copies kind and ownership).
 */
export function remitSql(remit: Remit, alias: string, params: unknown[], idColumn = 'id'): string {
  const param = (value: unknown): string => `$${params.push(value)}`;
  switch (remit.scope) {
    case 'everything':
      return 'true';
    case 'nothing':
      return 'false';
    case 'organisation':
      return `${alias}.${idColumn} = ${param(remit.organisationId)}`;
    case 'kinds': {
      const parts = [`${alias}.kind = ANY(${param(remit.kinds)}::text[])`];
      if (remit.ownershipIn) parts.push(`${alias}.ownership = ANY(${param(remit.ownershipIn)}::text[])`);
      if (remit.ownershipNotIn) parts.push(`(${alias}.ownership IS NULL OR NOT ${alias}.ownership = ANY(${param(remit.ownershipNotIn)}::text[]))`);
      return parts.join(' AND ');
    }
  }
}
