import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Organisation } from '@skillbridge/db';
import { Actor, DomainError, OrganisationKind, notFound } from '@skillbridge/domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { UUID } from '../common/ids';
import { OrganisationAction, organisationsPolicy } from './organisations.policy';

const KIND_NAMES: Record<OrganisationKind, string> = {
  school: 'The school',
  enterprise: 'The enterprise',
  training_base: 'The training base',
};

const REFUSALS: Record<OrganisationAction, string> = {
  administer: 'Only the organisation’s own administrators may change this',
  'see-members': 'Only the organisation’s administrators and its supervising officers may list its people',
};

/**
 * The organisations policy where a row must be loaded first: every route that touches an
 * organisation's data asks here for the organisation. Outside the actor's remit, the organisation
 * does not exist (404); inside it but not theirs to change or list the people of, 403.
 */
@Injectable()
export class OrganisationAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The organisation, if the actor may see it and it is of one of the kinds; else 404. */
  async visible(actor: Actor, id: string, kinds: OrganisationKind[], tx: EntityManager = this.db.manager): Promise<Organisation> {
    const what = KIND_NAMES[kinds[0]];
    if (!UUID.test(id)) throw notFound(what);
    const organisation = await tx.getRepository(Organisation).findOneBy({ id });
    if (!organisation || !kinds.includes(organisation.kind) || !organisationsPolicy.can(actor, 'see', organisation)) throw notFound(what);
    return organisation;
  }

  /** The organisation, if the actor may change its records; 404 when unseen, 403 when only seen. */
  administrable(actor: Actor, id: string, kinds: OrganisationKind[], tx?: EntityManager): Promise<Organisation> {
    return this.allowed(actor, 'administer', id, kinds, tx);
  }

  /** The organisation, if the actor may list its people; 404 when unseen, 403 when only seen. */
  membersVisible(actor: Actor, id: string, kinds: OrganisationKind[]): Promise<Organisation> {
    return this.allowed(actor, 'see-members', id, kinds);
  }

  /** Organisations (alias `o`) of the given kinds within the actor's remit, as a query to refine. */
  list(actor: Actor, kinds: OrganisationKind[]): SelectQueryBuilder<Organisation> {
    const visible = organisationsPolicy.visible(actor);
    return this.db
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .where('o.kind IN (:...kinds)', { kinds })
      .andWhere(visible.where, visible.params);
  }

  private async allowed(
    actor: Actor,
    action: OrganisationAction,
    id: string,
    kinds: OrganisationKind[],
    tx?: EntityManager,
  ): Promise<Organisation> {
    const organisation = await this.visible(actor, id, kinds, tx);
    if (!organisationsPolicy.can(actor, action, organisation)) throw new DomainError('FORBIDDEN', 'forbidden', REFUSALS[action]);
    return organisation;
  }
}
