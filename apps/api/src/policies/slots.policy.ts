import type { SlotState } from '@skillbridge/contracts';
import { Actor, OrganisationFacts, OrganisationKind, canAdministerOrganisation, canSeeOrganisation } from '@skillbridge/domain';
import { AccessPolicy, SEES_EVERYTHING, SEES_NOTHING, Visibility } from './policy';
import { organisationInRemit } from './remit';

/** What decides who sees and changes a slot: its state and its enterprise's kind and ownership. */
export interface SlotFacts {
  state: SlotState;
  enterprise: OrganisationFacts;
}

/** Posting, editing, publishing and closing: one right, the enterprise's. */
export type SlotAction = 'manage';

/** The organisations that host slots. */
const HOSTS: readonly OrganisationKind[] = ['enterprise', 'training_base'];

/**
 * Who sees an enterprise's slots in every state (drafts, closed, cancelled) and its whole list: its own
 * admins, the officers whose remit it is, the platform admin. To anyone else such a slot, and the
 * enterprise's list, do not exist (404), whatever they would do with them.
 */
export const seesAllSlotsOf = (actor: Actor, enterprise: OrganisationFacts): boolean =>
  HOSTS.includes(enterprise.kind) && canSeeOrganisation(actor, enterprise);

/**
 * Slots (alias `s`): an open slot is for everyone signed in; the others for those who see all of the
 * enterprise's slots. Only the enterprise's own admins, and the platform admin, manage them (officers read).
 */
export const slotsPolicy: AccessPolicy<SlotFacts, SlotAction> = {
  aliases: 's (slots)',

  visible(actor: Actor): Visibility {
    const remit = organisationInRemit(actor, 's.enterprise_id');
    if (remit === SEES_EVERYTHING) return SEES_EVERYTHING;
    if (remit === SEES_NOTHING) return { where: `s.state = 'open'`, params: {} };
    return { where: `(s.state = 'open' OR ${remit.where})`, params: remit.params };
  },

  can(actor: Actor, action: SlotAction | 'see', slot: SlotFacts): boolean {
    switch (action) {
      case 'see':
        return slot.state === 'open' || seesAllSlotsOf(actor, slot.enterprise);
      case 'manage':
        return HOSTS.includes(slot.enterprise.kind) && canAdministerOrganisation(actor, slot.enterprise);
    }
  },
};
