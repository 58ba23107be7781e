import { Actor, remitOf } from '@skillbridge/domain';
import { SEES_EVERYTHING, SEES_NOTHING, Visibility } from './policy';

/**
 * An actor's remit over organisations (`remitOf` in libs/domain) as a condition on the columns of an
 * organisation row: `o` (organisations itself), or a table that copies kind and ownership (quota_years
 * as `q`, keyed by `enterprise_id`). The SQL twin of `remitIncludes`; every remit in SQL comes from here.
 */
export function remitOn(actor: Actor, on: 'o' | 'q'): Visibility {
  const remit = remitOf(actor);
  switch (remit.scope) {
    case 'everything':
      return SEES_EVERYTHING;
    case 'nothing':
      return SEES_NOTHING;
    case 'organisation':
      return on === 'o'
        ? { where: 'o.id = :remitOrganisationId', params: { remitOrganisationId: remit.organisationId } }
        : { where: 'q.enterprise_id = :remitOrganisationId', params: { remitOrganisationId: remit.organisationId } };
    case 'kinds': {
      const params = {
        remitKinds: remit.kinds,
        remitOwnershipIn: remit.ownershipIn ?? [],
        remitOwnershipNotIn: remit.ownershipNotIn ?? [],
      };
      const ownership = remit.ownershipIn ? OWNERSHIP_IN[on] : remit.ownershipNotIn ? OWNERSHIP_NOT_IN[on] : 'true';
      return { where: `${KIND_IN[on]} AND ${ownership}`, params };
    }
  }
}

/** Fixed SQL per alias: the condition's text never carries a value. */
const KIND_IN = { o: 'o.kind IN (:...remitKinds)', q: 'q.kind IN (:...remitKinds)' } as const;
const OWNERSHIP_IN = { o: 'o.ownership IN (:...remitOwnershipIn)', q: 'q.ownership IN (:...remitOwnershipIn)' } as const;
const OWNERSHIP_NOT_IN = {
  o: '(o.ownership IS NULL OR o.ownership NOT IN (:...remitOwnershipNotIn))',
  q: '(q.ownership IS NULL OR q.ownership NOT IN (:...remitOwnershipNotIn))',
} as const;

/** The organisations an actor's remit covers, as a sub-select for rows that only carry an organisation's id. */
export function organisationInRemit(
  actor: Actor,
  column: 'p.enterprise_id' | 'p.school_id' | 'b.enterprise_id' | 's.enterprise_id',
): Visibility {
  const remit = remitOn(actor, 'o');
  if (remit === SEES_EVERYTHING || remit === SEES_NOTHING) return remit;
  return { where: `${column} IN (SELECT o.id FROM organisations o WHERE ${remit.where})`, params: remit.params };
}
