import type { Actor } from '@skillbridge/domain';
import { BookingParties, bookingsPolicy as sut } from './bookings.policy';

const TEACHER = 't-1';
const ENTERPRISE = 'e-1';
const SCHOOL = 's-1';
const booking: BookingParties = { teacher_id: TEACHER, enterprise_id: ENTERPRISE, school_id: SCHOOL };

const actor = (role: Actor['role'], id: string | null, authority: Actor['authority'] = null): Actor => ({
  userId: role === 'teacher' ? (id ?? 'u') : 'someone',
  role,
  organisationId: role === 'teacher' || role === 'student' || role === 'bureau_officer' || role === 'platform_admin' ? null : id,
  authority,
});

// Actors × what they may do to the booking, and what their list condition is.
const TABLE: Array<[string, Actor, { see: boolean; cancel: boolean; confirm: boolean; complete: boolean }, string]> = [
  [
    'its teacher',
    actor('teacher', TEACHER),
    { see: true, cancel: true, confirm: false, complete: false },
    'b.teacher_id = :bookingActorId',
  ],
  [
    'another teacher',
    actor('teacher', 't-2'),
    { see: false, cancel: false, confirm: false, complete: false },
    'b.teacher_id = :bookingActorId',
  ],
  [
    'the host enterprise',
    actor('enterprise_admin', ENTERPRISE),
    { see: true, cancel: false, confirm: true, complete: true },
    'b.enterprise_id = :bookingActorOrganisation',
  ],
  [
    'another enterprise',
    actor('enterprise_admin', 'e-2'),
    { see: false, cancel: false, confirm: false, complete: false },
    'b.enterprise_id = :bookingActorOrganisation',
  ],
  [
    'the teacher’s school',
    actor('school_admin', SCHOOL),
    { see: true, cancel: false, confirm: false, complete: false },
    'b.school_id = :bookingActorOrganisation',
  ],
  [
    'another school',
    actor('school_admin', 's-2'),
    { see: false, cancel: false, confirm: false, complete: false },
    'b.school_id = :bookingActorOrganisation',
  ],
  ['an EDU officer', actor('bureau_officer', null, 'EDU'), { see: true, cancel: false, confirm: false, complete: false }, 'true'],
  ['a MIIT officer', actor('bureau_officer', null, 'MIIT'), { see: false, cancel: false, confirm: false, complete: false }, 'false'],
  ['a SASAC officer', actor('bureau_officer', null, 'SASAC'), { see: false, cancel: false, confirm: false, complete: false }, 'false'],
  ['the platform admin', actor('platform_admin', null), { see: true, cancel: false, confirm: false, complete: false }, 'true'],
  ['a student', actor('student', null), { see: false, cancel: false, confirm: false, complete: false }, 'false'],
  [
    'an enterprise admin without an organisation',
    actor('enterprise_admin', null),
    { see: false, cancel: false, confirm: false, complete: false },
    'false',
  ],
];

describe('bookingsPolicy: actors × a booking', () => {
  it.each(TABLE)('%s', (_who, who, may, where) => {
    for (const action of ['see', 'cancel', 'confirm', 'complete'] as const)
      expect([action, sut.can(who, action, booking)]).toEqual([action, may[action]]);
    expect(sut.visible(who).where).toBe(where);
  });
});
