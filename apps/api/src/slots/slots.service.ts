import { today, now } from '@skillbridge/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import type { Page, RecommendedSlot, SlotView } from '@skillbridge/contracts';
import { Slot, decodeCursor, run, runOne } from '@skillbridge/db';
import {
  Actor,
  DomainError,
  SlotTerms,
  checkCapacityNotBelowTaken,
  checkInternCap,
  checkPostCap,
  checkSlotTerms,
  notFound,
  expandSynonyms,
  queryTerms,
  scoreSlot,
  slotSearchTerms,
  slotTypesFor,
  slotWarnings,
  takesStudents,
} from '@skillbridge/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { UUID } from '../common/ids';
import { paginate } from '../common/pagination';
import { seesAllSlotsOf, slotsPolicy } from '../policies/slots.policy';
import { MajorsService } from '../majors/majors.service';
import { RulesService } from '../rules/rules.service';
import { CreateSlotDto, SearchSlotsQuery, UpdateSlotDto } from './dto/slot.dto';
import { slotView } from './slot.view';
import {
  BUSY_DATES,
  HEADCOUNT,
  LOCK_PUBLISHER,
  RECOMMENDATION_CANDIDATES,
  RECOMMENDATION_PROFILE,
  SEARCH_WINDOW,
  SEATS_AT_PEAK,
  SLOT_ENTERPRISE,
} from './slots.statements';

/** How long a page of open-slot search results is shared between the students who ask for it. */
const SEARCH_CACHE_MS = 2000;

