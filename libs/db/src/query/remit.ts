import type { Remit } from '@skillbridge/domain';

/**
 * @deprecated The API's remit in SQL is `remitOn` in apps/api/src/policies/remit.ts. This copy is left
 * only for the worker's import runner (apps/worker/src/imports), and goes when that becomes typed statements.
 *
 * An actor's remit as a raw SQL condition on an organisations alias, for hand-written queries;
 * appends its values to `params` and refers to them by position. `idColumn` names the
 * organisation's id under that alias.
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
