import { Actor, ApplicationMove, MOVER } from '@skillbridge/domain';
import { AccessPolicy, SEES_EVERYTHING, SEES_NOTHING, Visibility } from './policy';

/** The columns of an application that decide who sees and moves it. */
export interface ApplicationParties {
  student_id: string;
  enterprise_id: string;
  school_id: string;
}

/**
 * The moves people make (`expire` is the system's), and the school's approval (the tripartite agreement)
 * or its sending an application back to the student with a reason.
 */
export type ApplicationAction = Exclude<ApplicationMove, 'expire'> | 'approve' | 'send-back';

/**
 * The side of applications an actor reads from: the student their own, the enterprise its slots', the
 * school its students' (`id` is theirs), the platform admin all. The one read of an application is a
 * prepared statement per side, so the service asks which side, not only the condition.
 */
export type ApplicationReader = { side: 'student' | 'enterprise' | 'school'; id: string } | { side: 'all' };

function readerOf(actor: Actor): ApplicationReader | null {
  switch (actor.role) {
    case 'student':
      return { side: 'student', id: actor.userId };
    case 'enterprise_admin':
      return actor.organisationId ? { side: 'enterprise', id: actor.organisationId } : null;
    case 'school_admin':
      return actor.organisationId ? { side: 'school', id: actor.organisationId } : null;
    case 'platform_admin':
      return { side: 'all' };
    default:
      return null;
  }
}

/** Fixed SQL per side: the condition's text never carries a value. */
const SIDE_CONDITION = {
  student: 'a.student_id = :applicationReader',
  enterprise: 'a.enterprise_id = :applicationReader',
  school: 'a.school_id = :applicationReader',
} as const;

const COLUMN = { student: 'student_id', enterprise: 'enterprise_id', school: 'school_id' } as const;

/**
 * Applications (alias `a`): each side sees its own and makes its own moves — the enterprise shortlists,
 * offers and rejects; the student accepts, declines and withdraws; the school approves or sends back. The platform
 * admin sees all and moves none. Officers and teachers have no side: they see none (a list is refused).
 */
export const applicationsPolicy: AccessPolicy<ApplicationParties, ApplicationAction> & { reader(actor: Actor): ApplicationReader | null } =
  {
    aliases: 'a (applications)',

    reader: readerOf,

    visible(actor: Actor): Visibility {
      const reader = readerOf(actor);
      if (!reader) return SEES_NOTHING;
      if (reader.side === 'all') return SEES_EVERYTHING;
      return { where: SIDE_CONDITION[reader.side], params: { applicationReader: reader.id } };
    },

    can(actor: Actor, action: ApplicationAction | 'see', row: ApplicationParties): boolean {
      const reader = readerOf(actor);
      if (!reader) return false;
      const sees = reader.side === 'all' || row[COLUMN[reader.side]] === reader.id;
      if (action === 'see') return sees;
      const mover = action === 'approve' || action === 'send-back' ? 'school' : MOVER[action];
      return sees && reader.side === mover;
    },
  };
