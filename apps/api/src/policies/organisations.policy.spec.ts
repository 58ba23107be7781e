import type { Actor, OrganisationFacts } from '@skillbridge/domain';
import { enterprisesListed, organisationsPolicy as sut } from './organisations.policy';

const school: OrganisationFacts = { id: 'school', kind: 'school', ownership: null };
const soe: OrganisationFacts = { id: 'soe', kind: 'enterprise', ownership: 'municipal_soe' };
const firm: OrganisationFacts = { id: 'firm', kind: 'enterprise', ownership: 'private' };
const base: OrganisationFacts = { id: 'base', kind: 'training_base', ownership: 'private' };
const ORGANISATIONS = { school, soe, firm, base };
type Name = keyof typeof ORGANISATIONS;
const ALL: Name[] = ['school', 'soe', 'firm', 'base'];

const member = (role: Actor['role'], organisationId: string | null): Actor => ({ userId: 'u', role, organisationId, authority: null });
const officer = (authority: Actor['authority']): Actor => ({ userId: 'u', role: 'bureau_officer', organisationId: null, authority });

const MIIT = 'o.kind IN (:...remitKinds) AND (o.ownership IS NULL OR o.ownership NOT IN (:...remitOwnershipNotIn))';
const SASAC = 'o.kind IN (:...remitKinds) AND o.ownership IN (:...remitOwnershipIn)';
const EDU = 'o.kind IN (:...remitKinds) AND true';
const OWN = 'o.id = :remitOrganisationId';

// Actors × the organisations each may see, administer and list the people of, and their list condition.
const TABLE: Array<[string, Actor, { see: Name[]; administer: Name[]; 'see-members': Name[] }, string]> = [
  ['the platform admin', member('platform_admin', null), { see: ALL, administer: ALL, 'see-members': ALL }, 'true'],
  ['a MIIT officer', officer('MIIT'), { see: ['firm', 'base'], administer: [], 'see-members': ['firm', 'base'] }, MIIT],
  ['a SASAC officer', officer('SASAC'), { see: ['soe'], administer: [], 'see-members': ['soe'] }, SASAC],
  ['an EDU officer', officer('EDU'), { see: ['school', 'base'], administer: [], 'see-members': ['school', 'base'] }, EDU],
  ['an officer of no authority', officer(null), { see: [], administer: [], 'see-members': [] }, 'false'],
  ['the school’s admin', member('school_admin', 'school'), { see: ['school'], administer: ['school'], 'see-members': ['school'] }, OWN],
  ['another school’s admin', member('school_admin', 'school-2'), { see: [], administer: [], 'see-members': [] }, OWN],
  ['the SOE’s admin', member('enterprise_admin', 'soe'), { see: ['soe'], administer: ['soe'], 'see-members': ['soe'] }, OWN],
  ['the private firm’s admin', member('enterprise_admin', 'firm'), { see: ['firm'], administer: ['firm'], 'see-members': ['firm'] }, OWN],
  ['the training base’s admin', member('enterprise_admin', 'base'), { see: ['base'], administer: ['base'], 'see-members': ['base'] }, OWN],
  [
    'a school admin holding an enterprise’s id',
    member('school_admin', 'firm'),
    { see: ['firm'], administer: [], 'see-members': ['firm'] },
    OWN,
  ],
  ['a student of the school', member('student', 'school'), { see: ['school'], administer: [], 'see-members': [] }, OWN],
  ['a teacher of the school', member('teacher', 'school'), { see: ['school'], administer: [], 'see-members': [] }, OWN],
  [
    'an enterprise admin without an organisation',
    member('enterprise_admin', null),
    { see: [], administer: [], 'see-members': [] },
    'false',
  ],
];

describe('organisationsPolicy: actors × organisations', () => {
  it.each(TABLE)('%s', (_who, who, may, where) => {
    for (const action of ['see', 'administer', 'see-members'] as const) {
      const allowed = (Object.keys(ORGANISATIONS) as Name[]).filter((name) => sut.can(who, action, ORGANISATIONS[name]));
      expect([action, allowed]).toEqual([action, may[action]]);
    }
    expect(sut.visible(who).where).toBe(where);
  });

  it('lists by the remit’s own values', () => {
    expect(sut.visible(officer('MIIT')).params).toEqual({
      remitKinds: ['enterprise', 'training_base'],
      remitOwnershipIn: [],
      remitOwnershipNotIn: ['municipal_soe'],
    });
    expect(sut.visible(member('school_admin', 'school')).params).toEqual({ remitOrganisationId: 'school' });
  });

  it('lists verified enterprises only, but for the platform admin', () => {
    expect(enterprisesListed(member('platform_admin', null)).where).toBe('true');
    for (const who of [officer('MIIT'), officer('SASAC'), member('enterprise_admin', 'firm')]) {
      expect(enterprisesListed(who).where).toBe(`o.verification = 'verified'`);
    }
  });
});
