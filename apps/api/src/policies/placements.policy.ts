import { Actor, Authority, OrganisationFacts, OrganisationKind, Ownership, canSeeOrganisation } from '@skillbridge/domain';
import { AccessPolicy, SEES_EVERYTHING, SEES_NOTHING, Visibility } from './policy';
import { organisationInRemit } from './remit';

/** The columns of a placement that decide who sees and moves it, with its two organisations' kind and ownership. */
export interface PlacementParties {
  person_id: string;
  enterprise_id: string;
  enterprise_kind: OrganisationKind;
  enterprise_ownership: Ownership | null;
  school_id: string;
  school_kind: OrganisationKind;
  school_ownership: Ownership | null;
}

export type PlacementAction = 'activate' | 'complete';

/** The party of a placement each authority supervises (§13): the education bureau the schools, MIIT and SASAC the host enterprises. */
const SUPERVISED: Record<Authority, 'p.school_id' | 'p.enterprise_id'> = {
  EDU: 'p.school_id',
  MIIT: 'p.enterprise_id',
  SASAC: 'p.enterprise_id',
};

const supervisedParty = (authority: Authority, row: PlacementParties): OrganisationFacts =>
  SUPERVISED[authority] === 'p.school_id'
    ? { id: row.school_id, kind: row.school_kind, ownership: row.school_ownership }
    : { id: row.enterprise_id, kind: row.enterprise_kind, ownership: row.enterprise_ownership };

/** An organisation's own placements, by the condition on its column; none without an organisation. */
const ownSide = (where: string, organisationId: string | null): Visibility =>
  organisationId ? { where, params: { placementActorOrganisation: organisationId } } : SEES_NOTHING;

/**
 * Placements (alias `p`): the student or teacher sees their own, the host enterprise its placements
 * (and alone activates and completes them), the school its students' and teachers'; an officer sees
 * those whose supervised party is in their remit; the platform admin sees all.
 */
export const placementsPolicy: AccessPolicy<PlacementParties, PlacementAction> = {
  aliases: 'p (placements)',

  visible(actor: Actor): Visibility {
    switch (actor.role) {
      case 'student':
      case 'teacher':
        return { where: 'p.person_id = :placementActorId', params: { placementActorId: actor.userId } };
      case 'enterprise_admin':
        return ownSide('p.enterprise_id = :placementActorOrganisation', actor.organisationId);
      case 'school_admin':
        return ownSide('p.school_id = :placementActorOrganisation', actor.organisationId);
      case 'platform_admin':
        return SEES_EVERYTHING;
      case 'bureau_officer':
        return actor.authority ? organisationInRemit(actor, SUPERVISED[actor.authority]) : SEES_NOTHING;
    }
  },

  can(actor: Actor, action: PlacementAction | 'see', row: PlacementParties): boolean {
    const host = actor.role === 'enterprise_admin' && !!actor.organisationId && row.enterprise_id === actor.organisationId;
    if (action !== 'see') return host;
    switch (actor.role) {
      case 'student':
      case 'teacher':
        return row.person_id === actor.userId;
      case 'enterprise_admin':
        return host;
      case 'school_admin':
        return !!actor.organisationId && row.school_id === actor.organisationId;
      case 'platform_admin':
        return true;
      case 'bureau_officer':
        return !!actor.authority && canSeeOrganisation(actor, supervisedParty(actor.authority, row));
    }
  },
};
