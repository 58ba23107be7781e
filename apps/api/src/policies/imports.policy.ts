import type { Actor } from '@skillbridge/domain';
import { AccessPolicy, SEES_EVERYTHING, Visibility } from './policy';
import { monitorsQuotas } from './quotas.policy';

/** What of an import (批量导入, the entity) decides who sees it. */
export interface ImportParties {
  createdBy: string;
  /** The school whose people it imports; null for an officer's headcounts. */
  schoolId: string | null;
}

/** `issue-codes`: hand out new activation codes for the accounts it made. */
export type ImportAction = 'issue-codes';

/**
 * Imports (alias `i`): its creator, its school's admins and the platform admin see one, and may hand
 * out the activation codes of the accounts it made. Nobody else sees it (404). Who may start an import
 * is the organisations policy's `administer` (into a school) or the quota monitors' (headcounts).
 */
/** §13: the quota monitors (MIIT and SASAC officers, the platform admin) report the headcounts of their remit. */
export const reportsHeadcounts = (actor: Actor): boolean => monitorsQuotas(actor);

export const importsPolicy: AccessPolicy<ImportParties, ImportAction> = {
  aliases: 'i (imports)',

  visible(actor: Actor): Visibility {
    if (actor.role === 'platform_admin') return SEES_EVERYTHING;
    if (actor.role === 'school_admin' && actor.organisationId) {
      return {
        where: '(i.created_by = :importActorId OR i.school_id = :importActorSchool)',
        params: { importActorId: actor.userId, importActorSchool: actor.organisationId },
      };
    }
    return { where: 'i.created_by = :importActorId', params: { importActorId: actor.userId } };
  },

  can(actor: Actor, _action: ImportAction | 'see', row: ImportParties): boolean {
    // Whoever sees an import may also issue its codes.
    return (
      row.createdBy === actor.userId ||
      actor.role === 'platform_admin' ||
      (actor.role === 'school_admin' && !!actor.organisationId && row.schoolId === actor.organisationId)
    );
  },
};
