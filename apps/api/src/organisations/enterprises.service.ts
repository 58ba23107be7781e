import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EnterpriseView, Page, PendingEnterpriseView, SimilarOrganisation } from '@skillbridge/contracts';
import { EnterpriseHeadcount, Organisation, run } from '@skillbridge/db';
import { Actor, DomainError, internCap, requiredIntake, today } from '@skillbridge/domain';
import { recordEvent } from '@skillbridge/notifications';
import { refreshQuotas } from '@skillbridge/quotas';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { BY_NAME, PageQuery, paginate } from '../common/pagination';
import { RulesService } from '../rules/rules.service';
import { OrganisationAccess } from '../policies/organisation-access.service';
import { enterprisesListed, seesUnverifiedEnterprises } from '../policies/organisations.policy';
import { HeadcountDto, ListEnterprisesQuery, RefuseEnterpriseDto, UpdateEnterpriseDto } from './dto/enterprise.dto';
import { REFUSE_ENTERPRISE, SIMILAR_ORGANISATIONS, VERIFY_ENTERPRISE } from './organisations.statements';

const ENTERPRISE_KINDS = ['enterprise', 'training_base'] as const;

/** PostgreSQL's unique_violation, with the index that was hit. */
export const uniqueViolation = (error: unknown): string | null =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505'
    ? ((error.driverError as { constraint?: string }).constraint ?? 'unique')
    : null;

