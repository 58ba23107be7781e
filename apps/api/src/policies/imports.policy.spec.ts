import type { Actor } from '@skillbridge/domain';
import { ImportParties, importsPolicy as sut, reportsHeadcounts } from './imports.policy';

const CREATOR = 'creator';
const students: ImportParties = { createdBy: CREATOR, schoolId: 'school' };
const headcounts: ImportParties = { createdBy: CREATOR, schoolId: null };
const IMPORTS = { students, headcounts };
type Name = keyof typeof IMPORTS;

const actor = (userId: string, role: Actor['role'], organisationId: string | null = null, authority: Actor['authority'] = null): Actor => ({
  userId,
  role,
  organisationId,
  authority,
});
const ALL: Name[] = ['students', 'headcounts'];

const OWN = 'i.created_by = :importActorId';
const SCHOOL = '(i.created_by = :importActorId OR i.school_id = :importActorSchool)';

// Actors × the imports each may see and hand out codes of, whether they report headcounts, and their list condition.
const TABLE: Array<[string, Actor, { see: Name[]; 'issue-codes': Name[] }, boolean, string]> = [
  ['its creator, a school admin', actor(CREATOR, 'school_admin', 'school'), { see: ALL, 'issue-codes': ALL }, false, SCHOOL],
  ['its creator, a MIIT officer', actor(CREATOR, 'bureau_officer', null, 'MIIT'), { see: ALL, 'issue-codes': ALL }, true, OWN],
  [
    'another admin of the school',
    actor('other', 'school_admin', 'school'),
    { see: ['students'], 'issue-codes': ['students'] },
    false,
    SCHOOL,
  ],
  ['another school’s admin', actor('other', 'school_admin', 'school-2'), { see: [], 'issue-codes': [] }, false, SCHOOL],
  ['the platform admin', actor('admin', 'platform_admin'), { see: ALL, 'issue-codes': ALL }, true, 'true'],
  ['another MIIT officer', actor('other', 'bureau_officer', null, 'MIIT'), { see: [], 'issue-codes': [] }, true, OWN],
  ['a SASAC officer', actor('other', 'bureau_officer', null, 'SASAC'), { see: [], 'issue-codes': [] }, true, OWN],
  ['an EDU officer', actor('other', 'bureau_officer', null, 'EDU'), { see: [], 'issue-codes': [] }, false, OWN],
  ['a teacher of the school', actor('other', 'teacher', 'school'), { see: [], 'issue-codes': [] }, false, OWN],
  ['a student of the school', actor('other', 'student', 'school'), { see: [], 'issue-codes': [] }, false, OWN],
  ['an enterprise admin', actor('other', 'enterprise_admin', 'firm'), { see: [], 'issue-codes': [] }, false, OWN],
];

describe('importsPolicy: actors × imports', () => {
  it.each(TABLE)('%s', (_who, who, may, reports, where) => {
    for (const action of ['see', 'issue-codes'] as const) {
      const allowed = (Object.keys(IMPORTS) as Name[]).filter((name) => sut.can(who, action, IMPORTS[name]));
      expect([action, allowed]).toEqual([action, may[action]]);
    }
    expect(reportsHeadcounts(who)).toBe(reports);
    expect(sut.visible(who).where).toBe(where);
  });
});
