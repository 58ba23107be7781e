import type { SlotState } from '@skillbridge/contracts';
import type { Actor, OrganisationFacts } from '@skillbridge/domain';
import { SlotFacts, seesAllSlotsOf, slotsPolicy as sut } from './slots.policy';

const firm: OrganisationFacts = { id: 'e-private', kind: 'enterprise', ownership: 'private' };
const soe: OrganisationFacts = { id: 'e-soe', kind: 'enterprise', ownership: 'municipal_soe' };
const base: OrganisationFacts = { id: 'base', kind: 'training_base', ownership: null };
const slot = (state: SlotState, enterprise: OrganisationFacts): SlotFacts => ({ state, enterprise });

const actor = (role: Actor['role'], organisationId: string | null, authority: Actor['authority'] = null): Actor => ({
  userId: 'someone',
  role,
  organisationId,
  authority,
});

// What an actor may do to the private firm's, the SOE's and the training base's slots: see an open one,
// see a draft (and the enterprise's whole list), manage them.
type May = { open: boolean; draft: boolean; manage: boolean };
const OUTSIDER: May = { open: true, draft: false, manage: false };
const READER: May = { open: true, draft: true, manage: false };
const OWNER: May = { open: true, draft: true, manage: true };

const TABLE: Array<[string, Actor, [May, May, May]]> = [
  ['the firm’s admin', actor('enterprise_admin', firm.id), [OWNER, OUTSIDER, OUTSIDER]],
  ['the SOE’s admin', actor('enterprise_admin', soe.id), [OUTSIDER, OWNER, OUTSIDER]],
  ['the base’s admin', actor('enterprise_admin', base.id), [OUTSIDER, OUTSIDER, OWNER]],
  ['a student', actor('student', 'school'), [OUTSIDER, OUTSIDER, OUTSIDER]],
  ['a teacher', actor('teacher', 'school'), [OUTSIDER, OUTSIDER, OUTSIDER]],
  ['a school admin', actor('school_admin', 'school'), [OUTSIDER, OUTSIDER, OUTSIDER]],
  ['a MIIT officer', actor('bureau_officer', null, 'MIIT'), [READER, OUTSIDER, READER]],
  ['a SASAC officer', actor('bureau_officer', null, 'SASAC'), [OUTSIDER, READER, OUTSIDER]],
  ['an EDU officer', actor('bureau_officer', null, 'EDU'), [OUTSIDER, OUTSIDER, READER]],
  ['the platform admin', actor('platform_admin', null), [OWNER, OWNER, OWNER]],
];

describe('slotsPolicy: actors × slots', () => {
  it.each(TABLE)('%s', (_who, who, may) => {
    [firm, soe, base].forEach((enterprise, i) => {
      const open = sut.can(who, 'see', slot('open', enterprise));
      const seen = [enterprise.id, open, sut.can(who, 'see', slot('draft', enterprise)), seesAllSlotsOf(who, enterprise)];
      expect(seen).toEqual([enterprise.id, may[i].open, may[i].draft, may[i].draft]);
      for (const state of ['draft', 'open', 'closed', 'cancelled'] as const) {
        expect([enterprise.id, state, sut.can(who, 'manage', slot(state, enterprise))]).toEqual([enterprise.id, state, may[i].manage]);
      }
    });
    // Closed and cancelled slots are unpublished like drafts.
    expect(sut.can(who, 'see', slot('closed', firm))).toBe(may[0].draft);
  });

  it('a school hosts no slots: its own admin neither sees nor manages any there', () => {
    const school: OrganisationFacts = { id: 'school', kind: 'school', ownership: null };
    expect(seesAllSlotsOf(actor('school_admin', 'school'), school)).toBe(false);
    expect(sut.can(actor('school_admin', 'school'), 'manage', slot('draft', school))).toBe(false);
  });

  it('lists: open slots for everyone, the others within the remit', () => {
    expect(sut.visible(actor('platform_admin', null)).where).toBe('true');
    expect(sut.visible(actor('student', null)).where).toBe(`s.state = 'open'`);
    expect(sut.visible(actor('enterprise_admin', firm.id))).toEqual({
      where: `(s.state = 'open' OR s.enterprise_id IN (SELECT o.id FROM organisations o WHERE o.id = :remitOrganisationId))`,
      params: { remitOrganisationId: firm.id },
    });
  });
});
