import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { logPersonalDataAccess } from '@skillbridge/access-log';
import type { Page, PlacementView } from '@skillbridge/contracts';
import { run, runOne } from '@skillbridge/db';
import {
  Actor,
  DomainError,
  PlacementStatus,
  checkActivation,
  checkAgreementSigned,
  checkActivationDate,
  checkCompletionDate,
  nextPlacementStatus,
  notFound,
  today,
} from '@skillbridge/domain';
import { recordEvent } from '@skillbridge/notifications';
import { refreshQuotas, yearsOf } from '@skillbridge/quotas';
import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AGREEMENT_GATE } from '../agreements/agreements.statements';
import { UUID } from '../common/ids';
import { SortKey, paginateRows } from '../common/pagination';
import { PlacementAction, placementsPolicy } from '../policies/placements.policy';
import { RulesService } from '../rules/rules.service';
import { ActivatePlacementDto, CompletePlacementDto, ListPlacementsQuery } from './dto/placement.dto';
import {
  ACTIVATE_PLACEMENT,
  ACTIVATION_FACTS,
  COMPLETE_PLACEMENT,
  LOCK_PLACEMENT,
  LockedPlacement,
  PLACEMENT_SPAN,
} from './placements.statements';

interface PlacementRow {
  id: string;
  kind: 'student' | 'teacher';
  status: PlacementStatus;
  application_id: string | null;
  slot_id: string;
  slot_title: string;
  slot_type: PlacementView['slot']['type'];
  enterprise_id: string;
  enterprise_name: string;
  person_id: string;
  person_name: string;
  school_id: string;
  start_date: string;
  end_date: string;
  insurance_policy_no: string | null;
  evaluation: string | null;
  days_served: number | null;
  activated_at: Date | null;
  completed_at: Date | null;
}

/** Placements (alias `p`) with their slot, host, person and school, as the list and the read refine them. */
const placements = (db: DataSource | EntityManager): SelectQueryBuilder<ObjectLiteral> =>
  db
    .createQueryBuilder()
    .from('placements', 'p')
    .innerJoin('slots', 's', 's.id = p.slot_id')
    .innerJoin('organisations', 'e', 'e.id = p.enterprise_id')
    .innerJoin('users', 'u', 'u.id = p.person_id')
    // placements.school_id has no foreign key: a placement shows only with its school on record.
    .innerJoin('organisations', 'sc', 'sc.id = p.school_id')
    .select(['p.id AS id', 'p.kind AS kind', 'p.status AS status', 'p.application_id AS application_id', 'p.slot_id AS slot_id'])
    .addSelect(['s.title AS slot_title', 'p.slot_type AS slot_type', 'p.enterprise_id AS enterprise_id', 'e.name AS enterprise_name'])
    .addSelect(['p.person_id AS person_id', 'u.name AS person_name', 'p.school_id AS school_id', 'p.start_date::text AS start_date'])
    .addSelect(['p.end_date::text AS end_date', 'p.insurance_policy_no AS insurance_policy_no'])
    .addSelect([
      'p.evaluation AS evaluation',
      'p.days_served AS days_served',
      'p.activated_at AS activated_at',
      'p.completed_at AS completed_at',
    ]);

/** By start date. */
const BY_START: SortKey<PlacementRow>[] = [
  { column: 'p.start_date', kind: 'date', of: (p) => p.start_date },
  { column: 'p.id', kind: 'uuid', of: (p) => p.id },
];

const view = (row: PlacementRow): PlacementView => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  applicationId: row.application_id,
  slot: { id: row.slot_id, title: row.slot_title, type: row.slot_type },
  enterprise: { id: row.enterprise_id, name: row.enterprise_name },
  person: { id: row.person_id, name: row.person_name },
  schoolId: row.school_id,
  startDate: row.start_date,
  endDate: row.end_date,
  insurancePolicyNo: row.insurance_policy_no,
  evaluation: row.evaluation,
  daysServed: row.days_served,
  activatedAt: row.activated_at?.toISOString() ?? null,
  completedAt: row.completed_at?.toISOString() ?? null,
});

/**
 * Who reads a student's placement from outside the student's own side — enterprise staff and
 * officers — is in the personal-data access log, with why (README "personal data").
 */
const ACCESS_LOGGED: Partial<Record<Actor['role'], string>> = {
  enterprise_admin: 'placement management',
  bureau_officer: 'quota supervision',
};

