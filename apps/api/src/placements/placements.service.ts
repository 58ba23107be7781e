import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PlacementView } from '@skillbridge/contracts';
import { logPersonalDataAccess, recordEvent, refreshQuotas, yearsOf } from '@skillbridge/db';
import { Actor, DomainError, PlacementStatus, checkActivation, nextPlacementStatus, notFound } from '@skillbridge/domain';
import { DataSource, EntityManager } from 'typeorm';
import { RulesService } from '../rules/rules.service';
import { ActivatePlacementDto, CompletePlacementDto } from './dto/placement.dto';
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

@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: RulesService,
  ) {}

  /** An intern starting or finishing changes the enterprise's hosted count for each year the placement spans. */
  private async refreshHosted(tx: EntityManager, placementId: string): Promise<void> {
    const [p] = await tx.query(`SELECT enterprise_id, start_date::text, end_date::text FROM placements WHERE id = $1`, [placementId]);
    for (const year of yearsOf(p.start_date, p.end_date)) await refreshQuotas(tx, await this.rules.forYear(year), [p.enterprise_id]);
  }

  async list(actor: Actor, query: { year?: number; enterpriseId?: string } = {}): Promise<PlacementView[]> {
    const { sql, params } = scope(actor);
    const where = [sql];
    if (query.year) {
      params.push(query.year);
      where.push(`p.start_date <= make_date($${params.length}, 12, 31) AND p.end_date >= make_date($${params.length}, 1, 1)`);
    }
    if (query.enterpriseId) {
      if (!UUID.test(query.enterpriseId)) return [];
      params.push(query.enterpriseId);
      where.push(`p.enterprise_id = $${params.length}`);
    }
    const rows: PlacementRow[] = await this.db.query(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY p.start_date, p.id LIMIT 1000`, params);
    // An officer's drill-down names students: the personal-data log says who looked, and why.
    if (actor.role === 'bureau_officer') {
      await logPersonalDataAccess(this.db.manager, actor, rows.filter((r) => r.kind === 'student').map((r) => r.person_id), 'placements', 'quota supervision');
    }
    return rows.map(view);
  }

  async get(actor: Actor, id: string, tx: EntityManager = this.db.manager): Promise<PlacementView> {
    if (!UUID.test(id)) throw notFound('The placement');
    const { sql, params } = scope(actor);
    const [row]: PlacementRow[] = await tx.query(`${SELECT} WHERE p.id = $${params.length + 1} AND ${sql}`, [...params, id]);
    if (!row) throw notFound('The placement');
    return view(row);
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
      await tx.query(`UPDATE placements SET status = $2, insurance_policy_no = $3, activated_at = now(), updated_at = now() WHERE id = $1`, [id, to, body.insurancePolicyNo.trim()]);
      await recordEvent(tx, 'placement.activated', id, { users: [placement.person_id], adminsOf: [placement.school_id] });
      await this.refreshHosted(tx, id);
      return this.get(actor, id, tx);
    });
  }

  /** The enterprise finishes a placement with its evaluation (and, for teachers, the days served). */
  async complete(actor: Actor, id: string, body: CompletePlacementDto): Promise<PlacementView> {
    return this.db.transaction(async (tx) => {
      const placement = await this.lockOwn(tx, actor, id);
      const to = nextPlacementStatus(placement.status, 'complete');
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
      return this.get(actor, id, tx);
    });
  }

  private async lockOwn(tx: EntityManager, actor: Actor, id: string) {
    if (!UUID.test(id)) throw notFound('The placement');
    const [row]: Array<{ status: PlacementStatus; kind: 'student' | 'teacher'; person_id: string; school_id: string; start_date: string }> = await tx.query(
      `SELECT status, kind, person_id, school_id, start_date::text FROM placements WHERE id = $1 AND enterprise_id = $2 FOR UPDATE`,
      [id, actor.organisationId],
    );
    if (!row) throw notFound('The placement');
    return row;
  }
}