const termsOf = (
  slot: Pick<
    Slot,
    'type' | 'startDate' | 'endDate' | 'capacity' | 'stipend' | 'postWage' | 'hoursPerDay' | 'nightShift' | 'applicationDeadline'
  >,
): SlotTerms => ({
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

const notYours = () => new DomainError('FORBIDDEN', 'forbidden', 'Only the organisation’s own administrators may change this');

/**
 * Slots are entities: TypeORM reads and writes them (the repository, and the query builder for the
 * search); every other statement is named and typed in slots.statements.ts. Who sees and changes a
 * slot is the slots policy's to say.
 */
@Injectable()
export class SlotsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: RulesService,
    private readonly majors: MajorsService,
  ) {}

  /** A draft slot of the actor's (verified) enterprise. */
  async create(actor: Actor, body: CreateSlotDto): Promise<SlotView> {
    if (!actor.organisationId) throw new DomainError('FORBIDDEN', 'forbidden', 'Only an enterprise’s admins post slots');
    const enterprise = await this.enterpriseSeenBy(actor, actor.organisationId);
    if (!slotsPolicy.can(actor, 'manage', { state: 'draft', enterprise })) throw notYours();
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
      await this.majors.assertKnown(slot.majors, tx);
      await this.checkTerms(tx, slot);
      slot.searchTerms = slotSearchTerms(slot);
      await tx.getRepository(Slot).save(slot);
      return this.view(tx, slot, enterprise.name);
    });
  }

  async update(actor: Actor, id: string, body: UpdateSlotDto): Promise<SlotView> {
    return this.db.transaction(async (tx) => {
      const { slot, enterprise } = await this.manageable(tx, actor, id);
      if (slot.state === 'closed' || slot.state === 'cancelled') {
        throw new DomainError('INVALID_TRANSITION', 'conflict', `A ${slot.state} slot cannot be edited`);
      }
      if (slot.state === 'open' && (body.type !== undefined || body.startDate !== undefined || body.endDate !== undefined)) {
        throw new DomainError(
          'SLOT_PUBLISHED',
          'conflict',
          'The type and dates of a published slot cannot change: close it and post a new one',
        );
      }
      if (body.capacity !== undefined) checkCapacityNotBelowTaken(body.capacity, slot.taken);
      Object.assign(slot, {
        ...body,
        ...(body.title !== undefined && { title: body.title.trim() }),
        ...(body.description !== undefined && { description: body.description.trim() }),
        ...(body.majors !== undefined && { majors: tidy(body.majors) }),
        ...(body.skills !== undefined && { skills: tidy(body.skills) }),
      });
      if (body.majors !== undefined) await this.majors.assertKnown(slot.majors, tx);
      await this.checkTerms(tx, slot);
      slot.searchTerms = slotSearchTerms(slot);
      await tx.getRepository(Slot).save(slot);
      return this.view(tx, slot, enterprise.name);
    });
  }

  async publish(actor: Actor, id: string): Promise<SlotView> {
    return this.db.transaction(async (tx) => {
      const { slot, enterprise } = await this.manageable(tx, actor, id);
      if (slot.state === 'open') return this.view(tx, slot, enterprise.name);
      if (slot.state !== 'draft') throw new DomainError('INVALID_TRANSITION', 'conflict', `A ${slot.state} slot cannot be published`);
      slot.state = 'open';
      await this.checkTerms(tx, slot);
      const publishedAt = now();
      await tx.getRepository(Slot).update({ id: slot.id }, { state: 'open', publishedAt });
      return this.view(tx, { ...slot, publishedAt }, enterprise.name);
    });
  }

  async close(actor: Actor, id: string): Promise<SlotView> {
    return this.db.transaction(async (tx) => {
      const { slot, enterprise } = await this.manageable(tx, actor, id);
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
    if (!slot?.enterprise || !slotsPolicy.can(actor, 'see', { state: slot.state, enterprise: slot.enterprise })) throw notFound('The slot');
    // A student never sees a teacher-practice month, a teacher never a student slot, unless they see all of the enterprise's.
    const audience = slotTypesFor(actor.role);
    if (audience && !audience.includes(slot.type) && !seesAllSlotsOf(actor, slot.enterprise)) throw notFound('The slot');
    // Only its managers are warned of terms far from the rules' usual.
    const owner = slotsPolicy.can(actor, 'manage', { state: slot.state, enterprise: slot.enterprise });
    return slotView(slot, slot.enterprise.name, owner ? slotWarnings(await this.rules.forYear(yearOf(slot.startDate)), termsOf(slot)) : []);
  }

  /**
   * The marketplace's search of open slots is the same for every student who asks the same thing,
   * and most ask the same few things: each page is kept for a moment and shared. A page may show
   * a seat count up to SEARCH_CACHE_MS old; taking a seat is decided by the accept, never by it.
   */
  async search(actor: Actor, query: SearchSlotsQuery): Promise<Page<SlotView>> {
    if (query.enterpriseId) return this.searchNow(actor, query, null);
    const audience = slotTypesFor(actor.role);
    const key = JSON.stringify([
      audience,
      query.q,
      query.type,
      query.major,
      query.district,
      query.from,
      query.to,
      query.cursor,
      query.limit,
    ]);
    const cached = this.recentPages.get(key);
    if (cached) return cached;
    const page = this.searchNow(actor, query, audience);
    this.recentPages.set(key, page);
    // A failed search is not remembered.
    page.catch(() => this.recentPages.delete(key));
    return page;
  }

  private readonly recentPages = new LRUCache<string, Promise<Page<SlotView>>>({ max: 2000, ttl: SEARCH_CACHE_MS });

  /** `audience`: the slot types the actor may find (slotTypesFor), null for every type. */
  private async searchNow(actor: Actor, query: SearchSlotsQuery, audience: readonly string[] | null): Promise<Page<SlotView>> {
    const qb = this.db.getRepository(Slot).createQueryBuilder('s').innerJoinAndSelect('s.enterprise', 'e');
    if (query.enterpriseId) {
      await this.enterpriseSeenBy(actor, query.enterpriseId);
      qb.where('s.enterprise_id = :enterpriseId', { enterpriseId: query.enterpriseId });
      if (query.state) qb.andWhere('s.state = :state', { state: query.state });
    } else {
      qb.where(`s.state = 'open'`);
    }
    if (query.type) qb.andWhere('s.type = :type', { type: query.type });
    if (audience) qb.andWhere('s.type IN (:...audience)', { audience });
    if (query.major) qb.andWhere(':major = ANY(s.majors)', { major: query.major.trim() });
    if (query.district) qb.andWhere('s.district = :district', { district: query.district });
    if (query.from) qb.andWhere('s.start_date >= :from', { from: query.from });
    if (query.to) qb.andWhere('s.end_date <= :to', { to: query.to });
    // Words people use for what the slots say (焊工 → 焊接, welding → 焊接, a major's English name → its Chinese one).
    const terms = query.q ? queryTerms(expandSynonyms(query.q, await this.majors.searchSynonyms())) : [];
    if (terms.length) qb.andWhere('s.search_terms @> :terms::text[]', { terms });
    const keys = [
      { column: 's.start_date', of: (s: Slot) => s.startDate, kind: 'date' as const },
      { column: 's.id', of: (s: Slot) => s.id, kind: 'uuid' as const },
    ];
    const probed = terms.length && !query.enterpriseId ? await this.probeWindow(query, terms, audience) : null;
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
  private async probeWindow(query: SearchSlotsQuery, terms: string[], audience: readonly string[] | null): Promise<string[] | null> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor, ['date', 'uuid']) : null;
    if (query.cursor && (!after || !UUID.test(String(after[1])))) return null; // paginate() answers INVALID_CURSOR
    const rows = await run(this.db, SEARCH_WINDOW, [
      terms,
      after ? String(after[0]) : null,
      after ? String(after[1]) : null,
      // A filter given is a filter applied, as in the full query (an empty one is none).
      query.type || null,
      query.major ? query.major.trim() : null,
      query.district || null,
      query.from || null,
      query.to || null,
      limit + 1,
      audience ? [...audience] : null,
    ]);
    return rows.length > limit ? rows.map((r) => r.id) : null;
  }

  /** Open slots ranked by fit for the student, each with its score and the reasons. */
  async recommended(actor: Actor, limit = 10): Promise<RecommendedSlot[]> {
    const student = await runOne(this.db, RECOMMENDATION_PROFILE, [actor.userId]);
    if (!student) throw notFound('The student profile');
    const now = today();
    const busy = await run(this.db, BUSY_DATES, [actor.userId]);
    const candidates = await run(this.db, RECOMMENDATION_CANDIDATES, [now, student.major, student.skills, student.preferredDistricts]);
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
    // TypeORM's own statement for the slots shown: the one bench/run.mjs explains for this figure.
    const entities = await this.db
      .getRepository(Slot)
      .find({ where: { id: In(best.map((b) => b.slot.id)) }, relations: { enterprise: true } });
    const byId = new Map(entities.map((slot) => [slot.id, slot]));
    return best.flatMap(({ slot, score, reasons, parts }) => {
      const entity = byId.get(slot.id);
      return entity ? [{ slot: slotView(entity, entity.enterprise?.name ?? ''), score, reasons, parts }] : [];
    });
  }

  /** The enterprise, if the actor sees all of its slots; otherwise it does not exist for them (404). */
  private async enterpriseSeenBy(actor: Actor, id: string, tx: DataSource | EntityManager = this.db) {
    const enterprise = await runOne(tx, SLOT_ENTERPRISE, [id]);
    if (!enterprise || !seesAllSlotsOf(actor, enterprise)) throw notFound('The enterprise');
    return enterprise;
  }

  /** The slot, locked for the change, if the actor manages it: outside the enterprise's remit 404, inside it 403 unless theirs. */
  private async manageable(tx: EntityManager, actor: Actor, id: string): Promise<{ slot: Slot; enterprise: { name: string } }> {
    if (!UUID.test(id)) throw notFound('The slot');
    const slot = await tx.getRepository(Slot).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!slot) throw notFound('The slot');
    const enterprise = await this.enterpriseSeenBy(actor, slot.enterpriseId, tx);
    if (!slotsPolicy.can(actor, 'manage', { state: slot.state, enterprise })) throw notYours();
    return { slot, enterprise };
  }

  /** The slot's own terms, the enterprise's 10 % cap on concurrent interns over its published slots, and the post's 20 % cap. */
  private async checkTerms(tx: EntityManager, slot: Slot): Promise<void> {
    const rules = await this.rules.forYear(yearOf(slot.startDate));
    checkSlotTerms(rules, termsOf(slot));
    if (!takesStudents(slot.type)) return;
    // One publisher at a time per enterprise, so that two publishes cannot both fit under the cap.
    await run(tx, LOCK_PUBLISHER, [`slot-cap:${slot.enterpriseId}`]);
    const headcount = await runOne(tx, HEADCOUNT, [slot.enterpriseId, yearOf(slot.startDate)]);
    const [{ seats }] = await run(tx, SEATS_AT_PEAK, [
      slot.enterpriseId,
      slot.startDate,
      slot.endDate,
      slot.id ?? '00000000-0000-0000-0000-000000000000',
    ]);
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
