import type { Actor } from '@skillbridge/domain';
import { PlacementParties, placementsPolicy as sut } from './placements.policy';

const SCHOOL = 's-1';
const school = { school_id: SCHOOL, school_kind: 'school', school_ownership: null } as const;
const host = (
  enterprise_id: string,
  enterprise_kind: 'enterprise' | 'training_base',
  enterprise_ownership: 'private' | 'municipal_soe' | null,
) => ({
  enterprise_id,
  enterprise_kind,
  enterprise_ownership,
});
// A student's placement at a private firm (MIIT's remit), a teacher's at a municipal SOE (SASAC's).
const atPrivateFirm: PlacementParties = { person_id: 'st-1', ...host('e-private', 'enterprise', 'private'), ...school };
const atSoe: PlacementParties = { person_id: 't-1', ...host('e-soe', 'enterprise', 'municipal_soe'), ...school };
// At a training base of no stated ownership, of another school.
const atBase: PlacementParties = { person_id: 'st-2', ...host('base', 'training_base', null), ...school, school_id: 's-2' };

const actor = (role: Actor['role'], id: string | null, authority: Actor['authority'] = null): Actor => ({
  userId: role === 'student' || role === 'teacher' ? (id ?? 'u') : 'someone',
  role,
  organisationId: role === 'student' || role === 'teacher' ? SCHOOL : role === 'bureau_officer' || role === 'platform_admin' ? null : id,
  authority,
});

type Row = { see: boolean; manage: boolean };
const NONE: Row = { see: false, manage: false };
const SEES: Row = { see: true, manage: false };
const HOSTS: Row = { see: true, manage: true };

// Actors × [the private firm's, the SOE's, the training base's placement], and their list condition.
const TABLE: Array<[string, Actor, [Row, Row, Row], string]> = [
  ['the student placed', actor('student', 'st-1'), [SEES, NONE, NONE], 'p.person_id = :placementActorId'],
  ['the teacher placed', actor('teacher', 't-1'), [NONE, SEES, NONE], 'p.person_id = :placementActorId'],
  ['the private firm', actor('enterprise_admin', 'e-private'), [HOSTS, NONE, NONE], 'p.enterprise_id = :placementActorOrganisation'],
  ['the SOE', actor('enterprise_admin', 'e-soe'), [NONE, HOSTS, NONE], 'p.enterprise_id = :placementActorOrganisation'],
  ['the school', actor('school_admin', SCHOOL), [SEES, SEES, NONE], 'p.school_id = :placementActorOrganisation'],
  ['another school', actor('school_admin', 's-2'), [NONE, NONE, SEES], 'p.school_id = :placementActorOrganisation'],
  [
    'a MIIT officer',
    actor('bureau_officer', null, 'MIIT'),
    [SEES, NONE, SEES],
    'p.enterprise_id IN (SELECT o.id FROM organisations o WHERE o.kind IN (:...remitKinds) ' +
      'AND (o.ownership IS NULL OR o.ownership NOT IN (:...remitOwnershipNotIn)))',
  ],
  [
    'a SASAC officer',
    actor('bureau_officer', null, 'SASAC'),
    [NONE, SEES, NONE],
    'p.enterprise_id IN (SELECT o.id FROM organisations o WHERE o.kind IN (:...remitKinds) AND o.ownership IN (:...remitOwnershipIn))',
  ],
  // The education bureau supervises the schools: every school's students' and teachers' placements.
  [
    'an EDU officer',
    actor('bureau_officer', null, 'EDU'),
    [SEES, SEES, SEES],
    'p.school_id IN (SELECT o.id FROM organisations o WHERE o.kind IN (:...remitKinds) AND true)',
  ],
  ['the platform admin', actor('platform_admin', null), [SEES, SEES, SEES], 'true'],
  ['an enterprise admin without an organisation', actor('enterprise_admin', null), [NONE, NONE, NONE], 'false'],
];

describe('placementsPolicy: actors × placements', () => {
  it.each(TABLE)('%s', (_who, who, may, where) => {
    [atPrivateFirm, atSoe, atBase].forEach((row, i) => {
      const expected = may[i];
      const answers = [i, sut.can(who, 'see', row), sut.can(who, 'activate', row), sut.can(who, 'complete', row)];
      expect(answers).toEqual([i, expected.see, expected.manage, expected.manage]);
    });
    expect(sut.visible(who).where).toBe(where);
  });

  it('officers’ conditions carry their remit', () => {
    expect(sut.visible(actor('bureau_officer', null, 'EDU')).params).toMatchObject({ remitKinds: ['school', 'training_base'] });
    expect(sut.visible(actor('bureau_officer', null, 'SASAC')).params).toMatchObject({ remitOwnershipIn: ['municipal_soe'] });
  });
});
