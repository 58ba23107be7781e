import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Organisation, whereInRemit } from '@skillbridge/db';
import { Actor, DomainError, OrganisationKind, canAdministerOrganisation, canSeeOrganisation, canSeeOrganisationMembers, notFound, remitOf } from '@skillbridge/domain';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { UUID } from '../common/ids';


const KIND_NAMES: Record<OrganisationKind, string> = {
  school: 'The school',
  enterprise: 'The enterprise',
  training_base: 'The training base',
};

/**
 * Tenancy, enforced here and only here: every route that touches an organisation's data asks
 * this service for the organisation first. Outside the actor's remit, the organisation does not
 * exist (404); inside it but not theirs to change, 403.
 */
@Injectable()
export class OrganisationAccess {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The organisation, if the actor may see it and it is of one of the kinds; else 404. */
  async visible(actor: Actor, id: string, kinds: OrganisationKind[], tx: EntityManager = this.db.manager): Promise<Organisation> {
    const what = KIND_NAMES[kinds[0]];
    if (!UUID.test(id)) throw notFound(what);
    const organisation = await tx.getRepository(Organisation).findOneBy({ id });
    if (!organisation || !kinds.includes(organisation.kind) || !canSeeOrganisation(actor, organisation)) throw notFound(what);
    return organisation;
  }

  /** The organisation, if the actor may change its records; 404 when unseen, 403 when only seen. */
  async administrable(actor: Actor, id: string, kinds: OrganisationKind[], tx?: EntityManager): Promise<Organisation> {
    const organisation = await this.visible(actor, id, kinds, tx);
    if (!canAdministerOrganisation(actor, organisation)) {
      throw new DomainError('FORBIDDEN', 'forbidden', 'Only the organisation’s own administrators may change this');
    }
    return organisation;
  }

  /** The organisation, if the actor may list its people; 404 when unseen, 403 when only seen. */
  async membersVisible(actor: Actor, id: string, kinds: OrganisationKind[]): Promise<Organisation> {
    const organisation = await this.visible(actor, id, kinds);
    if (!canSeeOrganisationMembers(actor, organisation)) {
      throw new DomainError('FORBIDDEN', 'forbidden', 'Only the organisation’s administrators and its supervising officers may list its people');
    }
    return organisation;
  }

  /** Organisations of the given kinds within the actor's remit, as a query to refine. */
  list(actor: Actor, kinds: OrganisationKind[]): SelectQueryBuilder<Organisation> {
    const qb = this.db.getRepository(Organisation).createQueryBuilder('o').where('o.kind IN (:...kinds)', { kinds });
    return whereInRemit(qb, 'o', remitOf(actor));
  }
}
