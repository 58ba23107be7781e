import type { AgreementParty } from '@skillbridge/contracts';
import { Actor, signerSide } from '@skillbridge/domain';
import { AccessPolicy, SEES_NOTHING, Visibility } from './policy';

/** The columns of an agreement (its placement's parties) that decide who sees and signs it. */
export interface AgreementParties {
  student_id: string;
  enterprise_id: string;
  school_id: string;
}

/**
 * `sign`: sign for one's own side; `insure`: enter the insurance (the school or the enterprise);
 * `guardian`: enter the guardian's contact and send the guardian's link (the school only).
 */
export type AgreementAction = 'sign' | 'insure' | 'guardian';

/** An organisation's own agreements, by the condition on its column; none without an organisation. */
const ownSide = (where: string, organisationId: string | null): Visibility =>
  organisationId ? { where, params: { agreementActorOrganisation: organisationId } } : SEES_NOTHING;

/**
 * Agreements (alias `p`, the agreement's placement): the parties only — the student their own, the host
 * enterprise and the student's school theirs. Officers and the platform admin see none (a contract between
 * the parties; officers see the hosted figures it feeds). Teachers have none.
 */
export const agreementsPolicy: AccessPolicy<AgreementParties, AgreementAction> = {
  aliases: 'p (placements)',

  visible(actor: Actor): Visibility {
    switch (actor.role) {
      case 'student':
        return { where: 'p.person_id = :agreementActorId', params: { agreementActorId: actor.userId } };
      case 'enterprise_admin':
        return ownSide('p.enterprise_id = :agreementActorOrganisation', actor.organisationId);
      case 'school_admin':
        return ownSide('p.school_id = :agreementActorOrganisation', actor.organisationId);
      default:
        return SEES_NOTHING;
    }
  },

  can(actor: Actor, action: AgreementAction | 'see', row: AgreementParties): boolean {
    const side = agreementSide(actor, row);
    switch (action) {
      case 'see':
      case 'sign':
        return side !== null;
      case 'insure':
        return side === 'school' || side === 'enterprise';
      case 'guardian':
        return side === 'school';
    }
  },
};

/** The party the actor signs for on this agreement, or null. */
export const agreementSide = (actor: Actor, row: AgreementParties): AgreementParty | null =>
  signerSide(actor, { studentId: row.student_id, enterpriseId: row.enterprise_id, schoolId: row.school_id });
