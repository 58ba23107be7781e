import type { Actor } from '@skillbridge/domain';
import { AccessPolicy, SEES_EVERYTHING, SEES_NOTHING, Visibility } from './policy';

/** The columns of a teacher-practice booking (下企业实践) that decide who sees and moves it. */
export interface BookingParties {
  teacher_id: string;
  enterprise_id: string;
  school_id: string;
}

export type BookingAction = 'cancel' | 'confirm' | 'complete';

/**
 * Bookings (alias `b`): the teacher sees their own and cancels them; the host enterprise sees its
 * bookings, confirms and completes them; the teacher's school sees its teachers'; the education bureau
 * and the platform admin see all (§12 is the bureau's to supervise). Nobody else sees any.
 */
export const bookingsPolicy: AccessPolicy<BookingParties, BookingAction> = {
  aliases: 'b (bookings)',

  visible(actor: Actor): Visibility {
    switch (actor.role) {
      case 'teacher':
        return { where: 'b.teacher_id = :bookingActorId', params: { bookingActorId: actor.userId } };
      case 'enterprise_admin':
        return actor.organisationId
          ? { where: 'b.enterprise_id = :bookingActorOrganisation', params: { bookingActorOrganisation: actor.organisationId } }
          : SEES_NOTHING;
      case 'school_admin':
        return actor.organisationId
          ? { where: 'b.school_id = :bookingActorOrganisation', params: { bookingActorOrganisation: actor.organisationId } }
          : SEES_NOTHING;
      case 'platform_admin':
        return SEES_EVERYTHING;
      case 'bureau_officer':
        return actor.authority === 'EDU' ? SEES_EVERYTHING : SEES_NOTHING;
      default:
        return SEES_NOTHING;
    }
  },

  can(actor: Actor, action: BookingAction | 'see', row: BookingParties): boolean {
    const teacher = actor.role === 'teacher' && row.teacher_id === actor.userId;
    const host = actor.role === 'enterprise_admin' && !!actor.organisationId && row.enterprise_id === actor.organisationId;
    switch (action) {
      case 'see':
        return (
          teacher ||
          host ||
          (actor.role === 'school_admin' && !!actor.organisationId && row.school_id === actor.organisationId) ||
          actor.role === 'platform_admin' ||
          (actor.role === 'bureau_officer' && actor.authority === 'EDU')
        );
      case 'cancel':
        return teacher;
      case 'confirm':
      case 'complete':
        return host;
    }
  },
};
