import { today } from '@skillbridge/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationView, Page } from '@skillbridge/contracts';
import { Application, Slot, Student, decodeCursor, encodeCursor, logPersonalDataAccess, preparedQuery, recordEvent } from '@skillbridge/db';
import {
  Actor,
  ApplicationMove,
  ApplicationStatus,
  DomainError,
  LIVE_STATUSES,
  applicationEvent,
  approvableIn,
  checkCanApply,
  movableFrom,
  moveTarget,
  nextStatus,
  notFound,
} from '@skillbridge/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { uniqueViolation } from '../organisations/enterprises.service';
import { RulesService } from '../rules/rules.service';
import { AcceptBatches } from './accept-batches';
import { AcceptOutcome } from './accept.statement';
import { APPLICATION_SELECT, ApplicationRow, applicationView } from './application.view';
import { ApplyDto, ApproveDto, ListApplicationsQuery, OfferDto } from './dto/application.dto';
import { UUID } from '../common/ids';

const gone = () => notFound('The application');

/** Whose side of an application an actor stands on: the column that must equal their id. */
function sideOf(actor: Actor): { column: 'student_id' | 'enterprise_id' | 'school_id'; id: string } | null {
  if (actor.role === 'student') return { column: 'student_id', id: actor.userId };
  if (actor.role === 'enterprise_admin' && actor.organisationId) return { column: 'enterprise_id', id: actor.organisationId };
  if (actor.role === 'school_admin' && actor.organisationId) return { column: 'school_id', id: actor.organisationId };
  return null;
}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: RulesService,
    private readonly acceptBatches: AcceptBatches,
  ) {}

  async apply(actor: Actor, slotId: string, body: ApplyDto): Promise<ApplicationView> {
    if (!UUID.test(slotId)) throw notFound('The slot');
    const id = await this.db.transaction(async (tx) => {
      // FOR SHARE: a slot being closed right now waits for, or is seen closed by, this application.
      const slot = await tx.getRepository(Slot).findOne({ where: { id: slotId }, lock: { mode: 'pessimistic_read' } });
      if (!slot || slot.state === 'draft' || slot.state === 'cancelled') throw notFound('The slot');
      const student = await tx.getRepository(Student).findOneBy({ userId: actor.userId });
      if (!student) throw notFound('The student profile');
      const now = today();
      checkCanApply(await this.rules.forYear(Number(slot.startDate.slice(0, 4))), student, slot, now);
      try {
        const { identifiers } = await tx.getRepository(Application).insert({
          slotId,
          studentId: actor.userId,
          schoolId: student.schoolId,
          enterpriseId: slot.enterpriseId,
          motivation: body.motivation?.trim() ?? '',
        });
        const id = identifiers[0].id as string;
        await recordEvent(tx, 'application.submitted', id, { users: [actor.userId], adminsOf: [slot.enterpriseId, student.schoolId] }, { slotId });
        return id;
      } catch (error) {
        if (uniqueViolation(error) === 'applications_one_live_per_slot') {
          throw new DomainError('ALREADY_APPLIED', 'conflict', 'You already have an application for this slot');
        }
        throw error;
      }
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<ApplicationView> {
    const side = sideOf(actor);
    if (!UUID.test(id) || (!side && actor.role !== 'platform_admin')) throw gone();
    // Prepared: every move on an application answers with this read (one statement text per side).
    const rows = await preparedQuery<ApplicationRow>(
      this.db,
      `application-by-${side?.column ?? 'id'}`,
      `${APPLICATION_SELECT} WHERE a.id = $1${side ? ` AND a.${side.column} = $2` : ''}`,
      side ? [id, side.id] : [id],
    );
    if (!rows[0]) throw gone();
    await this.logRead(actor, rows, 'applications.get');
    return applicationView(rows[0]);
  }

  /** Applications on the asker's side only: a student's own, an enterprise's slots', a school's students'. */
  async list(actor: Actor, query: ListApplicationsQuery): Promise<Page<ApplicationView>> {
    const side = sideOf(actor);
    if (!side && actor.role !== 'platform_admin') throw new DomainError('FORBIDDEN', 'forbidden', 'Your role has no applications');
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    if (side) where.push(`a.${side.column} = ${param(side.id)}`);
    if (query.slotId) where.push(`a.slot_id = ${param(query.slotId)}`);
    if (query.status) where.push(`a.status = ${param(query.status)}`);
    if (query.awaitingApproval === 'true') where.push(`a.school_approved_at IS NULL AND a.status = ANY(${param(LIVE_STATUSES)})`);
    if (query.cursor) {
      const key = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      if (!key || !UUID.test(String(key[1]))) throw new DomainError('INVALID_CURSOR', 'invalid', 'The cursor is not one this API gave out');
      where.push(`(a.created_at, a.id) < (${param(key[0])}::timestamptz, ${param(key[1])}::uuid)`);
    }
    const limit = query.limit ?? 50;
    const rows: ApplicationRow[] = await this.db.query(
      `${APPLICATION_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.created_at DESC, a.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    await this.logRead(actor, items, 'applications.list');
    return { items: items.map(applicationView), nextCursor: rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null };
  }

  /** Enterprise staff reading applicants' data leave a trace in the access log. */
  private async logRead(actor: Actor, rows: ApplicationRow[], what: string): Promise<void> {
    if (actor.role !== 'enterprise_admin') return;
    await logPersonalDataAccess(this.db.manager, actor, rows.map((r) => r.student_id), what, 'reviewing applicants to its slots');
  }

  /** The enterprise's moves: shortlist, offer (with a respond-by date), reject. */
  async moveByEnterprise(actor: Actor, id: string, move: 'shortlist' | 'offer' | 'reject', offer?: OfferDto): Promise<ApplicationView> {
    if (move === 'offer' && offer && offer.respondBy < today()) {
      throw new DomainError('RESPOND_BY_PAST', 'unprocessable', 'The respond-by date must be today or later');
    }
    await this.move(actor, id, move, { column: 'enterprise_id', id: actor.organisationId ?? '' }, offer?.respondBy ?? null);
    return this.get(actor, id);
  }

  /** The student's moves: decline an offer, or withdraw. */
  async moveByStudent(actor: Actor, id: string, move: 'decline' | 'withdraw'): Promise<ApplicationView> {
    await this.move(actor, id, move, { column: 'student_id', id: actor.userId }, null);
    return this.get(actor, id);
  }

  /** The school signs: approval (and a guardian's consent, when given) is recorded once. */
  async approve(actor: Actor, id: string, body: ApproveDto): Promise<ApplicationView> {
    if (!UUID.test(id)) throw gone();
    await this.db.transaction(async (tx) => {
      const [rows]: [Array<{ student_id: string; enterprise_id: string; school_id: string }>] = await tx.query(
        `UPDATE applications
            SET school_approved_at = coalesce(school_approved_at, now()), school_approved_by = coalesce(school_approved_by, $3),
                guardian_consent_at = CASE WHEN $4 THEN coalesce(guardian_consent_at, now()) ELSE guardian_consent_at END,
                updated_at = now()
          WHERE id = $1 AND school_id = $2 AND status = ANY($5)
          RETURNING student_id, enterprise_id, school_id`,
        [id, actor.organisationId, actor.userId, body.guardianConsent === true, [...approvableIn, 'accepted']],
      );
      if (!rows[0]) return this.explainRefusal(tx, id, { column: 'school_id', id: actor.organisationId ?? '' }, null);
      await recordEvent(tx, 'application.approved', id, { users: [rows[0].student_id], adminsOf: [rows[0].enterprise_id] });
    });
    return this.get(actor, id);
  }

  /**
   * The student accepts an offer and takes a seat (AcceptBatches, ACCEPT_SQL): all or nothing, and
   * under any number of parallel accepts exactly `capacity` win. The statement answers with the
   * accepted application, so an accept costs no second read.
   */
  async accept(actor: Actor, id: string): Promise<ApplicationView> {
    if (!UUID.test(id)) throw gone();
    let outcome: AcceptOutcome;
    try {
      outcome = await this.acceptBatches.accept(id, actor.userId);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23P01') {
        throw new DomainError('PLACEMENT_OVERLAP', 'conflict', 'You already hold a placement for overlapping dates');
      }
      throw error;
    }
    if (outcome.placement_id) return applicationView(outcome);
    if (!outcome.was_status) throw gone();
    if (outcome.was_status !== 'offered') nextStatus(outcome.was_status, 'accept');
    if (!outcome.was_approved) throw new DomainError('SCHOOL_APPROVAL_REQUIRED', 'conflict', 'Your school has not approved this application yet');
    if (outcome.was_respond_by && outcome.was_respond_by < today()) throw new DomainError('OFFER_EXPIRED', 'conflict', 'The offer’s respond-by date has passed');
    throw new DomainError('SLOT_FULL', 'conflict', 'Every seat of this slot is taken');
  }

  /** A guarded state change and its event, in one transaction. */
  private async move(actor: Actor, id: string, move: ApplicationMove, side: { column: string; id: string }, respondBy: string | null): Promise<void> {
    if (!UUID.test(id)) throw gone();
    const to = moveTarget(move);
    await this.db.transaction(async (tx) => {
      const [rows]: [Array<{ student_id: string; enterprise_id: string; school_id: string }>] = await tx.query(
        `UPDATE applications SET status = $3, respond_by = coalesce($4::date, respond_by), updated_at = now(),
                decided_at = CASE WHEN $3 IN ('rejected', 'declined', 'withdrawn') THEN now() ELSE decided_at END
          WHERE id = $1 AND ${side.column} = $2 AND status = ANY($5)
          RETURNING student_id, enterprise_id, school_id`,
        [id, side.id, to, respondBy, movableFrom(move)],
      );
      if (!rows[0]) return this.explainRefusal(tx, id, side, move);
      const { student_id, enterprise_id, school_id } = rows[0];
      await recordEvent(tx, applicationEvent(to), id, { users: [student_id], adminsOf: [enterprise_id, school_id] }, respondBy ? { respondBy } : {});
    });
  }

  /** Why a guarded update changed nothing: not theirs (404), or not from this state (409). */
  private async explainRefusal(tx: EntityManager, id: string, side: { column: string; id: string }, move: ApplicationMove | null): Promise<never> {
    const [row]: Array<{ status: ApplicationStatus }> = await tx.query(`SELECT status FROM applications WHERE id = $1 AND ${side.column} = $2`, [id, side.id]);
    if (!row) throw gone();
    if (move) nextStatus(row.status, move);
    throw new DomainError('INVALID_TRANSITION', 'conflict', `An application that is ${row.status} cannot be approved`);
  }
}
