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
