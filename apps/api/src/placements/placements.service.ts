import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, PlacementView } from '@skillbridge/contracts';
import { decodeCursor, encodeCursor, logPersonalDataAccess, recordEvent, refreshQuotas, yearsOf } from '@skillbridge/db';
import { Actor, DomainError, PlacementStatus, checkActivation, checkActivationDate, checkCompletionDate, nextPlacementStatus, notFound, today } from '@skillbridge/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RulesService } from '../rules/rules.service';
import { ActivatePlacementDto, CompletePlacementDto, ListPlacementsQuery } from './dto/placement.dto';
import { UUID } from '../common/ids';

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

const SELECT = `
  SELECT p.id, p.kind, p.status, p.application_id, p.slot_id, s.title AS slot_title, p.slot_type, p.enterprise_id, e.name AS enterprise_name,
         p.person_id, u.name AS person_name, p.school_id, p.start_date::text, p.end_date::text, p.insurance_policy_no, p.evaluation,
         p.days_served, p.activated_at, p.completed_at
    FROM placements p
    JOIN slots s ON s.id = p.slot_id
    JOIN organisations e ON e.id = p.enterprise_id
    JOIN users u ON u.id = p.person_id
    JOIN organisations sc ON sc.id = p.school_id`;

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

/** The WHERE that keeps an actor to their own placements (officers: their remit). */
function scope(actor: Actor): { sql: string; params: unknown[] } {
  switch (actor.role) {
    case 'student':
    case 'teacher':
      return { sql: 'p.person_id = $1', params: [actor.userId] };
    case 'enterprise_admin':
      return { sql: 'p.enterprise_id = $1', params: [actor.organisationId] };
    case 'school_admin':
      return { sql: 'p.school_id = $1', params: [actor.organisationId] };
    case 'platform_admin':
      return { sql: 'true', params: [] };
    case 'bureau_officer':
      if (actor.authority === 'MIIT') return { sql: `e.ownership IS DISTINCT FROM 'municipal_soe'`, params: [] };
      if (actor.authority === 'SASAC') return { sql: `e.ownership = 'municipal_soe'`, params: [] };
      return { sql: `sc.kind = 'school'`, params: [] };
  }
}

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
    const [p] = await tx.query(`SELECT enterprise_id, start_date::text, end_date::text FROM placements WHERE id = $1`, [placementId]);
    for (const year of yearsOf(p.start_date, p.end_date)) await refreshQuotas(tx, await this.rules.forYear(year), [p.enterprise_id], today());
  }

  /** A page of the actor's placements by (start date, id), keyset-paginated like every list. */
  async list(actor: Actor, query: ListPlacementsQuery = {}): Promise<Page<PlacementView>> {
    const { sql, params } = scope(actor);
    const where = [sql];
    const param = (value: unknown): string => `$${params.push(value)}`;
    if (query.year) {
      const year = param(query.year);
      where.push(`p.start_date <= make_date(${year}, 12, 31) AND p.end_date >= make_date(${year}, 1, 1)`);
    }
    if (query.enterpriseId) where.push(`p.enterprise_id = ${param(query.enterpriseId)}`);
    if (query.cursor) {
      const key = decodeCursor(query.cursor, ['date', 'uuid']);
      if (!key || !UUID.test(String(key[1]))) throw new DomainError('INVALID_CURSOR', 'invalid', 'The cursor is not one this API gave out');
      where.push(`(p.start_date, p.id) > (${param(key[0])}::date, ${param(key[1])}::uuid)`);
    }
    const limit = query.limit ?? 50;
    const rows: PlacementRow[] = await this.db.query(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY p.start_date, p.id LIMIT ${limit + 1}`, params);
    const items = rows.slice(0, limit);
    await this.logReads(actor, items);
    const last = items[items.length - 1];
    return { items: items.map(view), nextCursor: rows.length > limit && last ? encodeCursor([last.start_date, last.id]) : null };
  }

  /** One placement; a read by enterprise staff or an officer is logged. */
  async get(actor: Actor, id: string): Promise<PlacementView> {
    const row = await this.read(actor, id);
    await this.logReads(actor, [row]);
    return view(row);
  }

  private async read(actor: Actor, id: string, tx: EntityManager = this.db.manager): Promise<PlacementRow> {
    if (!UUID.test(id)) throw notFound('The placement');
    const { sql, params } = scope(actor);
    const [row]: PlacementRow[] = await tx.query(`${SELECT} WHERE p.id = $${params.length + 1} AND ${sql}`, [...params, id]);
    if (!row) throw notFound('The placement');
    return row;
  }

  private async logReads(actor: Actor, rows: PlacementRow[]): Promise<void> {
    const why = ACCESS_LOGGED[actor.role];
    if (!why) return;
    await logPersonalDataAccess(this.db.manager, actor, rows.filter((r) => r.kind === 'student').map((r) => r.person_id), 'placements', why);
  }

  /** The enterprise starts a placement: school approval, insurance and (under 18) guardian consent first. */
  async activate(actor: Actor, id: string, body: ActivatePlacementDto): Promise<PlacementView> {
    return this.db.transaction(async (tx) => {
      const placement = await this.lockOwn(tx, actor, id);
      const to = nextPlacementStatus(placement.status, 'activate');
      const [facts] = await tx.query(
        `SELECT a.school_approved_at IS NOT NULL AS approved, a.guardian_consent_at IS NOT NULL AS consent, st.date_of_birth::text AS dob
           FROM placements p LEFT JOIN applications a ON a.id = p.application_id LEFT JOIN students st ON st.user_id = p.person_id
          WHERE p.id = $1`,
        [id],
      );
      checkActivation({
        kind: placement.kind,
        schoolApproved: facts.approved === true,
        insurancePolicyNo: body.insurancePolicyNo,
        guardianConsent: facts.consent === true,
        dateOfBirth: facts.dob,
        startDate: placement.start_date,
      });
      // The paperwork may be done ahead; the first day served is the start date at the earliest (domain.md §3).
      checkActivationDate(placement.start_date, today());
      await tx.query(`UPDATE placements SET status = $2, insurance_policy_no = $3, activated_at = now(), updated_at = now() WHERE id = $1`, [id, to, body.insurancePolicyNo.trim()]);
      await recordEvent(tx, 'placement.activated', id, { users: [placement.person_id], adminsOf: [placement.school_id] });
      await this.refreshHosted(tx, id);
      return view(await this.read(actor, id, tx));
    });
  }

  /** The enterprise finishes a placement with its evaluation (and, for teachers, the days served). */
  async complete(actor: Actor, id: string, body: CompletePlacementDto): Promise<PlacementView> {
    return this.db.transaction(async (tx) => {
      const placement = await this.lockOwn(tx, actor, id);
      const to = nextPlacementStatus(placement.status, 'complete');
      // Ending early is another move (a later issue): completing is for a placement that has run its course.
      checkCompletionDate(placement.end_date, today());
      if (placement.kind === 'teacher' && body.daysServed === undefined) {
        throw new DomainError('DAYS_SERVED_REQUIRED', 'unprocessable', 'State the days the teacher actually served');
      }
      await tx.query(`UPDATE placements SET status = $2, evaluation = $3, days_served = $4, completed_at = now(), updated_at = now() WHERE id = $1`, [
        id,
        to,
        body.evaluation.trim(),
        body.daysServed ?? null,
      ]);
      await recordEvent(tx, 'placement.completed', id, { users: [placement.person_id], adminsOf: [placement.school_id] });
      await this.refreshHosted(tx, id);
      return view(await this.read(actor, id, tx));
    });
  }

  private async lockOwn(tx: EntityManager, actor: Actor, id: string) {
    if (!UUID.test(id)) throw notFound('The placement');
    const [row]: Array<{ status: PlacementStatus; kind: 'student' | 'teacher'; person_id: string; school_id: string; start_date: string; end_date: string }> = await tx.query(
      `SELECT status, kind, person_id, school_id, start_date::text, end_date::text FROM placements WHERE id = $1 AND enterprise_id = $2 FOR UPDATE`,
      [id, actor.organisationId],
    );
    if (!row) throw notFound('The placement');
    return row;
  }
}
