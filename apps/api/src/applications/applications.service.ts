import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { logPersonalDataAccess } from '@skillbridge/access-log';
import type { ApplicationFilterOptions, ApplicationView, BulkApproveResult, Page } from '@skillbridge/contracts';
import { run, runOne } from '@skillbridge/db';
import { recordEvent } from '@skillbridge/notifications';
import {
  Actor,
  ApplicationMove,
  DomainError,
  LIVE_STATUSES,
  applicationEvent,
  approvableIn,
  checkCanApply,
  nextStatus,
  notFound,
  today,
} from '@skillbridge/domain';
import { DataSource, EntityManager, ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { UUID } from '../common/ids';
import { SortKey, paginateRows } from '../common/pagination';
import { uniqueViolation } from '../organisations/enterprises.service';
import { ApplicationAction, applicationsPolicy } from '../policies/applications.policy';
import { SEES_NOTHING } from '../policies/policy';
import { RulesService } from '../rules/rules.service';
import { AcceptBatches } from './accept-batches';
import { AcceptOutcome } from './accept.statements';
import { ApplicationRow, applicationView } from './application.view';
import {
  APPLICANT,
  APPLICATIONS_STATE,
  APPROVE_APPLICATIONS,
  SCHOOL_APPLICATION_FACETS,
  SEND_BACK_APPLICATION,
  APPLICATION_AS_ENTERPRISE,
  APPLICATION_AS_PLATFORM,
  APPLICATION_AS_SCHOOL,
  APPLICATION_AS_STUDENT,
  APPROVE_APPLICATION,
  INSERT_APPLICATION,
  LOCK_APPLICATION,
  MOVE_APPLICATION,
  SLOT_TO_APPLY,
} from './applications.statements';
import { ApplyDto, ApproveDto, BulkApproveDto, ListApplicationsQuery, OfferDto, SendBackDto } from './dto/application.dto';

const gone = () => notFound('The application');

/** The prepared read of one application, per side. */
const READ_AS = { student: APPLICATION_AS_STUDENT, enterprise: APPLICATION_AS_ENTERPRISE, school: APPLICATION_AS_SCHOOL } as const;

/** Applications (alias `a`) joined as the API shows them, with the columns of the prepared reads, for the list to refine. */
const applications = (db: DataSource): SelectQueryBuilder<ObjectLiteral> =>
  db
    .createQueryBuilder()
    .from('applications', 'a')
    .innerJoin('slots', 's', 's.id = a.slot_id')
    .innerJoin('organisations', 'e', 'e.id = a.enterprise_id')
    .innerJoin('users', 'u', 'u.id = a.student_id')
    .innerJoin('students', 'st', 'st.user_id = a.student_id')
    .innerJoin('organisations', 'sc', 'sc.id = a.school_id')
    .select(['a.id AS id', 'a.status AS status', 'a.motivation AS motivation', 'a.school_approved_at AS school_approved_at'])
    .addSelect(['a.school_sent_back_at AS school_sent_back_at', 'a.school_sent_back_reason AS school_sent_back_reason'])
    .addSelect([
      'a.guardian_consent_at AS guardian_consent_at',
      'a.respond_by::text AS respond_by',
      'a.created_at AS created_at',
      'a.updated_at AS updated_at',
    ])
    .addSelect([
      's.id AS slot_id',
      's.title AS slot_title',
      's.type AS slot_type',
      's.start_date::text AS start_date',
      's.end_date::text AS end_date',
    ])
    .addSelect(['e.id AS enterprise_id', 'e.name AS enterprise_name', 'u.id AS student_id', 'u.name AS student_name', 'st.major AS major'])
    .addSelect(['st.enrolment_year AS enrolment_year', 'sc.id AS school_id', 'sc.name AS school_name'])
    .addSelect([
      'st.class_name AS class_name',
      'st.skills AS skills',
      'st.certificates AS certificates',
      'st.self_introduction AS self_introduction',
    ]);

/** Newest first. */
const NEWEST: SortKey<ApplicationRow>[] = [
  { column: 'a.created_at', kind: 'timestamp', of: (a) => a.created_at.toISOString() },
  { column: 'a.id', kind: 'uuid', of: (a) => a.id },
];

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
      const slot = await runOne(tx, SLOT_TO_APPLY, [slotId]);
      if (!slot || slot.state === 'draft' || slot.state === 'cancelled') throw notFound('The slot');
      const student = await runOne(tx, APPLICANT, [actor.userId]);
      if (!student) throw notFound('The student profile');
      checkCanApply(await this.rules.forYear(Number(slot.startDate.slice(0, 4))), student, slot, today());
      try {
        const [{ id }] = await run(tx, INSERT_APPLICATION, [
          slotId,
          actor.userId,
          student.school_id,
          slot.enterprise_id,
          body.motivation?.trim() ?? '',
        ]);
        await recordEvent(
          tx,
          'application.submitted',
          id,
          { users: [actor.userId], adminsOf: [slot.enterprise_id, student.school_id] },
          { slotId },
        );
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
    const reader = applicationsPolicy.reader(actor);
    if (!UUID.test(id) || !reader) throw gone();
    const row =
      reader.side === 'all'
        ? await runOne(this.db, APPLICATION_AS_PLATFORM, [id])
        : await runOne(this.db, READ_AS[reader.side], [id, reader.id]);
    if (!row) throw gone();
    await this.logRead(actor, [row], 'applications.get');
    return applicationView(row);
  }

  /** Applications on the asker's side only: a student's own, an enterprise's slots', a school's students'. */
  async list(actor: Actor, query: ListApplicationsQuery): Promise<Page<ApplicationView>> {
    const visible = applicationsPolicy.visible(actor);
    // A role with no side of any application is refused, not shown an empty list.
    if (visible === SEES_NOTHING) throw new DomainError('FORBIDDEN', 'forbidden', 'Your role has no applications');
    const qb = applications(this.db).where(visible.where, visible.params);
    if (query.slotId) qb.andWhere('a.slot_id = :slotId', { slotId: query.slotId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.awaitingApproval === 'true')
      qb.andWhere('a.school_approved_at IS NULL AND a.status = ANY(:liveStatuses)', { liveStatuses: LIVE_STATUSES });
    // A school admin's filters (issue 17): by the applicant's major and class, by the enterprise applied to.
    if (query.major) qb.andWhere('st.major = :major', { major: query.major });
    if (query.className) qb.andWhere('st.class_name = :className', { className: query.className });
    if (query.enterpriseId) qb.andWhere('a.enterprise_id = :enterpriseId', { enterpriseId: query.enterpriseId });
    const page = await paginateRows(qb, query, NEWEST, 'DESC');
    await this.logRead(actor, page.items, 'applications.list');
    return { items: page.items.map(applicationView), nextCursor: page.nextCursor };
  }

  /** Enterprise staff reading applicants' data leave a trace in the access log. */
  private async logRead(actor: Actor, rows: ApplicationRow[], what: string): Promise<void> {
    if (actor.role !== 'enterprise_admin') return;
    await logPersonalDataAccess(
      this.db.manager,
      actor,
      rows.map((r) => r.student_id),
      what,
      'reviewing applicants to its slots',
    );
  }

  /** The enterprise's moves: shortlist, offer (with a respond-by date), reject. */
  async moveByEnterprise(actor: Actor, id: string, move: 'shortlist' | 'offer' | 'reject', offer?: OfferDto): Promise<ApplicationView> {
    if (move === 'offer' && offer && offer.respondBy < today()) {
      throw new DomainError('RESPOND_BY_PAST', 'unprocessable', 'The respond-by date must be today or later');
    }
    await this.move(actor, id, move, offer?.respondBy ?? null);
    return this.get(actor, id);
  }

  /** The student's moves: decline an offer, or withdraw. */
  async moveByStudent(actor: Actor, id: string, move: 'decline' | 'withdraw'): Promise<ApplicationView> {
    await this.move(actor, id, move, null);
    return this.get(actor, id);
  }

  /** The school signs: approval (and a guardian's consent, when given) is recorded once. */
  async approve(actor: Actor, id: string, body: ApproveDto): Promise<ApplicationView> {
    await this.db.transaction(async (tx) => {
      const application = await this.lock(tx, actor, id, 'approve');
      if (![...approvableIn, 'accepted'].includes(application.status)) {
        throw new DomainError('INVALID_TRANSITION', 'conflict', `An application that is ${application.status} cannot be approved`);
      }
      await run(tx, APPROVE_APPLICATION, [id, actor.userId, body.guardianConsent === true]);
      await recordEvent(tx, 'application.approved', id, { users: [application.student_id], adminsOf: [application.enterprise_id] });
    });
    return this.get(actor, id);
  }

  /**
   * The school sends an application back to the student, saying why: recorded on the application (an
   * approval later supersedes it) and told to the student and the enterprise, in one transaction.
   */
  async sendBack(actor: Actor, id: string, body: SendBackDto): Promise<ApplicationView> {
    const reason = body.reason.trim();
    await this.db.transaction(async (tx) => {
      const application = await this.lock(tx, actor, id, 'send-back');
      const [sent] = await run(tx, SEND_BACK_APPLICATION, [id, reason, approvableIn]);
      if (!sent) {
        const approved = (await runOne(tx, APPLICATIONS_STATE, [[id], application.school_id]))?.approved;
        if (approved) throw new DomainError('ALREADY_APPROVED', 'conflict', 'The school has already approved this application');
        throw new DomainError('INVALID_TRANSITION', 'conflict', `An application that is ${application.status} cannot be sent back`);
      }
      await recordEvent(
        tx,
        'application.sent-back',
        id,
        { users: [application.student_id], adminsOf: [application.enterprise_id] },
        { reason },
      );
    });
    return this.get(actor, id);
  }

  /**
   * The school approves many applications at once: one statement approves every one still live and not yet
   * approved, and each approval's event is recorded in the same transaction; every other is reported with
   * its reason (not the school's to see, not in a state to approve, approved already). Nothing half-done:
   * an application either moved, with its event, or is in `refused`.
   */
  async approveMany(actor: Actor, body: BulkApproveDto): Promise<BulkApproveResult> {
    const reader = applicationsPolicy.reader(actor);
    if (reader?.side !== 'school') throw new DomainError('FORBIDDEN', 'forbidden', 'Approvals are the school’s');
    const ids = [...new Set(body.applicationIds.map((id) => id.toLowerCase()))];
    return this.db.transaction(async (tx) => {
      const moved = await run(tx, APPROVE_APPLICATIONS, [ids, reader.id, actor.userId, [...approvableIn, 'accepted']]);
      for (const a of moved) {
        await recordEvent(tx, 'application.approved', a.id, { users: [a.student_id], adminsOf: [a.enterprise_id] });
      }
      const approved = new Set(moved.map((a) => a.id));
      const rest = ids.filter((id) => !approved.has(id));
      const states = new Map((rest.length ? await run(tx, APPLICATIONS_STATE, [rest, reader.id]) : []).map((r) => [r.id, r]));
      const refused: BulkApproveResult['refused'] = rest.map((id) => {
        const state = states.get(id);
        if (!state) return { id, code: 'NOT_FOUND' };
        if (state.approved) return { id, code: 'ALREADY_APPROVED', status: state.status };
        return { id, code: 'INVALID_TRANSITION', status: state.status };
      });
      return { approved: ids.filter((id) => approved.has(id)), refused };
    });
  }

  /** What the school's applications can be filtered by (its applicants' majors and classes, the enterprises). */
  async filterOptions(actor: Actor): Promise<ApplicationFilterOptions> {
    const reader = applicationsPolicy.reader(actor);
    if (reader?.side !== 'school') throw new DomainError('FORBIDDEN', 'forbidden', 'These filters are the school’s');
    const row = await runOne(this.db, SCHOOL_APPLICATION_FACETS, [reader.id]);
    return { majors: row?.majors ?? [], classes: row?.classes ?? [], enterprises: row?.enterprises ?? [] };
  }

  /**
   * The student accepts an offer and takes a seat (AcceptBatches, ACCEPT_APPLICATIONS): all or nothing,
   * and under any number of parallel accepts exactly `capacity` win. The statement takes only the
   * student's own applications and answers with the accepted one, so an accept costs no second read.
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
    if (!outcome.was_approved)
      throw new DomainError('SCHOOL_APPROVAL_REQUIRED', 'conflict', 'Your school has not approved this application yet');
    if (outcome.was_respond_by && outcome.was_respond_by < today())
      throw new DomainError('OFFER_EXPIRED', 'conflict', 'The offer’s respond-by date has passed');
    throw new DomainError('SLOT_FULL', 'conflict', 'Every seat of this slot is taken');
  }

  /** A state change the policy allows, from a state it may start from, and its event, in one transaction. */
  private async move(
    actor: Actor,
    id: string,
    move: Exclude<ApplicationMove, 'accept' | 'expire'>,
    respondBy: string | null,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const application = await this.lock(tx, actor, id, move);
      const to = nextStatus(application.status, move);
      await run(tx, MOVE_APPLICATION, [id, to, respondBy]);
      const { student_id, enterprise_id, school_id } = application;
      await recordEvent(
        tx,
        applicationEvent(to),
        id,
        { users: [student_id], adminsOf: [enterprise_id, school_id] },
        respondBy ? { respondBy } : {},
      );
    });
  }

  /** The application, locked, if the actor may make this move: not theirs to see is 404, seen but not theirs to move 403. */
  private async lock(tx: EntityManager, actor: Actor, id: string, action: ApplicationAction) {
    if (!UUID.test(id)) throw gone();
    const application = await runOne(tx, LOCK_APPLICATION, [id]);
    if (!application || !applicationsPolicy.can(actor, 'see', application)) throw gone();
    if (!applicationsPolicy.can(actor, action, application))
      throw new DomainError('FORBIDDEN', 'forbidden', 'This move is not yours to make');
    return application;
  }
}
