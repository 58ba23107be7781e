import type { Actor, MatchRoundStatus } from '@skillbridge/domain';
import { AccessPolicy, SEES_EVERYTHING, SEES_NOTHING, Visibility } from './policy';

/** Who owns a match round: a school, or the education bureau. */
export interface RoundOwner {
  organisationId: string | null;
  authority: 'EDU' | null;
}

/**
 * The columns of a match round (撮合轮次) that decide who sees and steers it. Taking part is a fact of
 * other tables, which `visible` reads in SQL; `can(…, 'see' | 'rank', …)` is given it where it was read.
 */
export interface RoundParties {
  owner_organisation_id: string | null;
  owner_authority: 'EDU' | null;
  status: MatchRoundStatus;
  last_run_id: string | null;
  /** The asking student's school (students.school_id). */
  student_school_id?: string | null;
  /** The enterprises holding the slots in question: every slot of the round for 'see', the one at hand for 'rank'. */
  enterprise_ids?: readonly string[];
}

/**
 * manage: open, close, cancel, run, publish, second rounds, every line of a result and its figures;
 * rank: rank the applicants of a slot (an enterprise, its own slots); see-seed: read the lotteries' seed.
 */
export type MatchRoundAction = 'manage' | 'rank' | 'see-seed';

export interface MatchRoundsPolicy extends AccessPolicy<RoundParties, MatchRoundAction> {
  /** The owner of a round the actor creates; null when the actor runs no rounds. */
  ownerFor(actor: Actor): RoundOwner | null;
  /** The lines of a round's result the actor sees, over `l` (a line: student_id, i) and `s` (its slot, if any). */
  lines(actor: Actor, round: RoundParties): Visibility;
}

/**
 * Match rounds (alias `r`): the education bureau sees every round (schools are its remit), a school its
 * own and the bureau's once opened, a student the bureau's and their school's once opened, an enterprise
 * those holding one of its slots once opened; the platform admin sees all. Others none. The owner (the
 * school, or the bureau for its officers) steers a round; an enterprise ranks its own slots' applicants.
 */
export const matchRoundsPolicy: MatchRoundsPolicy = {
  aliases: 'r (match_rounds)',

  visible(actor: Actor): Visibility {
    switch (actor.role) {
      case 'platform_admin':
        return SEES_EVERYTHING;
      case 'bureau_officer':
        return actor.authority === 'EDU' ? SEES_EVERYTHING : SEES_NOTHING;
      case 'school_admin':
        return {
          where: `(r.owner_organisation_id = :roundActorOrganisation OR (r.owner_authority = 'EDU' AND r.status <> 'draft'))`,
          params: { roundActorOrganisation: actor.organisationId },
        };
      case 'student':
        return {
          where: `(r.status <> 'draft' AND (r.owner_authority = 'EDU'
                   OR r.owner_organisation_id = (SELECT school_id FROM students WHERE user_id = :roundActorId)))`,
          params: { roundActorId: actor.userId },
        };
      case 'enterprise_admin':
        return {
          where: `(r.status <> 'draft' AND EXISTS (SELECT 1 FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id
                                                  WHERE rs.round_id = r.id AND s.enterprise_id = :roundActorOrganisation))`,
          params: { roundActorOrganisation: actor.organisationId },
        };
      default:
        return SEES_NOTHING;
    }
  },

  can(actor: Actor, action: MatchRoundAction | 'see', row: RoundParties): boolean {
    const opened = row.status !== 'draft';
    const owns = manages(actor, row);
    const ofTheirSchool = !!row.student_school_id && row.owner_organisation_id === row.student_school_id;
    const holdsSlot =
      actor.role === 'enterprise_admin' && !!actor.organisationId && (row.enterprise_ids ?? []).includes(actor.organisationId);
    switch (action) {
      case 'see':
        return (
          actor.role === 'platform_admin' ||
          (actor.role === 'bureau_officer' && actor.authority === 'EDU') ||
          (actor.role === 'school_admin' && (owns || (row.owner_authority === 'EDU' && opened))) ||
          (actor.role === 'student' && opened && (row.owner_authority === 'EDU' || ofTheirSchool)) ||
          (holdsSlot && opened)
        );
      case 'manage':
        return owns;
      case 'rank':
        return holdsSlot && opened;
      // Before a run the seed would let anyone work out the lotteries; the owner needs it, others the record.
      case 'see-seed':
        return owns || row.last_run_id !== null;
    }
  },

  ownerFor,

  lines(actor: Actor, round: RoundParties): Visibility {
    if (manages(actor, round)) return SEES_EVERYTHING;
    if (actor.role === 'student') return { where: 'l.student_id = :lineActorId', params: { lineActorId: actor.userId } };
    if (actor.role === 'enterprise_admin' && actor.organisationId) {
      return { where: 's.enterprise_id = :lineActorOrganisation', params: { lineActorOrganisation: actor.organisationId } };
    }
    return SEES_NOTHING;
  },
};

function ownerFor(actor: Actor): RoundOwner | null {
  if (actor.role === 'school_admin' && actor.organisationId) return { organisationId: actor.organisationId, authority: null };
  if (actor.role === 'bureau_officer' && actor.authority === 'EDU') return { organisationId: null, authority: 'EDU' };
  return null;
}

function manages(actor: Actor, row: Pick<RoundParties, 'owner_organisation_id' | 'owner_authority'>): boolean {
  const owner = ownerFor(actor);
  return !!owner && (owner.organisationId ? row.owner_organisation_id === owner.organisationId : row.owner_authority === owner.authority);
}
