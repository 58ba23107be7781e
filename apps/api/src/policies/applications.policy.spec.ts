import type { Actor } from '@skillbridge/domain';
import { ApplicationAction, ApplicationParties, applicationsPolicy as sut } from './applications.policy';

const STUDENT = 'st-1';
const ENTERPRISE = 'e-1';
const SCHOOL = 's-1';
const application: ApplicationParties = { student_id: STUDENT, enterprise_id: ENTERPRISE, school_id: SCHOOL };

const actor = (role: Actor['role'], id: string | null, authority: Actor['authority'] = null): Actor => ({
  userId: role === 'student' ? (id ?? 'u') : 'someone',
  role,
  organisationId: role === 'student' ? SCHOOL : role === 'bureau_officer' || role === 'platform_admin' ? null : id,
  authority,
});

const ACTIONS = ['see', 'shortlist', 'offer', 'reject', 'accept', 'decline', 'withdraw', 'approve', 'send-back'] as const;
type May = Partial<Record<ApplicationAction | 'see', true>>;
const STUDENT_MOVES: May = { see: true, accept: true, decline: true, withdraw: true };
const ENTERPRISE_MOVES: May = { see: true, shortlist: true, offer: true, reject: true };

// Actors × what they may do to the application, their list condition, and the side their one read takes.
const TABLE: Array<[string, Actor, May, string, string | null]> = [
  ['its student', actor('student', STUDENT), STUDENT_MOVES, 'a.student_id = :applicationReader', 'student'],
  ['another student of the school', actor('student', 'st-2'), {}, 'a.student_id = :applicationReader', 'student'],
  ['the slot’s enterprise', actor('enterprise_admin', ENTERPRISE), ENTERPRISE_MOVES, 'a.enterprise_id = :applicationReader', 'enterprise'],
  ['another enterprise', actor('enterprise_admin', 'e-2'), {}, 'a.enterprise_id = :applicationReader', 'enterprise'],
  [
    'the student’s school',
    actor('school_admin', SCHOOL),
    { see: true, approve: true, 'send-back': true },
    'a.school_id = :applicationReader',
    'school',
  ],
  ['another school', actor('school_admin', 's-2'), {}, 'a.school_id = :applicationReader', 'school'],
  ['the platform admin', actor('platform_admin', null), { see: true }, 'true', 'all'],
  ['an EDU officer', actor('bureau_officer', null, 'EDU'), {}, 'false', null],
  ['a MIIT officer', actor('bureau_officer', null, 'MIIT'), {}, 'false', null],
  ['a SASAC officer', actor('bureau_officer', null, 'SASAC'), {}, 'false', null],
  ['a teacher', actor('teacher', SCHOOL), {}, 'false', null],
  ['an enterprise admin without an organisation', actor('enterprise_admin', null), {}, 'false', null],
  ['a school admin without an organisation', actor('school_admin', null), {}, 'false', null],
];

describe('applicationsPolicy: actors × an application', () => {
  it.each(TABLE)('%s', (_who, who, may, where, side) => {
    for (const action of ACTIONS) expect([action, sut.can(who, action, application)]).toEqual([action, may[action] === true]);
    expect(sut.visible(who).where).toBe(where);
    expect(sut.reader(who)?.side ?? null).toBe(side);
  });

  it('reads each side by its own id', () => {
    expect(sut.reader(actor('student', STUDENT))).toEqual({ side: 'student', id: STUDENT });
    expect(sut.visible(actor('enterprise_admin', ENTERPRISE)).params).toEqual({ applicationReader: ENTERPRISE });
    expect(sut.visible(actor('school_admin', SCHOOL)).params).toEqual({ applicationReader: SCHOOL });
  });
});
