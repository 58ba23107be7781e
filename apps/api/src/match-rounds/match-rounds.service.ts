import { now, today } from '@skillbridge/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MatchApplicantsView, MatchLineView, MatchResultView, MatchRoundSlotView, MatchRoundView } from '@skillbridge/contracts';
import { JobProducer, RECIPIENTS_SQL, eventKindSql, jobId, logPersonalDataAccess, refreshQuotas, yearsOf } from '@skillbridge/db';
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
import { storedRunInstance } from '@skillbridge/match-rounds';
import { randomBytes } from 'crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { UUID } from '../common/ids';
import { RulesService } from '../rules/rules.service';
import { CreateMatchRoundDto, MatchPreferencesDto, RankingDto, ResultQuery, SecondRoundDto } from './dto/match-round.dto';

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

const ROUND_SELECT = `
  SELECT r.id, r.name, r.status, r.owner_organisation_id, r.owner_authority, o.name AS owner_name, r.preference_deadline, r.seed, r.criteria,
         r.algorithm_version, r.parent_round_id, r.run_requested_at, r.run_error, r.last_run_id, r.published_at, r.created_at,
         (SELECT count(*)::int FROM match_round_slots rs WHERE rs.round_id = r.id) AS slot_count,
         (SELECT count(*)::int FROM match_preferences p WHERE p.round_id = r.id) AS participants
    FROM match_rounds r LEFT JOIN organisations o ON o.id = r.owner_organisation_id
   CROSS JOIN (SELECT $1::uuid AS user_id, $2::uuid AS organisation_id) me`;

/**
 * Which rounds an actor sees: the education bureau every round (schools are its remit), a school its
 * own and the bureau's, a student the bureau's and their school's once opened, an enterprise those
 * holding one of its slots once opened. Others none. `me` holds the actor's user id and organisation.
 */
function visibleSql(actor: Actor): string {
  switch (actor.role) {
    case 'platform_admin':
      return 'true';
    case 'bureau_officer':
      return actor.authority === 'EDU' ? 'true' : 'false';
    case 'school_admin':
      return `(r.owner_organisation_id = me.organisation_id OR (r.owner_authority = 'EDU' AND r.status <> 'draft'))`;
    case 'student':
      return `(r.status <> 'draft' AND (r.owner_authority = 'EDU' OR r.owner_organisation_id = (SELECT school_id FROM students WHERE user_id = me.user_id)))`;
    case 'enterprise_admin':
      return `(r.status <> 'draft' AND EXISTS (SELECT 1 FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id WHERE rs.round_id = r.id AND s.enterprise_id = me.organisation_id))`;
    default:
      return 'false';
  }
}

/** The owner of a round: the school for a school admin, the education bureau for its officers. */
const ownerOf = (actor: Actor): { organisationId: string | null; authority: 'EDU' | null } | null =>
  actor.role === 'school_admin' && actor.organisationId
    ? { organisationId: actor.organisationId, authority: null }
    : actor.role === 'bureau_officer' && actor.authority === 'EDU'
      ? { organisationId: null, authority: 'EDU' }
      : null;

