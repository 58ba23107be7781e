import { today } from '@skillbridge/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import type { Page, RecommendedSlot, SlotView } from '@skillbridge/contracts';
import { EnterpriseHeadcount, Organisation, Slot, Student, decodeCursor } from '@skillbridge/db';
import {
  Actor,
  CandidateSlot,
  DomainError,
  SlotTerms,
  canAdministerOrganisation,
  checkInternCap,
  checkPostCap,
  checkSlotTerms,
  notFound,
  queryTerms,
  scoreSlot,
  searchTerms,
  slotWarnings,
  takesStudents,
} from '@skillbridge/domain';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { paginate } from '../common/pagination';
import { RulesService } from '../rules/rules.service';
import { OrganisationAccess } from '../policies/organisation-access.service';
import { CreateSlotDto, SearchSlotsQuery, UpdateSlotDto } from './dto/slot.dto';
import { slotView } from './slot.view';
import { UUID } from '../common/ids';

const ENTERPRISE_KINDS = ['enterprise', 'training_base'] as const;

/** How long a page of open-slot search results is shared between the students who ask for it. */
const SEARCH_CACHE_MS = 2000;

/** How many open slots, in page order, a text search looks through before it runs the full query. */
const SEARCH_WINDOW = 3000;

const termsOf = (slot: Pick<Slot, 'type' | 'startDate' | 'endDate' | 'capacity' | 'stipend' | 'postWage' | 'hoursPerDay' | 'nightShift' | 'applicationDeadline'>): SlotTerms => ({
  type: slot.type,
  startDate: slot.startDate,
  endDate: slot.endDate,
  capacity: slot.capacity,
  stipend: slot.stipend,
  postWage: slot.postWage,
  hoursPerDay: slot.hoursPerDay,
  nightShift: slot.nightShift,
  applicationDeadline: slot.applicationDeadline,
});