@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: RulesService,
  ) {}

  /** An intern starting or finishing changes the enterprise's hosted count for each year the placement spans. */
  private async refreshHosted(tx: EntityManager, placementId: string): Promise<void> {
    const span = await runOne(tx, PLACEMENT_SPAN, [placementId]);
    if (!span) return;
    for (const year of yearsOf(span.start_date, span.end_date))
      await refreshQuotas(tx, await this.rules.forYear(year), [span.enterprise_id], today());
  }

  /** A page of the actor's placements by (start date, id), keyset-paginated like every list. */
  async list(actor: Actor, query: ListPlacementsQuery = {}): Promise<Page<PlacementView>> {
    const visible = placementsPolicy.visible(actor);
    const qb = placements(this.db).where(visible.where, visible.params);
    if (query.year) qb.andWhere('p.start_date <= make_date(:year, 12, 31) AND p.end_date >= make_date(:year, 1, 1)', { year: query.year });
    if (query.enterpriseId) qb.andWhere('p.enterprise_id = :enterpriseId', { enterpriseId: query.enterpriseId });
    const page = await paginateRows(qb, query, BY_START);
    await this.logReads(actor, page.items);
    return { items: page.items.map(view), nextCursor: page.nextCursor };
  }

  /** One placement; a read by enterprise staff or an officer is logged. */
  async get(actor: Actor, id: string): Promise<PlacementView> {
    const row = await this.read(actor, id);
    await this.logReads(actor, [row]);
    return view(row);
  }

  private async read(actor: Actor, id: string, tx: EntityManager = this.db.manager): Promise<PlacementRow> {
    if (!UUID.test(id)) throw notFound('The placement');
    const visible = placementsPolicy.visible(actor);
    const row = await placements(tx).where('p.id = :id', { id }).andWhere(visible.where, visible.params).getRawOne<PlacementRow>();
    if (!row) throw notFound('The placement');
    return row;
  }

  private async logReads(actor: Actor, rows: PlacementRow[]): Promise<void> {
    const why = ACCESS_LOGGED[actor.role];
    if (!why) return;
    await logPersonalDataAccess(
      this.db.manager,
      actor,
      rows.filter((r) => r.kind === 'student').map((r) => r.person_id),
      'placements',
      why,
    );
  }

  /** The enterprise starts a placement: the school's approval and, for a student, the agreement signed by every party with insurance covering the dates. */
  async activate(actor: Actor, id: string, body: ActivatePlacementDto): Promise<PlacementView> {
    return this.db.transaction(async (tx) => {
      const placement = await this.lock(tx, actor, id, 'activate');
      const to = nextPlacementStatus(placement.status, 'activate');
      const [facts] = await run(tx, ACTIVATION_FACTS, [id]);
      // Issue 18: a student's placement starts under its agreement, signed by every party of the current version
      // (the guardian's signature is the consent) with insurance covering its dates; the policy number is the agreement's.
      let insurancePolicyNo = body.insurancePolicyNo?.trim() || null;
      let guardianConsent = facts.consent === true;
      if (placement.kind === 'student') {
        if (facts.approved !== true) {
          throw new DomainError('SCHOOL_APPROVAL_REQUIRED', 'unprocessable', 'The school has not approved this placement');
        }
        const agreement = await runOne(tx, AGREEMENT_GATE, [id]);
        checkAgreementSigned({
          status: agreement?.status ?? null,
          terms: agreement?.terms ?? null,
          signed: agreement?.signed ?? [],
          policyNo: insurancePolicyNo,
        });
        insurancePolicyNo = agreement?.terms.insurance?.policyNo ?? null;
        guardianConsent = true;
      }
      checkActivation({
        kind: placement.kind,
        schoolApproved: facts.approved === true,
        insurancePolicyNo,
        guardianConsent,
        dateOfBirth: facts.dob,
        startDate: placement.start_date,
      });
      // The paperwork may be done ahead; the first day served is the start date at the earliest (domain.md §3).
      checkActivationDate(placement.start_date, today());
      await run(tx, ACTIVATE_PLACEMENT, [id, to, insurancePolicyNo]);
      await recordEvent(tx, 'placement.activated', id, { users: [placement.person_id], adminsOf: [placement.school_id] });
      await this.refreshHosted(tx, id);
      return view(await this.read(actor, id, tx));
    });
  }

  /** The enterprise finishes a placement with its evaluation (and, for teachers, the days served). */
  async complete(actor: Actor, id: string, body: CompletePlacementDto): Promise<PlacementView> {
    return this.db.transaction(async (tx) => {
      const placement = await this.lock(tx, actor, id, 'complete');
      const to = nextPlacementStatus(placement.status, 'complete');
      // Ending early is another move (a later issue): completing is for a placement that has run its course.
      checkCompletionDate(placement.end_date, today());
      if (placement.kind === 'teacher' && body.daysServed === undefined) {
        throw new DomainError('DAYS_SERVED_REQUIRED', 'unprocessable', 'State the days the teacher actually served');
      }
      await run(tx, COMPLETE_PLACEMENT, [id, to, body.evaluation.trim(), body.daysServed ?? null]);
      await recordEvent(tx, 'placement.completed', id, { users: [placement.person_id], adminsOf: [placement.school_id] });
      await this.refreshHosted(tx, id);
      return view(await this.read(actor, id, tx));
    });
  }

  /** The placement, locked, if the actor may make this move: not theirs to see is 404, seen but not theirs to move 403. */
  private async lock(tx: EntityManager, actor: Actor, id: string, action: PlacementAction): Promise<LockedPlacement> {
    if (!UUID.test(id)) throw notFound('The placement');
    const row = await runOne(tx, LOCK_PLACEMENT, [id]);
    if (!row || !placementsPolicy.can(actor, 'see', row)) throw notFound('The placement');
    if (!placementsPolicy.can(actor, action, row)) {
      throw new DomainError('FORBIDDEN', 'forbidden', 'Only the host enterprise starts and finishes its placements');
    }
    return row;
  }
}
