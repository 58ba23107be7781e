import { Actor, OrganisationFacts, canAdministerOrganisation, canSeeOrganisation, canSeeOrganisationMembers } from './tenancy';

const soe: OrganisationFacts = { id: 'soe', kind: 'enterprise', ownership: 'municipal_soe' };
const centralSoe: OrganisationFacts = { id: 'central', kind: 'enterprise', ownership: 'central_soe' };
const privateFirm: OrganisationFacts = { id: 'private', kind: 'enterprise', ownership: 'private' };
const school: OrganisationFacts = { id: 'school', kind: 'school', ownership: null };

const officer = (authority: Actor['authority']): Actor => ({
  userId: 'u',
  role: 'bureau_officer',
  organisationId: null,
  authority,
});

describe('tenancy', () => {
  it('MIIT sees every enterprise except municipal SOEs, and no school', () => {
    const miit = officer('MIIT');
    expect(canSeeOrganisation(miit, privateFirm)).toBe(true);
    expect(canSeeOrganisation(miit, centralSoe)).toBe(true);
    expect(canSeeOrganisation(miit, soe)).toBe(false);
    expect(canSeeOrganisation(miit, school)).toBe(false);
  });

  it('SASAC sees municipal SOEs only', () => {
    const sasac = officer('SASAC');
    expect(canSeeOrganisation(sasac, soe)).toBe(true);
    expect(canSeeOrganisation(sasac, centralSoe)).toBe(false);
    expect(canSeeOrganisation(sasac, privateFirm)).toBe(false);
  });

  it('EDU sees schools, not enterprises', () => {
    expect(canSeeOrganisation(officer('EDU'), school)).toBe(true);
    expect(canSeeOrganisation(officer('EDU'), privateFirm)).toBe(false);
  });

  it('a training base is seen by EDU and by the bureau of its ownership', () => {
    const base: OrganisationFacts = { id: 'base', kind: 'training_base', ownership: 'other' };
    const soeBase: OrganisationFacts = { id: 'soe-base', kind: 'training_base', ownership: 'municipal_soe' };
    expect(canSeeOrganisation(officer('EDU'), base)).toBe(true);
    expect(canSeeOrganisation(officer('MIIT'), base)).toBe(true);
    expect(canSeeOrganisation(officer('SASAC'), base)).toBe(false);
    expect(canSeeOrganisation(officer('SASAC'), soeBase)).toBe(true);
    expect(canSeeOrganisation(officer('MIIT'), soeBase)).toBe(false);
  });

  it('an officer without an authority sees nothing', () => {
    expect(canSeeOrganisation(officer(null), privateFirm)).toBe(false);
  });

  it('a member sees and administers only their own organisation', () => {
    const hr: Actor = { userId: 'u', role: 'enterprise_admin', organisationId: 'private', authority: null };
    expect(canSeeOrganisation(hr, privateFirm)).toBe(true);
    expect(canSeeOrganisation(hr, soe)).toBe(false);
    expect(canAdministerOrganisation(hr, privateFirm)).toBe(true);
    expect(canAdministerOrganisation(hr, soe)).toBe(false);
  });

  it('a student sees their school but cannot administer it', () => {
    const student: Actor = { userId: 'u', role: 'student', organisationId: 'school', authority: null };
    expect(canSeeOrganisation(student, school)).toBe(true);
    expect(canAdministerOrganisation(student, school)).toBe(false);
  });

  it('officers read but do not administer', () => {
    expect(canAdministerOrganisation(officer('MIIT'), privateFirm)).toBe(false);
  });
});

describe('who may list an organisation’s people', () => {
  it('its admin and the officers of its remit, not its students or teachers', () => {
    const admin: Actor = { userId: 'a', role: 'school_admin', organisationId: 'school', authority: null };
    const student: Actor = { userId: 's', role: 'student', organisationId: 'school', authority: null };
    const teacher: Actor = { userId: 't', role: 'teacher', organisationId: 'school', authority: null };
    expect(canSeeOrganisationMembers(admin, school)).toBe(true);
    expect(canSeeOrganisationMembers(officer('EDU'), school)).toBe(true);
    expect(canSeeOrganisationMembers(officer('MIIT'), school)).toBe(false);
    expect(canSeeOrganisationMembers(student, school)).toBe(false);
    expect(canSeeOrganisationMembers(teacher, school)).toBe(false);
  });
});
