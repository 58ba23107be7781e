import type { Actor } from '@skillbridge/domain';
import { RoundParties, matchRoundsPolicy as sut } from './match-rounds.policy';

const SCHOOL = 's-1';
const ENTERPRISE = 'e-1';

const actor = (role: Actor['role'], organisationId: string | null, authority: Actor['authority'] = null): Actor => ({
  userId: 'u-1',
  role,
  organisationId,
  authority,
});

const EDU = actor('bureau_officer', null, 'EDU');
const MIIT = actor('bureau_officer', null, 'MIIT');
const SASAC = actor('bureau_officer', null, 'SASAC');
const ADMIN = actor('platform_admin', null);
const OWN_SCHOOL = actor('school_admin', SCHOOL);
const OTHER_SCHOOL = actor('school_admin', 's-2');
const SCHOOL_WITHOUT_ORGANISATION = actor('school_admin', null);
const STUDENT = actor('student', SCHOOL);
const ENTERPRISE_IN_ROUND = actor('enterprise_admin', ENTERPRISE);
const OTHER_ENTERPRISE = actor('enterprise_admin', 'e-2');
const TEACHER = actor('teacher', SCHOOL);

/** A round as `can` is given it: the asking student's school and the enterprises of its slots read with it. */
const round = (owner: 'bureau' | 'school', status: RoundParties['status'], ran = false): RoundParties => ({
  owner_organisation_id: owner === 'school' ? SCHOOL : null,
  owner_authority: owner === 'bureau' ? 'EDU' : null,
  status,
  last_run_id: ran ? 'run-1' : null,
  student_school_id: SCHOOL,
  enterprise_ids: [ENTERPRISE],
});

type May = { see: boolean; manage: boolean; rank: boolean; 'see-seed': boolean };
const NOTHING: May = { see: false, manage: false, rank: false, 'see-seed': false };
const SEES: May = { ...NOTHING, see: true };
const OWNS: May = { see: true, manage: true, rank: false, 'see-seed': true };
const RANKS: May = { see: true, manage: false, rank: true, 'see-seed': false };

// Actors × rounds: what each may do (`can`), and the list condition (`visible`) that must agree with 'see'.
const TABLE: Array<[string, Actor, RoundParties, May]> = [
  ['EDU officer × the bureau’s draft', EDU, round('bureau', 'draft'), OWNS],
  ['EDU officer × a school’s draft', EDU, round('school', 'draft'), SEES],
  ['MIIT officer × the bureau’s round', MIIT, round('bureau', 'collecting'), NOTHING],
  ['SASAC officer × the bureau’s round', SASAC, round('bureau', 'collecting'), NOTHING],
  ['platform admin × a school’s draft', ADMIN, round('school', 'draft'), SEES],
  ['the school × its draft', OWN_SCHOOL, round('school', 'draft'), OWNS],
  ['the school × the bureau’s draft', OWN_SCHOOL, round('bureau', 'draft'), NOTHING],
  ['the school × the bureau’s opened round', OWN_SCHOOL, round('bureau', 'collecting'), SEES],
  ['another school × the school’s opened round', OTHER_SCHOOL, round('school', 'collecting'), NOTHING],
  ['another school × the bureau’s round once run', OTHER_SCHOOL, round('bureau', 'ran', true), { ...SEES, 'see-seed': true }],
  ['a school admin without an organisation × a school’s round', SCHOOL_WITHOUT_ORGANISATION, round('school', 'collecting'), NOTHING],
  ['a student of the school × its draft', STUDENT, round('school', 'draft'), NOTHING],
  ['a student of the school × its opened round', STUDENT, round('school', 'collecting'), SEES],
  ['a student × the bureau’s opened round', STUDENT, round('bureau', 'collecting'), SEES],
  ['a student of another school × the school’s round', STUDENT, { ...round('school', 'collecting'), student_school_id: 's-2' }, NOTHING],
  ['a student × a round once run', STUDENT, round('bureau', 'published', true), { ...SEES, 'see-seed': true }],
  ['an enterprise with a slot × the draft', ENTERPRISE_IN_ROUND, round('bureau', 'draft'), NOTHING],
  ['an enterprise with a slot × the opened round', ENTERPRISE_IN_ROUND, round('bureau', 'ranking'), RANKS],
  ['an enterprise without a slot × the opened round', OTHER_ENTERPRISE, round('bureau', 'ranking'), NOTHING],
  ['a teacher × the bureau’s opened round', TEACHER, round('bureau', 'collecting'), NOTHING],
];

// The list condition each actor gets; its parameters are named after the policy.
const VISIBLE: Array<[string, Actor, string]> = [
  ['EDU officer', EDU, 'true'],
  ['MIIT officer', MIIT, 'false'],
  ['platform admin', ADMIN, 'true'],
  [
    'school admin',
    OWN_SCHOOL,
    `(r.owner_organisation_id = :roundActorOrganisation OR (r.owner_authority = 'EDU' AND r.status <> 'draft'))`,
  ],
  [
    'student',
    STUDENT,
    `(r.status <> 'draft' AND (r.owner_authority = 'EDU' OR r.owner_organisation_id = (SELECT school_id FROM students WHERE user_id = :roundActorId)))`,
  ],
  [
    'enterprise admin',
    ENTERPRISE_IN_ROUND,
    `(r.status <> 'draft' AND EXISTS (SELECT 1 FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id
                                     WHERE rs.round_id = r.id AND s.enterprise_id = :roundActorOrganisation))`,
  ],
  ['teacher', TEACHER, 'false'],
];

describe('matchRoundsPolicy: actors × a round', () => {
  it.each(TABLE)('%s', (_who, who, row, may) => {
    for (const action of ['see', 'manage', 'rank', 'see-seed'] as const)
      expect([action, sut.can(who, action, row)]).toEqual([action, may[action]]);
  });

  it.each(VISIBLE)('lists for a %s', (_who, who, where) => {
    const oneLine = (sql: string) => sql.replace(/\s+/g, ' ');
    expect(oneLine(sut.visible(who).where)).toBe(oneLine(where));
  });

  it('an enterprise ranks only the slot at hand when it is its own', () => {
    expect(sut.can(ENTERPRISE_IN_ROUND, 'rank', { ...round('bureau', 'ranking'), enterprise_ids: ['e-2'] })).toBe(false);
  });

  it('a new round is owned by the school of its admin or by the bureau; nobody else creates one', () => {
    expect(sut.ownerFor(OWN_SCHOOL)).toEqual({ organisationId: SCHOOL, authority: null });
    expect(sut.ownerFor(EDU)).toEqual({ organisationId: null, authority: 'EDU' });
    for (const who of [MIIT, SASAC, ADMIN, STUDENT, ENTERPRISE_IN_ROUND, TEACHER, SCHOOL_WITHOUT_ORGANISATION])
      expect(sut.ownerFor(who)).toBeNull();
  });

  it('a result’s lines: the owner every line, a student their own, an enterprise its slots’, others none', () => {
    const published = round('bureau', 'published', true);
    expect(sut.lines(EDU, published).where).toBe('true');
    expect(sut.lines(STUDENT, published)).toEqual({ where: 'l.student_id = :lineActorId', params: { lineActorId: 'u-1' } });
    expect(sut.lines(ENTERPRISE_IN_ROUND, published)).toEqual({
      where: 's.enterprise_id = :lineActorOrganisation',
      params: { lineActorOrganisation: ENTERPRISE },
    });
    for (const who of [OTHER_SCHOOL, ADMIN, MIIT, actor('enterprise_admin', null)]) expect(sut.lines(who, published).where).toBe('false');
  });
});
