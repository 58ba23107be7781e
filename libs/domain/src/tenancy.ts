/**
 * Who may see which organisation: the one place tenancy is decided (`shared/domain.md` §1, §5).
 * - Members of an organisation see their own organisation only.
 * - Officers see their authority's remit (§13): MIIT every enterprise except municipal SOEs,
 *   SASAC the municipal SOEs, EDU the schools. Training bases (实训基地) host teachers' practice:
 *   EDU sees them all, and MIIT or SASAC those of their ownership, like enterprises.
 * - The platform admin sees everything.
 * Anything outside what an actor may see is reported as not found, never as forbidden, so that
 * nobody learns another tenant's object exists.
 */
export type Role = 'student' | 'teacher' | 'school_admin' | 'enterprise_admin' | 'bureau_officer' | 'platform_admin';
export type Authority = 'MIIT' | 'SASAC' | 'EDU';
export type OrganisationKind = 'school' | 'enterprise' | 'training_base';
export type Ownership = 'municipal_soe' | 'central_soe' | 'private' | 'foreign' | 'other';

export interface Actor {
  userId: string;
  role: Role;
  organisationId: string | null;
  authority: Authority | null;
}

export interface OrganisationFacts {
  id: string;
  kind: OrganisationKind;
  ownership: Ownership | null;
}

/** The set of organisations an actor may see, in a form query code can turn into a WHERE. */
export type Remit =
  | { scope: 'everything' }
  | { scope: 'nothing' }
  | { scope: 'organisation'; organisationId: string }
  | { scope: 'kinds'; kinds: OrganisationKind[]; ownershipIn?: Ownership[]; ownershipNotIn?: Ownership[] };

export function remitOf(actor: Actor): Remit {
  switch (actor.role) {
    case 'platform_admin':
      return { scope: 'everything' };
    case 'bureau_officer':
      switch (actor.authority) {
        case 'MIIT':
          return { scope: 'kinds', kinds: ['enterprise', 'training_base'], ownershipNotIn: ['municipal_soe'] };
        case 'SASAC':
          return { scope: 'kinds', kinds: ['enterprise', 'training_base'], ownershipIn: ['municipal_soe'] };
        case 'EDU':
          return { scope: 'kinds', kinds: ['school', 'training_base'] };
        default:
          return { scope: 'nothing' };
      }
    default:
      return actor.organisationId ? { scope: 'organisation', organisationId: actor.organisationId } : { scope: 'nothing' };
  }
}

export function remitIncludes(remit: Remit, org: OrganisationFacts): boolean {
  switch (remit.scope) {
    case 'everything':
      return true;
    case 'nothing':
      return false;
    case 'organisation':
      return remit.organisationId === org.id;
    case 'kinds':
      if (!remit.kinds.includes(org.kind)) return false;
      if (remit.ownershipIn && !(org.ownership && remit.ownershipIn.includes(org.ownership))) return false;
      if (remit.ownershipNotIn && org.ownership && remit.ownershipNotIn.includes(org.ownership)) return false;
      return true;
  }
}

export const canSeeOrganisation = (actor: Actor, org: OrganisationFacts): boolean => remitIncludes(remitOf(actor), org);

/** Which role administers an organisation of each kind. */
const ADMIN_ROLE: Record<OrganisationKind, Role> = {
  school: 'school_admin',
  enterprise: 'enterprise_admin',
  training_base: 'enterprise_admin',
};

/** Changing an organisation's own records: its admins, and the platform admin. Officers only read. */
export const canAdministerOrganisation = (actor: Actor, org: OrganisationFacts): boolean =>
  actor.role === 'platform_admin' || (actor.role === ADMIN_ROLE[org.kind] && actor.organisationId === org.id);

/** Listing an organisation's people: its admins, the officers whose remit it is, the platform admin. */
export const canSeeOrganisationMembers = (actor: Actor, org: OrganisationFacts): boolean =>
  canSeeOrganisation(actor, org) && actor.role !== 'student' && actor.role !== 'teacher';
