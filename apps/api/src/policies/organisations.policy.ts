import { Actor, OrganisationFacts, canAdministerOrganisation, canSeeOrganisation, canSeeOrganisationMembers } from '@skillbridge/domain';
import { AccessPolicy, SEES_EVERYTHING, Visibility } from './policy';
import { remitOn } from './remit';

/** `administer`: change the organisation's own records; `see-members`: list its people. */
export type OrganisationAction = 'administer' | 'see-members';

/**
 * Organisations (alias `o`): schools, enterprises and training bases (实训基地). An actor sees those
 * of their remit (libs/domain tenancy: their own organisation; an officer their authority's; the
 * platform admin all); its admins and the platform admin administer one; the admins and the
 * officers whose remit it is list its people, students and teachers never do.
 */
export const organisationsPolicy: AccessPolicy<OrganisationFacts, OrganisationAction> = {
  aliases: 'o (organisations)',

  visible: (actor: Actor): Visibility => remitOn(actor, 'o'),

  can(actor: Actor, action: OrganisationAction | 'see', organisation: OrganisationFacts): boolean {
    switch (action) {
      case 'see':
        return canSeeOrganisation(actor, organisation);
      case 'administer':
        return canAdministerOrganisation(actor, organisation);
      case 'see-members':
        return canSeeOrganisationMembers(actor, organisation);
    }
  },
};

/**
 * Lists of enterprises hold verified ones only, like the officers' figures (domain.md §3: anyone can
 * register anything), except the platform admin's, who verifies them. Over alias `o`.
 */
export function enterprisesListed(actor: Actor): Visibility {
  return seesUnverifiedEnterprises(actor) ? SEES_EVERYTHING : { where: `o.verification = 'verified'`, params: {} };
}

/** Whether the actor's lists hold unverified and refused enterprises (and may be filtered by verification). */
export const seesUnverifiedEnterprises = (actor: Actor): boolean => actor.role === 'platform_admin';
