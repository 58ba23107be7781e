import type { Actor, OrganisationFacts } from '@skillbridge/domain';
import { organisationsPolicy } from './organisations.policy';
import { AccessPolicy, SEES_NOTHING, Visibility } from './policy';
import { remitOn } from './remit';

/** The columns of a quota line (quota_years, which copies its enterprise's kind and ownership) that decide who sees it. */
export interface QuotaLineFacts {
  enterprise_id: string;
  kind: OrganisationFacts['kind'];
  ownership: OrganisationFacts['ownership'];
}

export type QuotaAction = 'remind';

/**
 * Intern quotas are monitored by MIIT and SASAC (§13; api.md), each over its remit, and by the platform
 * admin. The education bureau's remit holds the training bases, which have quota lines too: it neither
 * lists nor reminds them (403).
 */
export const monitorsQuotas = (actor: Actor): boolean =>
  actor.role === 'platform_admin' || (actor.role === 'bureau_officer' && (actor.authority === 'MIIT' || actor.authority === 'SASAC'));

/**
 * Quota lines (alias `q`, quota_years): the monitors' table, reminders and figures cover the lines of
 * their remit. One enterprise's own line is seen by whoever sees the enterprise (its admins, the
 * officers whose remit it is).
 */
export const quotasPolicy: AccessPolicy<QuotaLineFacts, QuotaAction> = {
  aliases: 'q (quota_years)',

  visible: (actor: Actor): Visibility => (monitorsQuotas(actor) ? remitOn(actor, 'q') : SEES_NOTHING),

  can(actor: Actor, action: QuotaAction | 'see', line: QuotaLineFacts): boolean {
    const enterprise: OrganisationFacts = { id: line.enterprise_id, kind: line.kind, ownership: line.ownership };
    const sees = organisationsPolicy.can(actor, 'see', enterprise);
    switch (action) {
      case 'see':
        return sees;
      case 'remind':
        return sees && monitorsQuotas(actor);
    }
  },
};
