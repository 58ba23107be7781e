import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EnterpriseView, Page, RegisterEnterpriseResponse } from '@skillbridge/contracts';
import { EnterpriseHeadcount, Organisation, User, hashPassword, refreshQuotas } from '@skillbridge/db';
import { Actor, DomainError, internCap, normaliseUscc, requiredIntake } from '@skillbridge/domain';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { userView } from '../auth/views';
import { BY_NAME, paginate } from '../common/pagination';
import { RulesService } from '../rules/rules.service';
import { OrganisationAccess } from '../tenancy/organisation-access.service';
import { HeadcountDto, ListEnterprisesQuery, RegisterEnterpriseDto, UpdateEnterpriseDto } from './dto/enterprise.dto';

const ENTERPRISE_KINDS = ['enterprise', 'training_base'] as const;

/** PostgreSQL's unique_violation, with the index that was hit. */
export const uniqueViolation = (error: unknown): string | null =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505'
    ? ((error.driverError as { constraint?: string }).constraint ?? 'unique')
    : null;

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: OrganisationAccess,
    private readonly rules: RulesService,
  ) {}

  /** Self-registration: the enterprise (unverified) and its first admin, together or not at all. */
  async register(body: RegisterEnterpriseDto): Promise<RegisterEnterpriseResponse> {
    const passwordHash = await hashPassword(body.adminPassword);
    try {
      return await this.db.transaction(async (tx) => {
        const enterprise = await tx.getRepository(Organisation).save(
          tx.getRepository(Organisation).create({
            kind: 'enterprise',
            name: body.name.trim(),
            uscc: normaliseUscc(body.uscc),
            ownership: body.ownership,
            industry: body.industry.trim(),
            district: body.district,
            verification: 'unverified',
          }),
        );
        const admin = await tx.getRepository(User).save(
          tx.getRepository(User).create({
            email: body.adminEmail.trim().toLowerCase(),
            passwordHash,
            name: body.adminName.trim(),
            role: 'enterprise_admin',
            organisationId: enterprise.id,
            authority: null,
          }),
        );
        return { enterprise: await this.view(enterprise, []), admin: userView(admin) };
      });
    } catch (error) {
      const index = uniqueViolation(error);
      if (index === 'organisations_uscc') throw new DomainError('USCC_TAKEN', 'conflict', 'An enterprise with this unified social credit code is already registered');
      if (index === 'users_email') throw new DomainError('EMAIL_TAKEN', 'conflict', 'This e-mail address already has an account');
      throw error;
    }
  }

  async get(actor: Actor, id: string): Promise<EnterpriseView> {
    const enterprise = await this.access.visible(actor, id, [...ENTERPRISE_KINDS]);
    return this.view(enterprise, await this.headcounts([enterprise.id]));
  }

  async list(actor: Actor, query: ListEnterprisesQuery): Promise<Page<EnterpriseView>> {
    const qb = this.access.list(actor, [...ENTERPRISE_KINDS]);
    if (query.q) qb.andWhere('(o.name ILIKE :q OR o.uscc = :uscc)', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%`, uscc: query.q.trim().toUpperCase() });
    if (query.district) qb.andWhere('o.district = :district', { district: query.district });
    if (query.industry) qb.andWhere('o.industry = :industry', { industry: query.industry });
    if (query.ownership) qb.andWhere('o.ownership = :ownership', { ownership: query.ownership });
    if (query.verification) qb.andWhere('o.verification = :verification', { verification: query.verification });
    const page = await paginate(qb, query, BY_NAME);
    const headcounts = await this.headcounts(page.items.map((o) => o.id));
    return { items: await Promise.all(page.items.map((o) => this.view(o, headcounts))), nextCursor: page.nextCursor };
  }

  async update(actor: Actor, id: string, body: UpdateEnterpriseDto): Promise<EnterpriseView> {
    const enterprise = await this.access.administrable(actor, id, [...ENTERPRISE_KINDS]);
    Object.assign(enterprise, {
      ...(body.name !== undefined && { name: body.name.trim() }),
      ...(body.industry !== undefined && { industry: body.industry.trim() }),
      ...(body.district !== undefined && { district: body.district }),
    });
    await this.db.getRepository(Organisation).save(enterprise);
    return this.get(actor, id);
  }

  async verify(actor: Actor, id: string): Promise<EnterpriseView> {
    const enterprise = await this.access.visible(actor, id, [...ENTERPRISE_KINDS]);
    if (enterprise.verification !== 'verified') {
      await this.db.getRepository(Organisation).update({ id }, { verification: 'verified', verifiedAt: new Date() });
    }
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
      for (const y of [year, year + 1, year + 2]) await refreshQuotas(tx, await this.rules.forYear(y), [id]);
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
      createdAt: o.createdAt.toISOString(),
      headcounts: await Promise.all(
        own.map(async (h) => {
          const rules = await this.rules.forYear(h.year);
          return { year: h.year, employees: h.employees, requiredIntake: requiredIntake(rules, h.employees), internCap: internCap(rules, h.employees) };
        }),
      ),
    };
  }
}
