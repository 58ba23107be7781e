import type { Actor } from '@skillbridge/domain';
import { AgreementParties, agreementSide, agreementsPolicy as sut } from './agreements.policy';

const row: AgreementParties = { student_id: 'st-1', enterprise_id: 'e-1', school_id: 'sc-1' };

const actor = (role: Actor['role'], userId: string, organisationId: string | null, authority: Actor['authority'] = null): Actor => ({
  userId,
  role,
  organisationId,
  authority,
});

type Can = { see: boolean; sign: boolean; insure: boolean; guardian: boolean; side: string | null; where: string };
const NOTHING = { see: false, sign: false, insure: false, guardian: false, side: null, where: 'false' };

// Every role × an agreement of student st-1 at enterprise e-1, school sc-1.
const TABLE: Array<[string, Actor, Can]> = [
  [
    'the student',
    actor('student', 'st-1', 'sc-1'),
    { see: true, sign: true, insure: false, guardian: false, side: 'student', where: 'p.person_id = :agreementActorId' },
  ],
  ['another student', actor('student', 'st-2', 'sc-1'), { ...NOTHING, where: 'p.person_id = :agreementActorId' }],
  [
    'the host enterprise',
    actor('enterprise_admin', 'ea', 'e-1'),
    { see: true, sign: true, insure: true, guardian: false, side: 'enterprise', where: 'p.enterprise_id = :agreementActorOrganisation' },
  ],
  ['another enterprise', actor('enterprise_admin', 'eb', 'e-2'), { ...NOTHING, where: 'p.enterprise_id = :agreementActorOrganisation' }],
  [
    'the school',
    actor('school_admin', 'sa', 'sc-1'),
    { see: true, sign: true, insure: true, guardian: true, side: 'school', where: 'p.school_id = :agreementActorOrganisation' },
  ],
  ['another school', actor('school_admin', 'sb', 'sc-2'), { ...NOTHING, where: 'p.school_id = :agreementActorOrganisation' }],
  ['a teacher of the school', actor('teacher', 't', 'sc-1'), NOTHING],
  ['a MIIT officer', actor('bureau_officer', 'o', null, 'MIIT'), NOTHING],
  ['a SASAC officer', actor('bureau_officer', 'o', null, 'SASAC'), NOTHING],
  ['an EDU officer', actor('bureau_officer', 'o', null, 'EDU'), NOTHING],
  ['the platform admin', actor('platform_admin', 'pa', null), NOTHING],
];

describe('agreements policy: every role × an agreement', () => {
  it.each(TABLE)('%s', (_name, who, expected) => {
    expect(sut.can(who, 'see', row)).toBe(expected.see);
    expect(sut.can(who, 'sign', row)).toBe(expected.sign);
    expect(sut.can(who, 'insure', row)).toBe(expected.insure);
    expect(sut.can(who, 'guardian', row)).toBe(expected.guardian);
    expect(agreementSide(who, row)).toBe(expected.side);
    expect(sut.visible(who).where).toBe(expected.where);
  });

  it('an admin without an organisation sees none', () => {
    expect(sut.visible(actor('school_admin', 'sa', null)).where).toBe('false');
    expect(sut.can(actor('enterprise_admin', 'ea', null), 'see', row)).toBe(false);
  });
});
