import type { Actor } from '@skillbridge/domain';
import type { ObjectLiteral } from 'typeorm';

/**
 * What an actor may see of a resource, as a condition for list queries: SQL over the aliases the
 * policy names, with named parameters, for TypeORM's query builder (`qb.andWhere(v.where, v.params)`).
 * Parameter names start with the policy's prefix, so that two conditions never share a name.
 */
export interface Visibility {
  readonly where: string;
  readonly params: ObjectLiteral;
}

export const SEES_EVERYTHING: Visibility = { where: 'true', params: {} };
export const SEES_NOTHING: Visibility = { where: 'false', params: {} };

/**
 * Who may see and do what to one kind of resource: the one place it is decided (immich's
 * `requireAccess` is the model). `visible` narrows lists; `can` answers for one loaded row. Services
 * ask the policy and decide nothing themselves; each policy is tested as a table of actors × rows.
 *
 * A row the actor may not see is reported as not found (404); one they see but may not change, as
 * forbidden (403): `can(actor, 'see', row)` tells the two apart.
 */
export interface AccessPolicy<Row, Action extends string> {
  /** The alias(es) `visible` refers to, which every list query of the resource must use. */
  readonly aliases: string;
  visible(actor: Actor): Visibility;
  can(actor: Actor, action: Action | 'see', row: Row): boolean;
}