export const usccTaken = () =>
  new DomainError('USCC_TAKEN', 'conflict', 'A verified enterprise already holds this unified social credit code');

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: OrganisationAccess,
    private readonly rules: RulesService,
  ) {}

  async get(actor: Actor, id: string): Promise<EnterpriseView> {
    const enterprise = await this.access.visible(actor, id, [...ENTERPRISE_KINDS]);
    return this.view(enterprise, await this.headcounts([enterprise.id]));
  }

  async list(actor: Actor, query: ListEnterprisesQuery): Promise<Page<EnterpriseView>> {
    const listed = enterprisesListed(actor);
    const qb = this.access.list(actor, [...ENTERPRISE_KINDS]).andWhere(listed.where, listed.params);
    if (query.q)
      qb.andWhere('(o.name ILIKE :q OR o.uscc = :uscc)', {
        q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%`,
        uscc: query.q.trim().toUpperCase(),
      });
    if (query.district) qb.andWhere('o.district = :district', { district: query.district });
    if (query.industry) qb.andWhere('o.industry = :industry', { industry: query.industry });
    if (query.ownership) qb.andWhere('o.ownership = :ownership', { ownership: query.ownership });
    if (query.verification && seesUnverifiedEnterprises(actor))
      qb.andWhere('o.verification = :verification', { verification: query.verification });
    const page = await paginate(qb, query, BY_NAME);
    const headcounts = await this.headcounts(page.items.map((o) => o.id));
    return { items: await Promise.all(page.items.map((o) => this.view(o, headcounts))), nextCursor: page.nextCursor };
  }

  /**
   * The platform admin's queue: enterprises awaiting verification, each with the organisations
   * already holding its name or credit code (verified or not), for the verifier to compare.
   */
  async pending(query: PageQuery): Promise<Page<PendingEnterpriseView>> {
    const qb = this.db
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .where('o.kind IN (:...kinds)', { kinds: [...ENTERPRISE_KINDS] })
      .andWhere(`o.verification = 'unverified'`);
    const page = await paginate(qb, query, BY_NAME);
    const ids = page.items.map((o) => o.id);
    const [headcounts, similar] = await Promise.all([this.headcounts(ids), this.similarTo(page.items)]);
    return {
      items: await Promise.all(page.items.map(async (o) => ({ ...(await this.view(o, headcounts)), similar: similar(o) }))),
      nextCursor: page.nextCursor,
    };
  }

  /** For each enterprise, the other organisations with its name or its code: one statement over the name and code indexes. */
  private async similarTo(enterprises: Organisation[]): Promise<(o: Organisation) => SimilarOrganisation[]> {
    if (enterprises.length === 0) return () => [];
    const rows = await run(this.db, SIMILAR_ORGANISATIONS, [enterprises.map((o) => o.name), enterprises.map((o) => o.uscc ?? '')]);
    return (o) =>
      rows
        .filter((r) => r.id !== o.id && (r.name === o.name || (o.uscc !== null && r.uscc === o.uscc)))
        .map((r) => ({
          id: r.id,
          name: r.name,
          uscc: r.uscc,
          verification: r.verification,
          same: [...(r.name === o.name ? ['name' as const] : []), ...(o.uscc !== null && r.uscc === o.uscc ? ['uscc' as const] : [])],
        }));
  }

  async update(actor: Actor, id: string, body: UpdateEnterpriseDto): Promise<EnterpriseView> {
    const enterprise = await this.access.administrable(actor, id, [...ENTERPRISE_KINDS]);
    Object.assign(enterprise, {
      ...(body.name !== undefined && { name: body.name.trim() }),
      ...(body.industry !== undefined && { industry: body.industry.trim() }),
      ...(body.district !== undefined && { district: body.district }),
      // A refused enterprise that corrects its profile applies again: back in the verifier's queue.
      ...(enterprise.verification === 'refused' && { verification: 'unverified', refusalReason: null, refusedAt: null }),
    });
    await this.db.getRepository(Organisation).save(enterprise);
    return this.get(actor, id);
  }

  /**
   * Verifies an enterprise (unverified or refused): from now on it posts slots and counts in the
   * officers' figures (the trigger organisations_to_quota_years marks its quota rows verified in
   * this transaction). Its credit code must not be another verified enterprise's: the partial
   * unique index organisations_uscc decides, so two verifies of one code race safely.
   */
  async verify(actor: Actor, id: string): Promise<EnterpriseView> {
    await this.access.visible(actor, id, [...ENTERPRISE_KINDS]);
    try {
      await this.db.transaction(async (tx) => {
        const moved = await run(tx, VERIFY_ENTERPRISE, [id]);
        if (moved.length) await recordEvent(tx, 'enterprise.verified', id, { adminsOf: [id] });
      });
    } catch (error) {
      if (uniqueViolation(error) === 'organisations_uscc') throw usccTaken();
      throw error;
    }
    return this.get(actor, id);
  }

  /**
   * Refuses an enterprise awaiting verification, with the reason its admins are told (inbox and
   * their home page). It stays out of every officer's figures; correcting the profile re-applies.
   * A verified enterprise is not refused here.
   */
  async refuse(actor: Actor, id: string, body: RefuseEnterpriseDto): Promise<EnterpriseView> {
    await this.access.visible(actor, id, [...ENTERPRISE_KINDS]);
    const reason = body.reason.trim();
    await this.db.transaction(async (tx) => {
      const moved = await run(tx, REFUSE_ENTERPRISE, [id, reason]);
      if (!moved.length)
        throw new DomainError('INVALID_TRANSITION', 'conflict', 'A verified enterprise cannot be refused', {
          from: 'verified',
          move: 'refuse',
        });
      await recordEvent(tx, 'enterprise.refused', id, { adminsOf: [id] }, { reason });
    });
    return this.get(actor, id);
  }

  async setHeadcount(actor: Actor, id: string, year: number, body: HeadcountDto): Promise<EnterpriseView> {
    await this.access.administrable(actor, id, [...ENTERPRISE_KINDS]);
    await this.db.transaction(async (tx) => {
      await tx
        .createQueryBuilder()
        .insert()
        .into(EnterpriseHeadcount)
        .values({ organisationId: id, year, employees: body.employees })
        .orUpdate(['employees', 'updated_at'], ['organisation_id', 'year'])
        .execute();
      // Later years without a headcount of their own inherit this one.
      for (const y of [year, year + 1, year + 2]) await refreshQuotas(tx, await this.rules.forYear(y), [id], today());
    });
    return this.get(actor, id);
  }

  private headcounts(ids: string[]): Promise<EnterpriseHeadcount[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.getRepository(EnterpriseHeadcount).find({ where: { organisationId: In(ids) }, order: { year: 'DESC' } });
  }

  private async view(o: Organisation, headcounts: EnterpriseHeadcount[]): Promise<EnterpriseView> {
    const own = headcounts.filter((h) => h.organisationId === o.id);
    return {
      id: o.id,
      name: o.name,
      uscc: o.uscc ?? '',
      ownership: o.ownership ?? 'other',
      industry: o.industry ?? '',
      district: o.district,
      verification: o.verification,
      verifiedAt: o.verifiedAt?.toISOString() ?? null,
      refusalReason: o.refusalReason,
      refusedAt: o.refusedAt?.toISOString() ?? null,
      createdAt: o.createdAt.toISOString(),
      headcounts: await Promise.all(
        own.map(async (h) => {
          const rules = await this.rules.forYear(h.year);
          return {
            year: h.year,
            employees: h.employees,
            requiredIntake: requiredIntake(rules, h.employees),
            internCap: internCap(rules, h.employees),
          };
        }),
      ),
    };
  }
}