@Injectable()
export class SlotsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: OrganisationAccess,
    private readonly rules: RulesService,
  ) {}

  /** A draft slot of the actor's (verified) enterprise. */
  async create(actor: Actor, body: CreateSlotDto): Promise<SlotView> {
    if (!actor.organisationId) throw new DomainError('FORBIDDEN', 'forbidden', 'Only an enterprise’s admins post slots');
    const enterprise = await this.access.administrable(actor, actor.organisationId, [...ENTERPRISE_KINDS]);
    if (enterprise.verification !== 'verified') {
      throw new DomainError('ENTERPRISE_NOT_VERIFIED', 'forbidden', 'A platform admin must verify the enterprise before it posts slots');
    }
    return this.db.transaction(async (tx) => {
      const slot = tx.getRepository(Slot).create({
        enterpriseId: enterprise.id,
        type: body.type,
        title: body.title.trim(),
        description: body.description.trim(),
        majors: tidy(body.majors),
        skills: tidy(body.skills ?? []),
        district: body.district,
        startDate: body.startDate,
        endDate: body.endDate,
        capacity: body.capacity,
        stipend: body.stipend ?? null,
        postWage: body.postWage ?? null,
        postStaff: body.postStaff ?? null,
        hoursPerDay: body.hoursPerDay,
        nightShift: body.nightShift,
        applicationDeadline: body.applicationDeadline ?? null,
        state: 'draft',
      });
      await this.checkTerms(tx, slot);
      slot.searchTerms = searchTerms(`${slot.title} ${slot.description}`);
      await tx.getRepository(Slot).save(slot);
      return this.view(tx, slot, enterprise.name);
    });
  }

  async update(actor: Actor, id: string, body: UpdateSlotDto): Promise<SlotView> {
    return this.db.transaction(async (tx) => {
      const { slot, enterprise } = await this.administrable(tx, actor, id, true);
      if (slot.state === 'closed' || slot.state === 'cancelled') {
        throw new DomainError('INVALID_TRANSITION', 'conflict', `A ${slot.state} slot cannot be edited`);
      }
      if (slot.state === 'open' && (body.type !== undefined || body.startDate !== undefined || body.endDate !== undefined)) {
        throw new DomainError('SLOT_PUBLISHED', 'conflict', 'The type and dates of a published slot cannot change: close it and post a new one');
      }
      if (body.capacity !== undefined && body.capacity < slot.taken) {
        throw new DomainError('CAPACITY_BELOW_TAKEN', 'conflict', `${slot.taken} seats are already taken`);
      }
      Object.assign(slot, {
        ...body,
        ...(body.title !== undefined && { title: body.title.trim() }),
        ...(body.description !== undefined && { description: body.description.trim() }),
        ...(body.majors !== undefined && { majors: tidy(body.majors) }),
        ...(body.skills !== undefined && { skills: tidy(body.skills) }),
      });
      await this.checkTerms(tx, slot);
      slot.searchTerms = searchTerms(`${slot.title} ${slot.description}`);
      await tx.getRepository(Slot).save(slot);
      return this.view(tx, slot, enterprise.name);
    });
  }

  async publish(actor: Actor, id: string): Promise<SlotView> {
    return this.db.transaction(async (tx) => {
      const { slot, enterprise } = await this.administrable(tx, actor, id, true);
      if (slot.state === 'open') return this.view(tx, slot, enterprise.name);
      if (slot.state !== 'draft') throw new DomainError('INVALID_TRANSITION', 'conflict', `A ${slot.state} slot cannot be published`);
      slot.state = 'open';
      await this.checkTerms(tx, slot);
      await tx.getRepository(Slot).update({ id: slot.id }, { state: 'open', publishedAt: new Date() });
      return this.view(tx, { ...slot, publishedAt: new Date() }, enterprise.name);
    });
  }

  async close(actor: Actor, id: string): Promise<SlotView> {
    return this.db.transaction(async (tx) => {
      const { slot, enterprise } = await this.administrable(tx, actor, id, true);
      if (slot.state === 'closed') return this.view(tx, slot, enterprise.name);
      // A draft nobody saw is cancelled; an open slot closes and keeps its accepted students.
      const state = slot.state === 'draft' ? 'cancelled' : slot.state === 'open' ? 'closed' : null;
      if (!state) throw new DomainError('INVALID_TRANSITION', 'conflict', `A ${slot.state} slot cannot be closed`);
      await tx.getRepository(Slot).update({ id: slot.id }, { state });
      return this.view(tx, { ...slot, state }, enterprise.name);
    });
  }

  /** One slot: open ones for everyone signed in, the others for their enterprise and its officers. */
  async get(actor: Actor, id: string): Promise<SlotView> {
    const slot = UUID.test(id) ? await this.db.getRepository(Slot).findOne({ where: { id }, relations: { enterprise: true } }) : null;
    if (!slot?.enterprise) throw notFound('The slot');
    if (slot.state !== 'open' && !(await this.access.visible(actor, slot.enterpriseId, [...ENTERPRISE_KINDS]).catch(() => null))) {
      throw notFound('The slot');
    }
    const owner = canAdministerOrganisation(actor, slot.enterprise);
    return slotView(slot, slot.enterprise.name, owner ? slotWarnings(await this.rules.forYear(yearOf(slot.startDate)), termsOf(slot)) : []);
  }

  /**
   * The marketplace's search of open slots is the same for every student who asks the same thing,
   * and most ask the same few things: each page is kept for a moment and shared. A page may show
   * a seat count up to SEARCH_CACHE_MS old; taking a seat is decided by the accept, never by it.
   */
  async search(actor: Actor, query: SearchSlotsQuery): Promise<Page<SlotView>> {
    if (query.enterpriseId) return this.searchNow(actor, query);
    const key = JSON.stringify([query.q, query.type, query.major, query.district, query.from, query.to, query.cursor, query.limit]);
    const cached = this.recentPages.get(key);
    if (cached) return cached;
    const page = this.searchNow(actor, query);
    this.recentPages.set(key, page);
    // A failed search is not remembered.
    page.catch(() => this.recentPages.delete(key));
    return page;
  }

  private readonly recentPages = new LRUCache<string, Promise<Page<SlotView>>>({ max: 2000, ttl: SEARCH_CACHE_MS });

  private async searchNow(actor: Actor, query: SearchSlotsQuery): Promise<Page<SlotView>> {
    const qb = this.db.getRepository(Slot).createQueryBuilder('s').innerJoinAndSelect('s.enterprise', 'e');
    if (query.enterpriseId) {
      await this.access.visible(actor, query.enterpriseId, [...ENTERPRISE_KINDS]);
      qb.where('s.enterprise_id = :enterpriseId', { enterpriseId: query.enterpriseId });
      if (query.state) qb.andWhere('s.state = :state', { state: query.state });
    } else {
      qb.where(`s.state = 'open'`);
    }
    if (query.type) qb.andWhere('s.type = :type', { type: query.type });
    if (query.major) qb.andWhere(':major = ANY(s.majors)', { major: query.major.trim() });
    if (query.district) qb.andWhere('s.district = :district', { district: query.district });
    if (query.from) qb.andWhere('s.start_date >= :from', { from: query.from });
    if (query.to) qb.andWhere('s.end_date <= :to', { to: query.to });
    const terms = query.q ? queryTerms(query.q) : [];
    if (terms.length) qb.andWhere('s.search_terms @> :terms::text[]', { terms });
    const keys = [
      { column: 's.start_date', of: (s: Slot) => s.startDate, kind: 'date' as const },
      { column: 's.id', of: (s: Slot) => s.id, kind: 'uuid' as const },
    ];
    const probed = terms.length && !query.enterpriseId ? await this.probeWindow(query, terms) : null;
    // The probe found the whole page: load just those rows (same order, same cursor as the full query).
    if (probed) qb.andWhere('s.id IN (:...probed)', { probed });
    const page = await paginate(qb, query, keys);
    return { items: page.items.map((slot) => slotView(slot, slot.enterprise?.name ?? '')), nextCursor: page.nextCursor };
  }

  /**
   * The planner guesses that a phrase's bigrams match ~1 slot (it multiplies their frequencies,
   * but they always occur together), so a phrase matching thousands fetched and sorted all of them.
   * The next few thousand open slots in the page order usually hold the page already: look there
   * first, and fall back to the full query only when they do not (bench findings §2: 67 → 1.3 ms).
   */
  private async probeWindow(query: SearchSlotsQuery, terms: string[]): Promise<string[] | null> {
    const limit = query.limit ?? 50;
    const params: unknown[] = [terms];
    const param = (value: unknown) => `$${params.push(value)}`;
    const window: string[] = [`state = 'open'`];
    if (query.cursor) {
      const key = decodeCursor(query.cursor, ['date', 'uuid']);
      if (!key || !UUID.test(String(key[1]))) return null; // paginate() answers INVALID_CURSOR
      window.push(`(start_date, id) > (${param(key[0])}::date, ${param(key[1])}::uuid)`);
    }
    const filters: string[] = ['w.search_terms @> $1::text[]'];
    if (query.type) filters.push(`w.type = ${param(query.type)}`);
    if (query.major) filters.push(`${param(query.major.trim())} = ANY(w.majors)`);
    if (query.district) filters.push(`w.district = ${param(query.district)}`);
    if (query.from) filters.push(`w.start_date >= ${param(query.from)}::date`);
    if (query.to) filters.push(`w.end_date <= ${param(query.to)}::date`);
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT w.id FROM (SELECT id, start_date, type, majors, district, end_date, search_terms FROM slots
                          WHERE ${window.join(' AND ')} ORDER BY start_date, id LIMIT ${SEARCH_WINDOW}) w
        WHERE ${filters.join(' AND ')} ORDER BY w.start_date, w.id LIMIT ${limit + 1}`,
      params,
    );
    return rows.length > limit ? rows.map((r) => r.id) : null;
  }

  /** Open slots ranked by fit for the student, each with its score and the reasons. */
  async recommended(actor: Actor, limit = 10): Promise<RecommendedSlot[]> {
    const student = await this.db.getRepository(Student).findOneBy({ userId: actor.userId });
    if (!student) throw notFound('The student profile');
    const now = today();
    const busy: Array<{ start_date: string; end_date: string }> = await this.db.query(
      `SELECT start_date::text, end_date::text FROM placements WHERE person_id = $1 AND status <> 'terminated'`,
      [actor.userId],
    );
    // Candidates: open student slots still taking applications that share the major, a skill or a
    // preferred district; scored in full by the domain's rule. The order is the date column's, not
    // the text output of the same name: that walks slots_open_by_start (~5,000 index entries)
    // instead of sorting every open slot. Each row comes in scoreSlot's shape, with what cannot count
    // for this student left out (bench findings 2026-12-02): the majors only as far as they hold the
    // student's (scoreSlot asks nothing else of them), and the skills only when one is the student's
    // (otherwise none can match) — the same score and reasons, from far less to parse.
    const candidates: Array<CandidateSlot & { id: string }> = await this.db.query(
      `SELECT id,
              CASE WHEN $2::text = ANY(majors) THEN ARRAY[$2::text] ELSE '{}'::text[] END AS majors,
              CASE WHEN skills && $3::text[] THEN skills ELSE '{}'::text[] END AS skills,
              district, start_date::text AS "startDate", end_date::text AS "endDate", capacity, taken,
              application_deadline::text AS "applicationDeadline"
         FROM slots
        WHERE state = 'open' AND type IN ('internship', 'apprenticeship') AND taken < capacity
          AND (application_deadline IS NULL OR application_deadline >= $1) AND start_date >= $1
          AND ($2 = ANY(majors) OR skills && $3::text[] OR district = ANY($4::text[]))
        ORDER BY slots.start_date, slots.id LIMIT 1000`,
      [now, student.major, student.skills, student.preferredDistricts],
    );
    const profile = {
      major: student.major,
      skills: student.skills,
      preferredDistricts: student.preferredDistricts,
      busy: busy.map((b) => ({ startDate: b.start_date, endDate: b.end_date })),
    };
    const best = candidates
      .map((slot) => ({ slot, ...scoreSlot(profile, slot, now) }))
      .sort((a, b) => b.score - a.score || a.slot.startDate.localeCompare(b.slot.startDate) || a.slot.id.localeCompare(b.slot.id))
      .slice(0, limit);
    if (best.length === 0) return [];
    const entities = await this.db.getRepository(Slot).find({ where: { id: In(best.map((b) => b.slot.id)) }, relations: { enterprise: true } });
    const byId = new Map(entities.map((slot) => [slot.id, slot]));
    return best.flatMap(({ slot, score, reasons }) => {
      const entity = byId.get(slot.id);
      return entity ? [{ slot: slotView(entity, entity.enterprise?.name ?? ''), score, reasons }] : [];
    });
  }

  /** The slot, locked for the change, if the actor administers its enterprise; else 404/403. */
  private async administrable(tx: EntityManager, actor: Actor, id: string, lock: boolean): Promise<{ slot: Slot; enterprise: Organisation }> {
    if (!UUID.test(id)) throw notFound('The slot');
    const slot = await tx.getRepository(Slot).findOne({ where: { id }, ...(lock && { lock: { mode: 'pessimistic_write' } }) });
    if (!slot) throw notFound('The slot');
    const enterprise = await this.access.administrable(actor, slot.enterpriseId, [...ENTERPRISE_KINDS], tx);
    return { slot, enterprise };
  }

  /** The slot's own terms, the enterprise's 10 % cap on concurrent interns over its published slots, and the post's 20 % cap. */
  private async checkTerms(tx: EntityManager, slot: Slot): Promise<void> {
    const rules = await this.rules.forYear(yearOf(slot.startDate));
    checkSlotTerms(rules, termsOf(slot));
    if (!takesStudents(slot.type)) return;
    // One publisher at a time per enterprise, so that two publishes cannot both fit under the cap.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`slot-cap:${slot.enterpriseId}`]);
    const headcount = await tx.getRepository(EnterpriseHeadcount).findOne({
      where: { organisationId: slot.enterpriseId, year: LessThanOrEqual(yearOf(slot.startDate)) },
      order: { year: 'DESC' },
    });
    const [{ seats }] = await tx.query(
      `SELECT coalesce(max(load), 0)::int AS seats FROM (
         SELECT d.day, sum(o.capacity) AS load
           FROM (SELECT greatest(start_date, $2::date) AS day FROM slots
                  WHERE enterprise_id = $1 AND id <> $4 AND state IN ('open', 'closed') AND type IN ('internship', 'apprenticeship')
                    AND start_date <= $3 AND end_date >= $2
                 UNION SELECT $2::date) d
           JOIN slots o ON o.enterprise_id = $1 AND o.id <> $4 AND o.state IN ('open', 'closed') AND o.type IN ('internship', 'apprenticeship')
                       AND o.start_date <= d.day AND o.end_date >= d.day
          GROUP BY d.day) loads`,
      [slot.enterpriseId, slot.startDate, slot.endDate, slot.id ?? '00000000-0000-0000-0000-000000000000'],
    );
    checkInternCap(rules, headcount?.employees ?? null, seats, slot.capacity);
    checkPostCap(rules, slot.postStaff, slot.capacity);
  }

  private async view(tx: EntityManager, slot: Slot, enterpriseName: string): Promise<SlotView> {
    const rules = await this.rules.forYear(yearOf(slot.startDate));
    const fresh = slot.id ? await tx.getRepository(Slot).findOneBy({ id: slot.id }) : null;
    return slotView(fresh ?? slot, enterpriseName, slotWarnings(rules, termsOf(slot)));
  }
}

const yearOf = (date: string): number => Number(date.slice(0, 4));
const tidy = (items: string[]): string[] => [...new Set(items.map((item) => item.trim()).filter(Boolean))];