const manages = (actor: Actor, row: Pick<RoundRow, 'owner_organisation_id' | 'owner_authority'>): boolean => {
  const owner = ownerOf(actor);
  return !!owner && (owner.organisationId ? row.owner_organisation_id === owner.organisationId : row.owner_authority === owner.authority);
};

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
    const rows: RoundRow[] = await this.db.query(`${ROUND_SELECT} WHERE ${visibleSql(actor)} ORDER BY r.created_at DESC, r.id LIMIT 200`, [actor.userId, actor.organisationId]);
    const mine = actor.role === 'student' ? await this.preferencesOf(actor.userId, rows.map((r) => r.id)) : new Map<string, string[]>();
    return rows.map((row) => this.view(actor, row, mine.get(row.id) ?? null));
  }

  async get(actor: Actor, id: string): Promise<MatchRoundView> {
    const row = await this.load(actor, id);
    const mine = actor.role === 'student' ? await this.preferencesOf(actor.userId, [id]) : new Map<string, string[]>();
    return { ...this.view(actor, row, mine.get(id) ?? null), slots: await this.slotsOf(actor, row) };
  }

  /** A round the actor may see, else 404; `lock` takes it FOR UPDATE inside a transaction. */
  private async load(actor: Actor, id: string, tx: EntityManager = this.db.manager, lock = false): Promise<RoundRow> {
    if (!UUID.test(id)) throw gone();
    const [row]: RoundRow[] = await tx.query(`${ROUND_SELECT} WHERE r.id = $3::uuid AND ${visibleSql(actor)}${lock ? ' FOR UPDATE OF r' : ''}`, [actor.userId, actor.organisationId, id]);
    if (!row) throw gone();
    return row;
  }

  /** A round the actor owns: 404 when they cannot see it, 403 when they see it but do not own it. */
  private async loadOwned(actor: Actor, id: string, tx: EntityManager = this.db.manager, lock = false): Promise<RoundRow> {
    const row = await this.load(actor, id, tx, lock);
    if (!manages(actor, row)) throw new DomainError('FORBIDDEN', 'forbidden', 'Only the round’s owner may do this');
    return row;
  }

  private async preferencesOf(studentId: string, roundIds: string[]): Promise<Map<string, string[]>> {
    if (roundIds.length === 0) return new Map();
    const rows: Array<{ round_id: string; slot_ids: string[] }> = await this.db.query(
      `SELECT round_id, slot_ids FROM match_preferences WHERE student_id = $1 AND round_id = ANY($2::uuid[])`,
      [studentId, roundIds],
    );
    return new Map(rows.map((r) => [r.round_id, r.slot_ids]));
  }

  private async slotsOf(actor: Actor, round: Pick<RoundRow, 'id' | 'status'>): Promise<MatchRoundSlotView[]> {
    // A round that ran has its applicants stored by the run (lists are closed by then); before, they are
    // counted in one pass over the lists (a lookup per slot would read every list per slot).
    const stored = round.status === 'ran' || round.status === 'published';
    const rows = await this.db.query(
      `${stored ? '' : `WITH listed AS (SELECT x.slot_id, count(*)::int AS n FROM match_preferences p, unnest(p.slot_ids) AS x(slot_id) WHERE p.round_id = $1 GROUP BY x.slot_id)`}
       SELECT s.id, s.title, s.type, s.enterprise_id, e.name AS enterprise_name, s.district, s.start_date::text, s.end_date::text, s.majors,
              rs.capacity, greatest(s.capacity - s.taken, 0) AS seats_left, ${stored ? 'coalesce(rs.applicants, 0)' : 'coalesce(listed.n, 0)'} AS applicants,
              mr.slot_id IS NOT NULL AS ranked
         FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id JOIN organisations e ON e.id = s.enterprise_id
         ${stored ? '' : 'LEFT JOIN listed ON listed.slot_id = rs.slot_id'}
         LEFT JOIN match_rankings mr ON mr.round_id = rs.round_id AND mr.slot_id = rs.slot_id
        WHERE rs.round_id = $1 ORDER BY e.name, s.title, s.id`,
      [round.id],
    );
    return rows.map(
      (r: Record<string, never>): MatchRoundSlotView => ({
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
        mine: actor.role === 'enterprise_admin' && r.enterprise_id === actor.organisationId,
      }),
    );
  }

  private view(actor: Actor, row: RoundRow, myPreferences: string[] | null): MatchRoundView {
    const canManage = manages(actor, row);
    return {
      id: row.id,
      name: row.name,
      status: row.status,
      owner: { organisationId: row.owner_organisation_id, authority: row.owner_authority, name: row.owner_name ?? '市教育局' },
      preferenceDeadline: row.preference_deadline.toISOString(),
      // Before a run the seed would let anyone work out the lotteries; the owner needs it, others the record.
      seed: canManage || row.last_run_id ? row.seed : null,
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
    const owner = ownerOf(actor);
    if (!owner) throw new DomainError('FORBIDDEN', 'forbidden', 'Match rounds are run by the education bureau or a school');
    const deadline = this.futureDeadline(body.preferenceDeadline);
    const id = await this.db.transaction(async (tx) => {
      const slots: Array<{ id: string; state: string; type: string; seats: number }> = await tx.query(
        `SELECT s.id, s.state, s.type, s.capacity - s.taken AS seats FROM slots s WHERE s.id = ANY($1::uuid[])`,
        [body.slotIds],
      );
      const found = new Map(slots.map((s) => [s.id, s]));
      for (const slotId of body.slotIds) {
        const slot = found.get(slotId);
        if (!slot || slot.state === 'draft') throw new DomainError('SLOT_NOT_ELIGIBLE', 'unprocessable', 'A slot of the round was not found', { slotId });
        if (slot.type === 'teacher_practice') throw new DomainError('SLOT_NOT_ELIGIBLE', 'unprocessable', 'Teacher practice slots are booked, not matched', { slotId });
        if (slot.state !== 'open') throw new DomainError('SLOT_NOT_ELIGIBLE', 'unprocessable', 'Only open slots can be matched', { slotId });
        if (slot.seats <= 0) throw new DomainError('SLOT_NOT_ELIGIBLE', 'unprocessable', 'The slot has no seat left', { slotId });
      }
      return this.insertRound(tx, actor, owner, body, deadline, null, `SELECT s.id, s.capacity - s.taken FROM slots s WHERE s.id = ANY($2::uuid[])`, [body.slotIds]);
    });
    return this.get(actor, id);
  }

  /** A second round over a published round's seats left, for its unmatched students (checked at their lists). */
  async secondRound(actor: Actor, parentId: string, body: SecondRoundDto): Promise<MatchRoundView> {
    const deadline = this.futureDeadline(body.preferenceDeadline);
    const id = await this.db.transaction(async (tx) => {
      const parent = await this.loadOwned(actor, parentId, tx, true);
      if (parent.status !== 'published') throw new DomainError('ROUND_NOT_PUBLISHED', 'conflict', 'A second round follows a published round');
      const owner = { organisationId: parent.owner_organisation_id, authority: parent.owner_authority };
      const seatsLeft = `SELECT s.id, s.capacity - s.taken FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id
                          WHERE rs.round_id = $2 AND s.state = 'open' AND s.capacity > s.taken`;
      const [{ n }] = await tx.query(`SELECT count(*)::int AS n FROM (${seatsLeft.replace('$2', '$1')}) x`, [parentId]);
      if (n === 0) throw new DomainError('NO_SEATS_LEFT', 'unprocessable', 'No slot of the round has a seat left');
      return this.insertRound(tx, actor, owner, body, deadline, parentId, seatsLeft, [parentId]);
    });
    return this.get(actor, id);
  }

  private futureDeadline(text: string): Date {
    const deadline = deadlineOf(text);
    if (Number.isNaN(deadline.getTime())) throw new DomainError('INVALID_DEADLINE', 'invalid', 'preferenceDeadline is not a real date and time');
    if (deadline.getTime() <= now().getTime()) throw new DomainError('DEADLINE_IN_PAST', 'unprocessable', 'The preference deadline must be in the future');
    return deadline;
  }

  /** Writes the round and its slots; `slotsSql` selects (slot id, seats) with its own parameters from $2 on. */
  private async insertRound(
    tx: EntityManager,
    actor: Actor,
    owner: { organisationId: string | null; authority: 'EDU' | null },
    body: SecondRoundDto,
    deadline: Date,
    parentId: string | null,
    slotsSql: string,
    slotsParams: unknown[],
  ): Promise<string> {
    const [round]: Array<{ id: string }> = await tx.query(
      `INSERT INTO match_rounds (name, owner_organisation_id, owner_authority, created_by, preference_deadline, seed, parent_round_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [body.name.trim(), owner.organisationId, owner.authority, actor.userId, deadline, body.seed ?? randomBytes(16).toString('hex'), parentId],
    );
    await tx.query(`INSERT INTO match_round_slots (round_id, slot_id, capacity) SELECT $1, x.* FROM (${slotsSql}) x`, [round.id, ...slotsParams]);
    return round.id;
  }

  /** open (draft → collecting), close (collecting → ranking), cancel: a guarded update of the status. */
  async move(actor: Actor, id: string, move: Extract<MatchRoundMove, 'open' | 'close' | 'cancel'>): Promise<MatchRoundView> {
    await this.db.transaction(async (tx) => {
      const row = await this.loadOwned(actor, id, tx, true);
      const to = nextRoundStatus(row.status, move);
      if (move === 'open' && row.preference_deadline.getTime() <= now().getTime()) {
        throw new DomainError('DEADLINE_IN_PAST', 'unprocessable', 'The preference deadline has passed: create the round again with a later one');
      }
      await tx.query(`UPDATE match_rounds SET status = $2, run_requested_at = CASE WHEN $2 = 'cancelled' THEN NULL ELSE run_requested_at END, updated_at = now() WHERE id = $1`, [id, to]);
    });
    return this.get(actor, id);
  }

  /** Marks the round for a run and hands it to the worker (`match.run`); the result comes back as a draft. */
  async run(actor: Actor, id: string): Promise<MatchRoundView> {
    const request = await this.db.transaction(async (tx) => {
      const row = await this.loadOwned(actor, id, tx, true);
      nextRoundStatus(row.status, 'run');
      // A request older than STALE_RUN_MS lost its job (the worker gave up, or Redis lost it): it may be made again.
      if (row.run_requested_at && Date.now() - row.run_requested_at.getTime() < STALE_RUN_MS) throw new DomainError('RUN_IN_PROGRESS', 'conflict', 'The round is already running');
      const [[updated]]: [[{ run_request: number }]] = await tx.query(
        `UPDATE match_rounds SET run_request = run_request + 1, run_requested_at = now(), run_error = NULL, updated_at = now()
          WHERE id = $1 AND status = ANY($2) RETURNING run_request`,
        [id, roundMovableFrom('run')],
      );
      return updated.run_request;
    });
    try {
      await this.jobs.add('match.run', { roundId: id, request }, jobId('match.run', id, request));
    } catch (error) {
      // Not queued: the round must not look as if it were running.
      await this.db.query(`UPDATE match_rounds SET run_requested_at = NULL WHERE id = $1 AND run_request = $2`, [id, request]);
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
    try {
      await this.db.transaction(async (tx) => {
        const row = await this.loadOwned(actor, id, tx, true);
        nextRoundStatus(row.status, 'publish');
        if (row.run_requested_at) throw new DomainError('RUN_IN_PROGRESS', 'conflict', 'Wait for the run to finish');
        const [run]: Array<{ stable: boolean }> = await tx.query(`SELECT stable FROM match_runs WHERE id = $1`, [row.last_run_id]);
        if (!run?.stable) throw new DomainError('RESULT_UNSTABLE', 'conflict', 'The latest run failed its stability check: it cannot be published');
        // The school that runs its own round signs its students' agreements by publishing.
        // The planner cannot see how many rows unnest yields (it guesses 10) and would probe indexes row by row:
        // at 10^5 assignments hash joins are several times faster.
        await tx.query(`SET LOCAL enable_nestloop = off`);
        // Its cost estimate makes PostgreSQL JIT-compile it: 0.6 s of CPU for a statement that runs once.
        await tx.query(`SET LOCAL jit = off`);
        // Its sorts and hashes (10^5 rows each) fit in memory instead of spilling to disk.
        await tx.query(`SET LOCAL work_mem = '64MB'`);
        await tx.query(PUBLISH_SQL, [row.last_run_id, id, row.owner_organisation_id, actor.userId]);
        await tx.query(`SET LOCAL enable_nestloop = on`);
        await tx.query(`UPDATE match_rounds SET status = 'published', published_at = now(), updated_at = now() WHERE id = $1`, [id]);
        await this.refreshQuotaRows(tx, id);
      });
    } catch (error) {
      const { code, constraint } = pgCode(error);
      if (code === '23P01') throw new DomainError('PLACEMENT_OVERLAP', 'conflict', 'A matched student now holds a placement for overlapping dates: run the round again');
      if (code === '23514' && constraint === 'slots_taken') throw new DomainError('SEATS_GONE', 'conflict', 'A slot no longer has the seats the result gives it: run the round again');
      if (code === '23505') throw new DomainError('ALREADY_PLACED', 'conflict', 'A matched student already holds this slot: run the round again');
      throw error;
    }
    // The round without its slots (MatchRoundView.slots is GET's): at 10^5 students that list is
    // 20,000 slots, 6 MB, most of a second of a publish that must take ≤ 10 s; GET has it.
    const row = await this.load(actor, id);
    return this.view(actor, row, null);
  }

  /** The quota rows of the round's enterprises, for every year its slots span. */
  private async refreshQuotaRows(tx: EntityManager, roundId: string): Promise<void> {
    const spans: Array<{ enterprise_id: string; start_date: string; end_date: string }> = await tx.query(
      `SELECT DISTINCT s.enterprise_id, s.start_date::text, s.end_date::text FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id WHERE rs.round_id = $1`,
      [roundId],
    );
    const byYear = new Map<number, Set<string>>();
    for (const span of spans) for (const year of yearsOf(span.start_date, span.end_date)) (byYear.get(year) ?? byYear.set(year, new Set()).get(year)!).add(span.enterprise_id);
    for (const [year, enterprises] of byYear) await refreshQuotas(tx, await this.rules.forYear(year), [...enterprises], today());
  }

  // ——— students' lists ———

  async putPreferences(actor: Actor, id: string, body: MatchPreferencesDto): Promise<MatchRoundView> {
    const row = await this.load(actor, id);
    if (row.status === 'collecting' || row.status === 'ranking') {
      if (row.preference_deadline.getTime() <= now().getTime()) throw new DomainError('PREFERENCE_DEADLINE_PASSED', 'conflict', 'The deadline for rank-order lists has passed');
    }
    if (row.status !== 'collecting') throw new DomainError('ROUND_NOT_COLLECTING', 'conflict', `The round is ${row.status}: lists are not taken now`);
    if (row.parent_round_id && !(await this.unmatchedIn(row.parent_round_id, actor.userId))) {
      throw new DomainError('NOT_ELIGIBLE_FOR_ROUND', 'unprocessable', 'A second round is for the students the first round left unmatched');
    }
    const slots: Array<{ id: string; type: 'internship' | 'apprenticeship'; state: 'open'; start_date: string }> = await this.db.query(
      `SELECT s.id, s.type, s.state, s.start_date::text FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id WHERE rs.round_id = $1`,
      [id],
    );
    checkPreferences(body.slotIds, new Set(slots.map((s) => s.id)));
    const [student] = await this.db.query(`SELECT date_of_birth::text AS "dateOfBirth", enrolment_year AS "enrolmentYear" FROM students WHERE user_id = $1`, [actor.userId]);
    if (!student) throw notFound('The student profile');
    // The same rules as applying (Reg. 2021 Art. 16: age, no first-years in post internships), per slot listed.
    const byId = new Map(slots.map((s) => [s.id, s]));
    for (const slotId of body.slotIds) {
      const slot = byId.get(slotId)!;
      try {
        checkCanApply(await this.rules.forYear(Number(slot.start_date.slice(0, 4))), student, { type: slot.type, state: 'open', startDate: slot.start_date, applicationDeadline: null }, today());
      } catch (error) {
        if (error instanceof DomainError) throw new DomainError(error.code, error.kind, error.message, { ...error.details, slotId });
        throw error;
      }
    }
    // The round's state is checked again by the statement itself: a list racing the close is refused.
    const [written] = await this.db.query(
      `INSERT INTO match_preferences (round_id, student_id, slot_ids)
       SELECT $1, $2, $3::uuid[] FROM match_rounds WHERE id = $1 AND status = 'collecting' AND preference_deadline > $4
       ON CONFLICT (round_id, student_id) DO UPDATE SET slot_ids = EXCLUDED.slot_ids, updated_at = now()
       RETURNING round_id`,
      [id, actor.userId, body.slotIds, now()],
    );
    if (!written) throw new DomainError('PREFERENCE_DEADLINE_PASSED', 'conflict', 'The round stopped taking lists');
    return this.get(actor, id);
  }

  /** Whether a student took part in a published round and was left without a slot. */
  private async unmatchedIn(roundId: string, studentId: string): Promise<boolean> {
    const [hit] = await this.db.query(
      `SELECT 1 FROM match_rounds r JOIN match_runs run ON run.id = r.last_run_id
         CROSS JOIN LATERAL unnest(run.student_ids, run.assignment) AS x(student_id, a)
        WHERE r.id = $1 AND r.status = 'published' AND x.student_id = $2 AND x.a < 0`,
      [roundId, studentId],
    );
    return !!hit;
  }

  // ——— enterprises' rankings ———

  /** A slot of the round that is the asking enterprise's own, else 404. */
  private async ownSlot(actor: Actor, row: RoundRow, slotId: string): Promise<{ majors: string[]; skills: string[] }> {
    if (!UUID.test(slotId)) throw notFound('The slot');
    const [slot] = await this.db.query(
      `SELECT s.majors, s.skills FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id WHERE rs.round_id = $1 AND rs.slot_id = $2 AND s.enterprise_id = $3`,
      [row.id, slotId, actor.organisationId],
    );
    if (!slot) throw notFound('The slot');
    return slot;
  }

  private async applicantsOf(roundId: string, slotId: string) {
    const rows: Array<{ student_id: string; name: string; school_name: string; major: string; skills: string[]; certificates: string[] }> = await this.db.query(
      `SELECT p.student_id, u.name, sc.name AS school_name, st.major, st.skills, st.certificates
         FROM match_preferences p JOIN users u ON u.id = p.student_id JOIN students st ON st.user_id = p.student_id JOIN organisations sc ON sc.id = st.school_id
        WHERE p.round_id = $1 AND p.slot_ids @> ARRAY[$2::uuid]
        ORDER BY p.student_id`,
      [roundId, slotId],
    );
    return rows;
  }

  async applicants(actor: Actor, id: string, slotId: string): Promise<MatchApplicantsView> {
    const row = await this.load(actor, id);
    const slot = await this.ownSlot(actor, row, slotId);
    const rows = await this.applicantsOf(id, slotId);
    const [ranking]: Array<{ student_ids: string[] }> = await this.db.query(`SELECT student_ids FROM match_rankings WHERE round_id = $1 AND slot_id = $2`, [id, slotId]);
    await logPersonalDataAccess(this.db.manager, actor, rows.map((r) => r.student_id), 'match-rounds.applicants', 'ranking applicants of its slot in a match round');
    return {
      slotId,
      applicants: rows.map((r) => ({ studentId: r.student_id, name: r.name, schoolName: r.school_name, major: r.major, skills: r.skills, certificates: r.certificates })),
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
    await this.ownSlot(actor, row, slotId);
    if (row.status !== 'ranking') throw new DomainError('ROUND_NOT_RANKING', 'conflict', `The round is ${row.status}: rankings are taken after collecting closes and before it runs`);
    if (body) {
      const applicants = await this.applicantsOf(id, slotId);
      checkRanking(body.studentIds, new Set(applicants.map((a) => a.student_id)));
      await this.db.query(
        `INSERT INTO match_rankings (round_id, slot_id, student_ids, ranked_by) VALUES ($1, $2, $3::uuid[], $4)
         ON CONFLICT (round_id, slot_id) DO UPDATE SET student_ids = EXCLUDED.student_ids, ranked_by = EXCLUDED.ranked_by, updated_at = now()`,
        [id, slotId, body.studentIds, actor.userId],
      );
    } else {
      await this.db.query(`DELETE FROM match_rankings WHERE round_id = $1 AND slot_id = $2`, [id, slotId]);
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
    const owner = manages(actor, row);
    if (!row.last_run_id) throw new DomainError('NOT_RUN', 'conflict', 'The round has not run yet');
    if (!owner && row.status !== 'published') throw new DomainError('RESULT_NOT_PUBLISHED', 'conflict', 'The result is not published yet');
    const [run] = await this.db.query(
      `SELECT id, seed, algorithm_version, inputs_sha256, stable, blocking_pairs, problems, figures, created_at, cardinality(student_ids) AS total FROM match_runs WHERE id = $1`,
      [row.last_run_id],
    );
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 200;
    let filter: string;
    const params: unknown[] = [run.id];
    if (owner) {
      filter = `l.i > ${Number(offset)} AND l.i <= ${Number(offset + limit)}`;
    } else if (actor.role === 'student') {
      filter = `l.student_id = $2`;
      params.push(actor.userId);
    } else if (actor.role === 'enterprise_admin') {
      filter = `s.enterprise_id = $2`;
      params.push(actor.organisationId);
    } else {
      filter = 'false';
    }
    const lines: Array<{ student_id: string; student_name: string; choice: number; slot_id: string | null; title: string | null; enterprise_name: string | null }> = await this.db.query(
      `WITH run AS MATERIALIZED (SELECT student_ids, assignment, choice, slot_ids FROM match_runs WHERE id = $1),
            l AS (SELECT x.* FROM run, unnest(run.student_ids, run.assignment, run.choice) WITH ORDINALITY AS x(student_id, a, choice, i)),
            sp AS (SELECT y.slot_id, (y.c - 1)::int AS a FROM run, unnest(run.slot_ids) WITH ORDINALITY AS y(slot_id, c))
       SELECT l.student_id, u.name AS student_name, l.choice, s.id AS slot_id, s.title, e.name AS enterprise_name
         FROM l JOIN users u ON u.id = l.student_id
         LEFT JOIN sp ON sp.a = l.a LEFT JOIN slots s ON s.id = sp.slot_id LEFT JOIN organisations e ON e.id = s.enterprise_id
        WHERE ${filter}
        ORDER BY l.i LIMIT 5000`,
      params,
    );
    if (!owner && actor.role === 'student' && lines.length === 0) throw notFound('Your line in this round');
    const view = (l: (typeof lines)[number]): MatchLineView => ({
      studentId: l.student_id,
      studentName: l.student_name,
      slot: l.slot_id ? { id: l.slot_id, title: l.title ?? '', enterpriseName: l.enterprise_name ?? '' } : null,
      choice: l.choice > 0 ? l.choice : null,
    });
    return {
      roundId: id,
      runId: run.id,
      published: row.status === 'published',
      seed: run.seed,
      algorithmVersion: run.algorithm_version,
      inputsSha256: run.inputs_sha256,
      stable: run.stable,
      blockingPairs: run.blocking_pairs,
      problems: run.problems,
      figures: owner ? run.figures : null,
      lines: lines.map(view),
      totalLines: owner ? Number(run.total ?? 0) : lines.length,
      ranAt: (run.created_at as Date).toISOString(),
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

/**
 * $1 the run, $2 the round, $3 the owning school (or null), $4 the publisher. Every data-modifying
 * part runs once to completion (PostgreSQL's rule for WITH), in the caller's transaction.
 */
const PUBLISH_SQL = `
WITH run AS MATERIALIZED (SELECT student_ids, slot_ids, assignment FROM match_runs WHERE id = $1),
lines AS MATERIALIZED (
  SELECT x.student_id, x.a FROM run, unnest(run.student_ids, run.assignment) AS x(student_id, a)
),
positions AS (SELECT y.slot_id, (y.c - 1)::int AS a FROM run, unnest(run.slot_ids) WITH ORDINALITY AS y(slot_id, c)),
-- In student order: the indexes led by the student (and the no-overlap one) are then filled in order.
pairs AS MATERIALIZED (
  SELECT l.student_id, p.slot_id FROM lines l JOIN positions p ON p.a = l.a WHERE l.a >= 0 ORDER BY l.student_id
),
seats AS (
  UPDATE slots SET taken = taken + f.n, updated_at = now()
    FROM (SELECT slot_id, count(*)::int AS n FROM pairs GROUP BY slot_id) f
   WHERE slots.id = f.slot_id
  RETURNING slots.id
),
apps AS (
  INSERT INTO applications (slot_id, student_id, school_id, enterprise_id, status, decided_at, school_approved_at, school_approved_by)
  SELECT p.slot_id, p.student_id, st.school_id, s.enterprise_id, 'accepted', now(),
         CASE WHEN st.school_id = $3::uuid THEN now() END, CASE WHEN st.school_id = $3::uuid THEN $4::uuid END
    FROM pairs p JOIN students st ON st.user_id = p.student_id JOIN slots s ON s.id = p.slot_id
   ORDER BY p.student_id
  -- A live application of the student to the same slot becomes the accepted one.
  ON CONFLICT (slot_id, student_id) WHERE status IN ('submitted', 'shortlisted', 'offered', 'accepted')
  DO UPDATE SET status = 'accepted', decided_at = now(), updated_at = now()
  RETURNING id, slot_id, student_id, school_id, enterprise_id
),
placed AS (
  INSERT INTO placements (kind, application_id, slot_id, enterprise_id, person_id, school_id, slot_type, start_date, end_date)
  SELECT 'student', a.id, a.slot_id, a.enterprise_id, a.student_id, a.school_id, s.type, s.start_date, s.end_date
    FROM apps a JOIN slots s ON s.id = a.slot_id
   ORDER BY a.student_id
  RETURNING id
),
matched AS (
  INSERT INTO outbox_events (kind, subject_id, recipients, payload)
  SELECT ${eventKindSql('round.matched')}, $2::uuid, ARRAY[a.student_id], jsonb_build_object('slotId', a.slot_id, 'applicationId', a.id)
    FROM apps a
  RETURNING id
),
unmatched AS (
  INSERT INTO outbox_events (kind, subject_id, recipients, payload)
  SELECT ${eventKindSql('round.unmatched')}, $2::uuid, ARRAY[l.student_id], '{}'::jsonb FROM lines l WHERE l.a < 0
  RETURNING id
),
enterprises AS (
  INSERT INTO outbox_events (kind, subject_id, recipients, payload)
  SELECT ${eventKindSql('round.published')}, $2::uuid, ${RECIPIENTS_SQL(`'{}'::uuid[]`, 'ARRAY[e.enterprise_id]')}, jsonb_build_object('matched', coalesce(n.matched, 0))
    FROM (SELECT DISTINCT s.enterprise_id FROM match_round_slots rs JOIN slots s ON s.id = rs.slot_id WHERE rs.round_id = $2::uuid) e
    LEFT JOIN (SELECT enterprise_id, count(*)::int AS matched FROM apps GROUP BY enterprise_id) n ON n.enterprise_id = e.enterprise_id
  RETURNING id
)
SELECT (SELECT count(*) FROM placed)::int AS placements, (SELECT count(*) FROM seats)::int AS slots,
       (SELECT count(*) FROM matched)::int + (SELECT count(*) FROM unmatched)::int + (SELECT count(*) FROM enterprises)::int AS events`;
