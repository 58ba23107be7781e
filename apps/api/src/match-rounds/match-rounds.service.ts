import { now, today } from '@skillbridge/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { logPersonalDataAccess } from '@skillbridge/access-log';
import type { MatchApplicantsView, MatchLineView, MatchResultView, MatchRoundSlotView, MatchRoundView } from '@skillbridge/contracts';
import { run, runCount, runOne } from '@skillbridge/db';
import { JobProducer, jobId } from '@skillbridge/jobs';
import { refreshQuotas, yearsOf } from '@skillbridge/quotas';
import {
  Actor,
  DomainError,
  MatchRoundMove,
  MatchRoundStatus,
  checkCanApply,
  checkPreferences,
  checkRanking,
  formatAssignment,
  formatHrInstance,
  nextRoundStatus,
  notFound,
  rankByCriteria,
  roundMovableFrom,
} from '@skillbridge/domain';
import { roundDrafting } from '@skillbridge/agreements';
import { publishRun, storedRunInstance } from '@skillbridge/match-rounds';
import { randomBytes } from 'crypto';
import { DataSource, EntityManager, ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { UUID } from '../common/ids';
import { RoundOwner, matchRoundsPolicy } from '../policies/match-rounds.policy';
import { RulesService } from '../rules/rules.service';
import { CreateMatchRoundDto, MatchPreferencesDto, RankingDto, ResultQuery, SecondRoundDto } from './dto/match-round.dto';
import {
  ADD_SLOTS,
  ADD_SLOTS_LEFT,
  APPLICANTS_OF,
  DELETE_RANKING,
  FORGET_RUN_REQUEST,
  INSERT_ROUND,
  PREFERENCES_OF,
  PUT_PREFERENCES,
  PUT_RANKING,
  RANKING_OF,
  REQUEST_RUN,
  ROUND_SLOT,
  ROUND_SLOTS_COUNTED,
  ROUND_SLOTS_STORED,
  ROUND_SPANS,
  RUN_STABLE,
  RUN_SUMMARY,
  SET_STATUS,
  SLOTS_LEFT,
  SLOTS_TO_LIST,
  SLOTS_TO_MATCH,
  STUDENT_TO_LIST,
  UNMATCHED_IN,
} from './match-rounds.statements';

const gone = () => notFound('The match round');

/** A run of 10^6 students takes well under a minute; a request this old is taken as lost. */
const STALE_RUN_MS = 10 * 60_000;

interface RoundRow {
  id: string;
  name: string;
  status: MatchRoundStatus;
  owner_organisation_id: string | null;
  owner_authority: 'EDU' | null;
  owner_name: string | null;
  preference_deadline: Date;
  seed: string;
  criteria: string[];
  algorithm_version: string | null;
  parent_round_id: string | null;
  run_requested_at: Date | null;
  run_error: string | null;
  last_run_id: string | null;
  published_at: Date | null;
  created_at: Date;
  slot_count: number;
  participants: number;
}

/** Rounds (alias `r`, as the policy's condition names it) with their owner's name and counts, as lists and reads refine. */
const rounds = (db: DataSource | EntityManager): SelectQueryBuilder<ObjectLiteral> =>
  db
    .createQueryBuilder()
    .from('match_rounds', 'r')
    .leftJoin('organisations', 'o', 'o.id = r.owner_organisation_id')
    .select([
      'r.id AS id',
      'r.name AS name',
      'r.status AS status',
      'r.owner_organisation_id AS owner_organisation_id',
      'r.owner_authority AS owner_authority',
    ])
    .addSelect(['o.name AS owner_name', 'r.preference_deadline AS preference_deadline', 'r.seed AS seed', 'r.criteria AS criteria'])
    .addSelect([
      'r.algorithm_version AS algorithm_version',
      'r.parent_round_id AS parent_round_id',
      'r.run_requested_at AS run_requested_at',
    ])
    .addSelect(['r.run_error AS run_error', 'r.last_run_id AS last_run_id', 'r.published_at AS published_at', 'r.created_at AS created_at'])
    .addSelect('(SELECT count(*)::int FROM match_round_slots rs WHERE rs.round_id = r.id)', 'slot_count')
    .addSelect('(SELECT count(*)::int FROM match_preferences p WHERE p.round_id = r.id)', 'participants');

interface LineRow {
  student_id: string;
  student_name: string;
  choice: number;
  slot_id: string | null;
  title: string | null;
  enterprise_name: string | null;
}

/**
 * A run's lines (alias `l`: student_id, the slot's position a, choice, and i, the line's 1-based number)
 * with the student's name and the slot assigned (alias `s`), read straight off the run's arrays.
 */
const lines = (db: DataSource, runId: string): SelectQueryBuilder<ObjectLiteral> =>
  db
    .createQueryBuilder()
    .addCommonTableExpression('SELECT student_ids, assignment, choice, slot_ids FROM match_runs WHERE id = :runId', 'run', {
      materialized: true,
    })
    .addCommonTableExpression(
      'SELECT x.* FROM run, unnest(run.student_ids, run.assignment, run.choice) WITH ORDINALITY AS x(student_id, a, choice, i)',
      'l',
    )
    .addCommonTableExpression('SELECT y.slot_id, (y.c - 1)::int AS a FROM run, unnest(run.slot_ids) WITH ORDINALITY AS y(slot_id, c)', 'sp')
    .from('l', 'l')
    .innerJoin('users', 'u', 'u.id = l.student_id')
    .leftJoin('sp', 'sp', 'sp.a = l.a')
    .leftJoin('slots', 's', 's.id = sp.slot_id')
    .leftJoin('organisations', 'e', 'e.id = s.enterprise_id')
    .select([
      'l.student_id AS student_id',
      'u.name AS student_name',
      'l.choice AS choice',
      's.id AS slot_id',
      's.title AS title',
      'e.name AS enterprise_name',
    ])
    .setParameters({ runId });

/** A plain date means the end of that day in Lanzhou. */
const deadlineOf = (text: string): Date => new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T23:59:59.999+08:00` : text);

const pgCode = (error: unknown): { code?: string; constraint?: string } =>
  error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : {};

@Injectable()
export class MatchRoundsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobProducer,
    private readonly rules: RulesService,
  ) {}

  // ——— reading ———

  async list(actor: Actor): Promise<MatchRoundView[]> {
    const visible = matchRoundsPolicy.visible(actor);
    const qb = rounds(this.db).where(visible.where, visible.params);
    const rows = await qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id').limit(200).getRawMany<RoundRow>();
    const mine =
      actor.role === 'student'
        ? await this.preferencesOf(
            actor.userId,
            rows.map((r) => r.id),
          )
        : new Map<string, string[]>();
    return rows.map((row) => this.view(actor, row, mine.get(row.id) ?? null));
  }

  async get(actor: Actor, id: string): Promise<MatchRoundView> {
    const row = await this.load(actor, id);
    const mine = actor.role === 'student' ? await this.preferencesOf(actor.userId, [id]) : new Map<string, string[]>();
    const agreementDrafting = row.status === 'published' ? await roundDrafting(this.db.manager, id) : null;
    return { ...this.view(actor, row, mine.get(id) ?? null), slots: await this.slotsOf(actor, row), agreementDrafting };
  }

  /** A round the actor may see, else 404; `lock` takes it FOR UPDATE inside a transaction. */
  private async load(actor: Actor, id: string, tx: EntityManager = this.db.manager, lock = false): Promise<RoundRow> {
    if (!UUID.test(id)) throw gone();
    const visible = matchRoundsPolicy.visible(actor);
    const qb = rounds(tx).where('r.id = :id', { id }).andWhere(visible.where, visible.params);
    if (lock) qb.setLock('pessimistic_write', undefined, ['r']);
    const row = await qb.getRawOne<RoundRow>();
    if (!row) throw gone();
    return row;
  }

  /** A round the actor owns: 404 when they cannot see it, 403 when they see it but do not own it. */
  private async loadOwned(actor: Actor, id: string, tx: EntityManager = this.db.manager, lock = false): Promise<RoundRow> {
    const row = await this.load(actor, id, tx, lock);
    if (!matchRoundsPolicy.can(actor, 'manage', row)) throw new DomainError('FORBIDDEN', 'forbidden', 'Only the round’s owner may do this');
    return row;
  }

  private async preferencesOf(studentId: string, roundIds: string[]): Promise<Map<string, string[]>> {
    if (roundIds.length === 0) return new Map();
    const rows = await run(this.db, PREFERENCES_OF, [studentId, roundIds]);
    return new Map(rows.map((r) => [r.round_id, r.slot_ids]));
  }

  private async slotsOf(actor: Actor, round: RoundRow): Promise<MatchRoundSlotView[]> {
    // A round that ran has its applicants stored by the run (lists are closed by then); before, they are counted from the lists.
    const stored = round.status === 'ran' || round.status === 'published';
    const rows = await run(this.db, stored ? ROUND_SLOTS_STORED : ROUND_SLOTS_COUNTED, [round.id]);
    return rows.map((r): MatchRoundSlotView => ({
      id: r.id,
      title: r.title,
      type: r.type,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.enterprise_name,
      district: r.district,
      startDate: r.start_date,
      endDate: r.end_date,
      majors: r.majors,
      capacity: r.capacity,
      seatsLeft: r.seats_left,
      applicants: r.applicants,
      rankedByEnterprise: r.ranked,
      // The asking enterprise's own slot: the one it ranks.
      mine: matchRoundsPolicy.can(actor, 'rank', { ...round, enterprise_ids: [r.enterprise_id] }),
    }));
  }

  private view(actor: Actor, row: RoundRow, myPreferences: string[] | null): MatchRoundView {
    const canManage = matchRoundsPolicy.can(actor, 'manage', row);
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      owner: { organisationId: row.owner_organisation_id, authority: row.owner_authority, name: row.owner_name ?? '市教育局' },
      preferenceDeadline: row.preference_deadline.toISOString(),
      seed: matchRoundsPolicy.can(actor, 'see-seed', row) ? row.seed : null,
      criteria: row.criteria,
      algorithmVersion: row.algorithm_version,
      parentRoundId: row.parent_round_id,
      running: row.run_requested_at !== null,
      runError: row.run_error,
      lastRunId: canManage ? row.last_run_id : null,
      publishedAt: row.published_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      slotCount: row.slot_count,
      participants: row.participants,
      canManage,
      myPreferences,
    };
  }

  // ——— the owner's moves ———

  async create(actor: Actor, body: CreateMatchRoundDto): Promise<MatchRoundView> {
    const owner = matchRoundsPolicy.ownerFor(actor);
    if (!owner) throw new DomainError('FORBIDDEN', 'forbidden', 'Match rounds are run by the education bureau or a school');
    const deadline = this.futureDeadline(body.preferenceDeadline);
    const id = await this.db.transaction(async (tx) => {
      const slots = await run(tx, SLOTS_TO_MATCH, [body.slotIds]);
      const found = new Map(slots.map((s) => [s.id, s]));
      for (const slotId of body.slotIds) {
        const slot = found.get(slotId);
        if (!slot || slot.state === 'draft')
          throw new DomainError('SLOT_NOT_ELIGIBLE', 'unprocessable', 'A slot of the round was not found', { slotId });
        if (slot.type === 'teacher_practice') {
          throw new DomainError('SLOT_NOT_ELIGIBLE', 'unprocessable', 'Teacher practice slots are booked, not matched', { slotId });
        }
        if (slot.state !== 'open')
          throw new DomainError('SLOT_NOT_ELIGIBLE', 'unprocessable', 'Only open slots can be matched', { slotId });
        if (slot.seats <= 0) throw new DomainError('SLOT_NOT_ELIGIBLE', 'unprocessable', 'The slot has no seat left', { slotId });
      }
      const roundId = await this.insertRound(tx, actor, owner, body, deadline, null);
      await runCount(tx, ADD_SLOTS, [roundId, body.slotIds]);
      return roundId;
    });
    return this.get(actor, id);
  }

  /** A second round over a published round's seats left, for its unmatched students (checked at their lists). */
  async secondRound(actor: Actor, parentId: string, body: SecondRoundDto): Promise<MatchRoundView> {
    const deadline = this.futureDeadline(body.preferenceDeadline);
    const id = await this.db.transaction(async (tx) => {
      const parent = await this.loadOwned(actor, parentId, tx, true);
      if (parent.status !== 'published')
        throw new DomainError('ROUND_NOT_PUBLISHED', 'conflict', 'A second round follows a published round');
      const owner = { organisationId: parent.owner_organisation_id, authority: parent.owner_authority };
      const left = await runOne(tx, SLOTS_LEFT, [parentId]);
      if (!left?.n) throw new DomainError('NO_SEATS_LEFT', 'unprocessable', 'No slot of the round has a seat left');
      const roundId = await this.insertRound(tx, actor, owner, body, deadline, parentId);
      await runCount(tx, ADD_SLOTS_LEFT, [roundId, parentId]);
      return roundId;
    });
    return this.get(actor, id);
  }

  private futureDeadline(text: string): Date {
    const deadline = deadlineOf(text);
    if (Number.isNaN(deadline.getTime()))
      throw new DomainError('INVALID_DEADLINE', 'invalid', 'preferenceDeadline is not a real date and time');
    if (deadline.getTime() <= now().getTime())
      throw new DomainError('DEADLINE_IN_PAST', 'unprocessable', 'The preference deadline must be in the future');
    return deadline;
  }

  /** Writes the round (its slots are the caller's to add); returns its id. */
  private async insertRound(
    tx: EntityManager,
    actor: Actor,
    owner: RoundOwner,
    body: SecondRoundDto,
    deadline: Date,
    parentId: string | null,
  ): Promise<string> {
    const seed = body.seed ?? randomBytes(16).toString('hex');
    const [round] = await run(tx, INSERT_ROUND, [
      body.name.trim(),
      owner.organisationId,
      owner.authority,
      actor.userId,
      deadline,
      seed,
      parentId,
    ]);
    return round.id;
  }

  /** open (draft → collecting), close (collecting → ranking), cancel: a guarded update of the status. */
  async move(actor: Actor, id: string, move: Extract<MatchRoundMove, 'open' | 'close' | 'cancel'>): Promise<MatchRoundView> {
    await this.db.transaction(async (tx) => {
      const row = await this.loadOwned(actor, id, tx, true);
      const to = nextRoundStatus(row.status, move);
      if (move === 'open' && row.preference_deadline.getTime() <= now().getTime()) {
        throw new DomainError(
          'DEADLINE_IN_PAST',
          'unprocessable',
          'The preference deadline has passed: create the round again with a later one',
        );
      }
      await runCount(tx, SET_STATUS, [id, to]);
    });
    return this.get(actor, id);
  }

  /** Marks the round for a run and hands it to the worker (`match.run`); the result comes back as a draft. */
  async run(actor: Actor, id: string): Promise<MatchRoundView> {
    const request = await this.db.transaction(async (tx) => {
      const row = await this.loadOwned(actor, id, tx, true);
      nextRoundStatus(row.status, 'run');
      // A request older than STALE_RUN_MS lost its job (the worker gave up, or Redis lost it): it may be made again.
      if (row.run_requested_at && Date.now() - row.run_requested_at.getTime() < STALE_RUN_MS) {
        throw new DomainError('RUN_IN_PROGRESS', 'conflict', 'The round is already running');
      }
      const [updated] = await run(tx, REQUEST_RUN, [id, roundMovableFrom('run')]);
      return updated.run_request;
    });
    try {
      await this.jobs.add('match.run', { roundId: id, request }, jobId('match.run', id, request));
    } catch (error) {
      // Not queued: the round must not look as if it were running.
      await runCount(this.db, FORGET_RUN_REQUEST, [id, request]);
      throw error;
    }
    return this.get(actor, id);
  }

  /**
   * Publishes the latest run, all or nothing, in one transaction of set-based statements: every
   * assignment becomes an accepted application and a pending placement, the seats are taken, every
   * participant (matched or not) and every enterprise of the round gets an event, and the quota rows of
   * the enterprises are refreshed. A student who meanwhile took an overlapping placement, or a slot
   * whose seats went elsewhere, fails the whole publish (409): run the round again.
   */
  async publish(actor: Actor, id: string): Promise<MatchRoundView> {
    let draftInBackground = false;
    try {
      await this.db.transaction(async (tx) => {
        const row = await this.loadOwned(actor, id, tx, true);
        nextRoundStatus(row.status, 'publish');
        if (row.run_requested_at) throw new DomainError('RUN_IN_PROGRESS', 'conflict', 'Wait for the run to finish');
        const latest = await runOne(tx, RUN_STABLE, [row.last_run_id]);
        if (!latest?.stable)
          throw new DomainError('RESULT_UNSTABLE', 'conflict', 'The latest run failed its stability check: it cannot be published');
        ({ draftInBackground } = await publishRun(tx, id, row.last_run_id, row.owner_organisation_id, actor.userId));
        await this.refreshQuotaRows(tx, id);
      });
    } catch (error) {
      const { code, constraint } = pgCode(error);
      if (code === '23P01') {
        throw new DomainError(
          'PLACEMENT_OVERLAP',
          'conflict',
          'A matched student now holds a placement for overlapping dates: run the round again',
        );
      }
      if (code === '23514' && constraint === 'slots_taken') {
        throw new DomainError('SEATS_GONE', 'conflict', 'A slot no longer has the seats the result gives it: run the round again');
      }
      if (code === '23505')
        throw new DomainError('ALREADY_PLACED', 'conflict', 'A matched student already holds this slot: run the round again');
      throw error;
    }
    // A large round's agreements are drafted by the worker in batches, its progress on GET /match-rounds/:id.
    if (draftInBackground) await this.jobs.add('agreements.draft-round', { roundId: id }, jobId('agreements.draft-round', id));
    // The round without its slots (MatchRoundView.slots is GET's): at 10^5 students that list is
    // 20,000 slots, 6 MB, most of a second of a publish that must take ≤ 10 s; GET has it.
    const row = await this.load(actor, id);
    return this.view(actor, row, null);
  }

  /** The quota rows of the round's enterprises, for every year its slots span. */
  private async refreshQuotaRows(tx: EntityManager, roundId: string): Promise<void> {
    const spans = await run(tx, ROUND_SPANS, [roundId]);
    const byYear = new Map<number, Set<string>>();
    for (const span of spans) {
      for (const year of yearsOf(span.start_date, span.end_date))
        (byYear.get(year) ?? byYear.set(year, new Set()).get(year)!).add(span.enterprise_id);
    }
    for (const [year, enterprises] of byYear) await refreshQuotas(tx, await this.rules.forYear(year), [...enterprises], today());
  }

  // ——— students' lists ———

  async putPreferences(actor: Actor, id: string, body: MatchPreferencesDto): Promise<MatchRoundView> {
    const row = await this.load(actor, id);
    if (row.status === 'collecting' || row.status === 'ranking') {
      if (row.preference_deadline.getTime() <= now().getTime()) {
        throw new DomainError('PREFERENCE_DEADLINE_PASSED', 'conflict', 'The deadline for rank-order lists has passed');
      }
    }
    if (row.status !== 'collecting')
      throw new DomainError('ROUND_NOT_COLLECTING', 'conflict', `The round is ${row.status}: lists are not taken now`);
    if (row.parent_round_id && !(await runOne(this.db, UNMATCHED_IN, [row.parent_round_id, actor.userId]))) {
      throw new DomainError('NOT_ELIGIBLE_FOR_ROUND', 'unprocessable', 'A second round is for the students the first round left unmatched');
    }
    const slots = await run(this.db, SLOTS_TO_LIST, [id]);
    checkPreferences(body.slotIds, new Set(slots.map((s) => s.id)));
    const student = await runOne(this.db, STUDENT_TO_LIST, [actor.userId]);
    if (!student) throw notFound('The student profile');
    // The same rules as applying (Reg. 2021 Art. 16: age, no first-years in post internships), per slot listed.
    const byId = new Map(slots.map((s) => [s.id, s]));
    for (const slotId of body.slotIds) {
      const slot = byId.get(slotId)!;
      try {
        const rules = await this.rules.forYear(Number(slot.start_date.slice(0, 4)));
        checkCanApply(rules, student, { type: slot.type, state: 'open', startDate: slot.start_date, applicationDeadline: null }, today());
      } catch (error) {
        if (error instanceof DomainError) throw new DomainError(error.code, error.kind, error.message, { ...error.details, slotId });
        throw error;
      }
    }
    const written = await runOne(this.db, PUT_PREFERENCES, [id, actor.userId, body.slotIds, now()]);
    if (!written) throw new DomainError('PREFERENCE_DEADLINE_PASSED', 'conflict', 'The round stopped taking lists');
    return this.get(actor, id);
  }

  // ——— enterprises' rankings ———

  /** A slot of the round that the asking enterprise may rank (its own), else 404. */
  private async rankedSlot(actor: Actor, row: RoundRow, slotId: string): Promise<{ majors: string[]; skills: string[] }> {
    if (!UUID.test(slotId)) throw notFound('The slot');
    const slot = await runOne(this.db, ROUND_SLOT, [row.id, slotId]);
    if (!slot || !matchRoundsPolicy.can(actor, 'rank', { ...row, enterprise_ids: [slot.enterprise_id] })) throw notFound('The slot');
    return slot;
  }

  async applicants(actor: Actor, id: string, slotId: string): Promise<MatchApplicantsView> {
    const row = await this.load(actor, id);
    const slot = await this.rankedSlot(actor, row, slotId);
    const rows = await run(this.db, APPLICANTS_OF, [id, slotId]);
    const ranking = await runOne(this.db, RANKING_OF, [id, slotId]);
    const students = rows.map((r) => r.student_id);
    await logPersonalDataAccess(
      this.db.manager,
      actor,
      students,
      'match-rounds.applicants',
      'ranking applicants of its slot in a match round',
    );
    return {
      slotId,
      applicants: rows.map((r) => ({
        studentId: r.student_id,
        name: r.name,
        schoolName: r.school_name,
        major: r.major,
        skills: r.skills,
        certificates: r.certificates,
      })),
      ranking: ranking?.student_ids ?? null,
      suggested: rankByCriteria(
        rows.map((r) => ({ studentId: r.student_id, major: r.major, skills: r.skills })),
        { majors: slot.majors, skills: slot.skills },
        { seed: row.seed, slotId },
      ),
    };
  }

  /** The enterprise ranks its slot's applicants (only while the round is ranking), or with null goes back to automatic. */
  async putRanking(actor: Actor, id: string, slotId: string, body: RankingDto | null): Promise<MatchApplicantsView> {
    const row = await this.load(actor, id);
    await this.rankedSlot(actor, row, slotId);
    if (row.status !== 'ranking') {
      throw new DomainError(
        'ROUND_NOT_RANKING',
        'conflict',
        `The round is ${row.status}: rankings are taken after collecting closes and before it runs`,
      );
    }
    if (body) {
      const applicants = await run(this.db, APPLICANTS_OF, [id, slotId]);
      checkRanking(body.studentIds, new Set(applicants.map((a) => a.student_id)));
      await runCount(this.db, PUT_RANKING, [id, slotId, body.studentIds, actor.userId]);
    } else {
      await runCount(this.db, DELETE_RANKING, [id, slotId]);
    }
    return this.applicants(actor, id, slotId);
  }

  // ——— results ———

  /**
   * The latest run: the owner sees every line (paged) and the figures; once published, a student sees
   * their own line and an enterprise the lines of its slots.
   */
  async result(actor: Actor, id: string, query: ResultQuery): Promise<MatchResultView> {
    const row = await this.load(actor, id);
    const owner = matchRoundsPolicy.can(actor, 'manage', row);
    if (!row.last_run_id) throw new DomainError('NOT_RUN', 'conflict', 'The round has not run yet');
    if (!owner && row.status !== 'published') throw new DomainError('RESULT_NOT_PUBLISHED', 'conflict', 'The result is not published yet');
    const summary = await runOne(this.db, RUN_SUMMARY, [row.last_run_id]);
    if (!summary) throw new DomainError('NOT_RUN', 'conflict', 'The round has not run yet');
    const visible = matchRoundsPolicy.lines(actor, row);
    const qb = lines(this.db, summary.id).where(visible.where, visible.params);
    if (owner) {
      // The owner's view is paged by line number.
      const offset = query.offset ?? 0;
      qb.andWhere('l.i > :offset AND l.i <= :end', { offset, end: offset + (query.limit ?? 200) });
    }
    const found = await qb.orderBy('l.i').limit(5000).getRawMany<LineRow>();
    if (!owner && actor.role === 'student' && found.length === 0) throw notFound('Your line in this round');
    const view = (l: LineRow): MatchLineView => ({
      studentId: l.student_id,
      studentName: l.student_name,
      slot: l.slot_id ? { id: l.slot_id, title: l.title ?? '', enterpriseName: l.enterprise_name ?? '' } : null,
      choice: l.choice > 0 ? l.choice : null,
    });
    return {
      roundId: id,
      runId: summary.id,
      published: row.status === 'published',
      seed: summary.seed,
      algorithmVersion: summary.algorithm_version,
      inputsSha256: summary.inputs_sha256,
      stable: summary.stable,
      blockingPairs: summary.blocking_pairs,
      problems: summary.problems,
      figures: owner ? summary.figures : null,
      lines: found.map(view),
      totalLines: owner ? Number(summary.total ?? 0) : found.length,
      ranAt: summary.created_at.toISOString(),
    };
  }

  /** The latest run as hr-instance v1 and its assignment, for anyone auditing it with another solver. */
  async instance(actor: Actor, id: string): Promise<string> {
    const row = await this.loadOwned(actor, id);
    if (!row.last_run_id) throw new DomainError('NOT_RUN', 'conflict', 'The round has not run yet');
    const stored = await storedRunInstance(this.db.manager, row.last_run_id);
    if (!stored) throw new DomainError('NOT_RUN', 'conflict', 'The round has not run yet');
    return `${formatHrInstance(stored.instance)}# assignment\n${formatAssignment(stored.assignment)}`;
  }
}
