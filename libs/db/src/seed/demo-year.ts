import {
  addDays,
  ageOn,
  ApplicationMove,
  ApplicationStatus,
  BookingStatus,
  checkActivation,
  checkActivationDate,
  checkBooking,
  checkCanApply,
  checkCompletionDate,
  defaultRulesFor,
  DomainError,
  EventKind,
  EventPayloads,
  IsoDate,
  lanzhouDate,
  MatchRoundMove,
  MatchRoundStatus,
  nextPlacementStatus,
  nextRoundStatus,
  nextStatus,
  PlacementMove,
  PlacementStatus,
  quotaPace,
  rangesOverlap,
  requiredIntake,
  slotSearchTerms,
  servesInYear,
  SlotType,
  yearElapsed,
} from '@skillbridge/domain';
import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Application, Booking, MatchPreference, MatchRound, MatchRoundSlot, OutboxEvent, Placement, PracticeDay, Slot } from '../entities';
import { DemoOwnership, HOSTING, KEPT_CLEAR, SKILLS_BY_MAJOR, SLOT_TITLES } from './demo-data';

/**
 * 演示数据的这一年 — the demo's year under way, relative to the day it is loaded: this year's interns (some
 * finished, most at work), applications at every step on the slots that start next, teachers' practice
 * months served, under way and booked, a round collecting and one ranked for its run, and the events that
 * tell everyone. Every record is made through the moves the domain allows, checked by its rules on the day
 * it happened (an application on the day it was made, a placement started on its first day…).
 */

/** The demo's Lanzhou calendar date for an instant. */
export const demoDay = (instant: Date): IsoDate => lanzhouDate(instant);

/** The round the seed leaves ranked with a run requested: libs/db-cli runs it (the real engine and audit) and publishes it. */
export const DEMO_ROUND_TO_PUBLISH = '岗位实习集中撮合（第一轮）';

export interface DemoStudent {
  id: string;
  local: string;
  schoolId: string;
  major: string;
  enrolmentYear: number;
  dateOfBirth: IsoDate;
}

export interface DemoPeople {
  officers: { admin?: string; edu?: string };
  schools: Array<{ id: string; level: 'secondary' | 'higher' }>;
  teachers: Array<{ id: string; local: string; schoolId: string }>;
  students: DemoStudent[];
  enterprises: Array<{
    id: string;
    index: number;
    local: string;
    name: string;
    ownership: DemoOwnership;
    industry: string;
    district: string;
    employees: number;
    verified: boolean;
    trainingBase: boolean;
  }>;
  /** Organisation → its admins' user ids (who hears of what happens there). */
  admins: Map<string, string[]>;
}

interface SeedSlot {
  id: string;
  enterpriseId: string;
  type: SlotType;
  title: string;
  startDate: IsoDate;
  endDate: IsoDate;
  applicationDeadline: IsoDate | null;
  capacity: number;
  taken: number;
}

/** The day's offsets the demo is built on (days from today). */
const NEXT_START = 90; // the slots open now start in three months…
const DEADLINE = 45; // …and take applications for six weeks
const CURRENT = { start: -100, end: 82 }; // interns at work today
const PAST = { start: -290, end: -110 }; // interns who finished

const at = (day: IsoDate, hour = 9): Date => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const rulesOn = (day: IsoDate) => defaultRulesFor(Number(day.slice(0, 4)));
const studentNumber = (local: string): number => (local === 'student' ? 1 : Number(local.replace('student', '')));

/** Walks a state machine from `from` through `moves`, each checked by the domain; returns where it ends. */
function walk<S, M>(from: S, moves: M[], next: (status: S, move: M) => S): S {
  return moves.reduce(next, from);
}

export async function loadLivingYear(tx: EntityManager, people: DemoPeople, now: Date, random: () => number): Promise<void> {
  const today = demoDay(now);
  const year = Number(today.slice(0, 4));
  const day = (offset: number): IsoDate => addDays(today, offset);
  const adminsOf = (organisationId: string): string[] => people.admins.get(organisationId) ?? [];
  const schoolAdmin = (schoolId: string): string => adminsOf(schoolId)[0];

  const events: Array<QueryDeepPartialEntity<OutboxEvent>> = [];
  /** An event for the inbox of the people named: the worker delivers it on the first start. */
  const tell = <K extends EventKind>(kind: K, subjectId: string, recipients: string[], payload: EventPayloads[K]): void => {
    events.push({
      kind,
      subjectId,
      recipients: [...new Set(recipients)].sort(),
      payload: JSON.parse(JSON.stringify(payload)) as QueryDeepPartialEntity<Record<string, unknown>>,
    });
  };

  // ——— slots: what each verified enterprise offers next, and the training base's practice window ———

  const slots = tx.getRepository(Slot);
  const offered = new Map<string, SeedSlot[]>(); // enterprise → its open slots, in SLOT_TITLES order
  const practiceSlots: SeedSlot[] = [];
  const practiceWindow = { start: `${year}-01-01` < day(-150) ? `${year}-01-01` : day(-150), end: `${year + 1}-12-31` };
  for (const enterprise of people.enterprises) {
    if (!enterprise.verified) continue;
    const e = enterprise.index;
    const titles = [...(SLOT_TITLES[enterprise.industry] ?? [])];
    // Every fifth enterprise (and the training base) also hosts teachers' practice months (§12).
    if (!enterprise.trainingBase && e % 5 === 0)
      titles.push({
        title: `${enterprise.industry}教师企业实践`,
        majors: SLOT_TITLES[enterprise.industry]?.[0]?.majors ?? [],
        practice: true,
      });
    const rows = titles.map((slot, i) => {
      const practice = enterprise.trainingBase || slot.practice === true;
      const apprenticeship = !practice && slot.title.includes('学徒');
      const wage = 3200 + Math.floor(random() * 20) * 100;
      const description = `${enterprise.name}提供的${slot.title}岗位，配备企业导师，按月发放实习报酬，购买实习责任保险。`;
      const start = practice ? practiceWindow.start : day(NEXT_START);
      const skills = slot.majors.flatMap((major) => SKILLS_BY_MAJOR[major] ?? []).slice(0, 3);
      return {
        enterpriseId: enterprise.id,
        type: practice ? ('teacher_practice' as const) : apprenticeship ? ('apprenticeship' as const) : ('internship' as const),
        title: slot.title,
        description,
        searchTerms: slotSearchTerms({ title: slot.title, description, majors: slot.majors, skills }),
        majors: slot.majors,
        skills,
        district: enterprise.district,
        startDate: start,
        endDate: practice ? practiceWindow.end : addDays(start, apprenticeship ? 364 : 182),
        capacity: practice ? 2 + (e % 3) : 2 + ((e + i) % 5) * 2,
        stipend: practice ? null : (wage * 0.85).toFixed(2),
        postWage: practice ? null : wage.toFixed(2),
        hoursPerDay: '8.0',
        applicationDeadline: practice ? null : day(DEADLINE),
        state: 'open' as const,
        publishedAt: at(day(-30)),
      };
    });
    const { identifiers } = await slots.insert(rows);
    const made = rows.map((row, i): SeedSlot => ({
      ...row,
      id: identifiers[i].id as string,
      taken: 0,
      applicationDeadline: row.applicationDeadline,
    }));
    offered.set(
      enterprise.id,
      made.filter((s) => s.type !== 'teacher_practice'),
    );
    practiceSlots.push(...made.filter((s) => s.type === 'teacher_practice'));
  }

  // ——— students: who is free when, and who may apply to what on a day ———

  const busy = new Map<string, Array<[IsoDate, IsoDate]>>();
  const isFree = (id: string, start: IsoDate, end: IsoDate): boolean =>
    !(busy.get(id) ?? []).some(([a, b]) => rangesOverlap(a, b, start, end));
  const occupy = (id: string, start: IsoDate, end: IsoDate): void => {
    busy.set(id, [...(busy.get(id) ?? []), [start, end]]);
  };
  const mayApply = (student: DemoStudent, slot: Pick<SeedSlot, 'type' | 'startDate' | 'applicationDeadline'>, on: IsoDate): boolean => {
    try {
      checkCanApply(rulesOn(on), student, { ...slot, state: 'open' }, on);
      return true;
    } catch (error) {
      if (error instanceof DomainError) return false;
      throw error;
    }
  };
  // The tests' journeys drive the first numbered accounts themselves: they start with no records.
  const pool = people.students.filter((s) => s.local !== 'student' && studentNumber(s.local) > KEPT_CLEAR.students);
  let cursor = 0;
  /** Up to `n` students who may apply to the slot on `on` and are free over its dates (taken in turn, both schools mixed). */
  const candidates = (
    n: number,
    slot: Pick<SeedSlot, 'type' | 'startDate' | 'endDate' | 'applicationDeadline'>,
    on: IsoDate,
    also: (s: DemoStudent) => boolean = () => true,
  ): DemoStudent[] => {
    const chosen: DemoStudent[] = [];
    for (let i = 0; i < pool.length && chosen.length < n; i++) {
      const student = pool[(cursor + i) % pool.length];
      if (isFree(student.id, slot.startDate, slot.endDate) && mayApply(student, slot, on) && also(student)) chosen.push(student);
    }
    cursor = (cursor + 7) % pool.length;
    return chosen;
  };

  // ——— applications and placements, each through the domain's moves ———

  const applications = tx.getRepository(Application);
  const placements = tx.getRepository(Placement);

  /**
   * A student's application made on `on`, moved through `moves` (checked by the application's state machine);
   * the school approves before an offer can be accepted, and records a guardian's consent for a minor.
   */
  const apply = async (
    student: DemoStudent,
    slot: SeedSlot,
    on: IsoDate,
    moves: ApplicationMove[],
    respondBy: IsoDate | null = null,
  ): Promise<{ id: string; status: ApplicationStatus }> => {
    if (!mayApply(student, slot, on)) throw new Error(`demo: ${student.local} may not apply to ${slot.title} on ${on}`);
    const status = walk<ApplicationStatus, ApplicationMove>('submitted', moves, nextStatus);
    const approved = moves.includes('accept') || (moves.includes('offer') && random() < 0.5);
    const minor = ageOn(student.dateOfBirth, slot.startDate) < 18;
    const decided = moves.length > 0 ? at(addDays(on, 3 * moves.length), 15) : null;
    const { identifiers } = await applications.insert({
      slotId: slot.id,
      studentId: student.id,
      schoolId: student.schoolId,
      enterpriseId: slot.enterpriseId,
      status,
      motivation: '希望在实践中提升专业技能，服从企业安排。',
      schoolApprovedAt: approved ? at(addDays(on, 2), 10) : null,
      schoolApprovedBy: approved ? schoolAdmin(student.schoolId) : null,
      guardianConsentAt: approved && minor ? at(addDays(on, 2), 10) : null,
      respondBy: status === 'offered' ? respondBy : null,
      decidedAt: decided,
    });
    return { id: identifiers[0].id as string, status };
  };

  /** An accepted application's placement, moved through `moves` on its first and last day (checked by the domain). */
  const place = async (student: DemoStudent, slot: SeedSlot, applicationId: string, moves: PlacementMove[]): Promise<string> => {
    const status = walk<PlacementStatus, PlacementMove>('pending', moves, nextPlacementStatus);
    const insurancePolicyNo = `PICC-${slot.startDate.slice(0, 4)}-${student.id.slice(0, 8).toUpperCase()}`;
    if (moves.includes('activate')) {
      checkActivation({
        kind: 'student',
        schoolApproved: true,
        insurancePolicyNo,
        guardianConsent: true,
        dateOfBirth: student.dateOfBirth,
        startDate: slot.startDate,
      });
      checkActivationDate(slot.startDate, slot.startDate <= today ? slot.startDate : today);
    }
    if (moves.includes('complete')) checkCompletionDate(slot.endDate, slot.endDate);
    occupy(student.id, slot.startDate, slot.endDate);
    const { identifiers } = await placements.insert({
      kind: 'student',
      applicationId,
      slotId: slot.id,
      enterpriseId: slot.enterpriseId,
      personId: student.id,
      schoolId: student.schoolId,
      slotType: slot.type,
      startDate: slot.startDate,
      endDate: slot.endDate,
      status,
      insurancePolicyNo: moves.includes('activate') ? insurancePolicyNo : null,
      // Started on its first day and completed on its last (9:00 and 18:00 in Lanzhou): the days served are the slot's.
      activatedAt: moves.includes('activate') ? at(slot.startDate) : null,
      completedAt: moves.includes('complete') ? at(slot.endDate, 18) : null,
      evaluation: moves.includes('complete') ? '按时完成实习任务，表现良好' : null,
    });
    return identifiers[0].id as string;
  };

  // ——— this year's interns: each hosting enterprise at the quota status HOSTING gives it, on this day ———

  const elapsed = yearElapsed(year, today);
  for (const enterprise of people.enterprises) {
    const hosting = HOSTING[enterprise.name];
    if (!hosting || !enterprise.verified || enterprise.trainingBase) continue;
    const required = requiredIntake(rulesOn(today), enterprise.employees);
    const pace = quotaPace(required, elapsed);
    const interns = {
      met: required,
      on_track: Math.max(Math.min(pace, required - 1), 1),
      at_risk: pace >= 2 ? Math.floor(pace / 2) : 1,
      // Below half its pace; hr-soe@'s own enterprise always has someone at work to show (on track early in January).
      behind: Math.max(Math.min(hosting.interns ?? 1, Math.floor(pace / 2) - 1), enterprise.local === 'hr-soe' ? 1 : 0),
    }[hosting.status];
    if (interns === 0) continue;
    const first = SLOT_TITLES[enterprise.industry]?.[0] ?? { title: '岗位实习生', majors: [] };
    const hostedHere = new Set<string>();
    const cohort = async (offsets: { start: number; end: number }, n: number, moves: PlacementMove[]): Promise<number> => {
      if (n === 0) return 0;
      const shape = { type: 'internship' as const, startDate: day(offsets.start), endDate: day(offsets.end) };
      const appliedOn = addDays(shape.startDate, -45);
      const draft = { ...shape, applicationDeadline: addDays(shape.startDate, -30) };
      // Hosted counts distinct students: each cohort of the enterprise is other people.
      const students = candidates(n, draft, appliedOn, (s) => !hostedHere.has(s.id));
      for (const s of students) hostedHere.add(s.id);
      if (students.length === 0) return 0;
      const description = `${enterprise.name}岗位实习：${first.title}，配备企业导师，按月发放实习报酬，购买实习责任保险。`;
      const skills = first.majors.flatMap((major) => SKILLS_BY_MAJOR[major] ?? []).slice(0, 3);
      const { identifiers } = await slots.insert({
        enterpriseId: enterprise.id,
        ...draft,
        title: first.title,
        description,
        searchTerms: slotSearchTerms({ title: first.title, description, majors: first.majors, skills }),
        majors: first.majors,
        skills,
        district: enterprise.district,
        capacity: students.length,
        taken: students.length,
        stipend: '3000.00',
        postWage: '3600.00',
        // Its seats are taken: no longer offered.
        state: 'closed',
        publishedAt: at(addDays(appliedOn, -10)),
      });
      const seats = students.length;
      const slot: SeedSlot = {
        ...draft,
        id: identifiers[0].id as string,
        enterpriseId: enterprise.id,
        title: first.title,
        capacity: seats,
        taken: seats,
      };
      for (const student of students) {
        const application = await apply(student, slot, appliedOn, ['shortlist', 'offer', 'accept']);
        await place(student, slot, application.id, moves);
      }
      return seats;
    };
    // A third finished earlier when their months fall in this year (they count in it); the rest are at work today.
    const past = {
      status: 'completed' as const,
      startDate: day(PAST.start),
      endDate: day(PAST.end),
      activatedOn: day(PAST.start),
      agreementSigned: true,
    };
    const finished = Math.floor(interns / 3);
    const countsNow = servesInYear(past, year, today);
    const done = await cohort(PAST, finished, ['activate', 'complete']);
    await cohort(CURRENT, countsNow ? interns - done : interns, ['activate']);
  }

  // ——— the slots that start next: applications at every step ———

  const upcoming = (index: number): SeedSlot[] => {
    const enterprise = people.enterprises.find((x) => x.index === index);
    return enterprise ? (offered.get(enterprise.id) ?? []) : [];
  };
  const takeSeat = async (slot: SeedSlot): Promise<void> => {
    slot.taken += 1;
    await slots.update({ id: slot.id }, { taken: slot.taken });
  };
  /** One application per step of `steps` on the slot, each by a student who may apply (made a few days ago). */
  const applicants = async (
    slot: SeedSlot | undefined,
    steps: ApplicationMove[][],
    only: (s: DemoStudent) => boolean = () => true,
  ): Promise<void> => {
    if (!slot) return;
    const applied = new Set<string>(); // one application per student and slot
    for (const moves of steps) {
      const on = day(-10 - Math.floor(random() * 10));
      const accepting = moves.includes('accept');
      if (accepting && slot.taken >= slot.capacity) continue;
      const [student] = candidates(1, slot, on, (s) => only(s) && !applied.has(s.id));
      if (!student) continue;
      applied.add(student.id);
      const application = await apply(student, slot, on, moves, day(7));
      // Who hears of each move is who the API tells (applications.service: the student, the enterprise's and the school's admins).
      const enterpriseAdmins = adminsOf(slot.enterpriseId);
      const everyone = [student.id, ...enterpriseAdmins, schoolAdmin(student.schoolId)];
      if (application.status === 'submitted') tell('application.submitted', application.id, everyone, { slotId: slot.id });
      if (application.status === 'shortlisted') tell('application.shortlisted', application.id, everyone, {});
      if (application.status === 'offered') tell('application.offered', application.id, everyone, { respondBy: day(7) });
      if (application.status === 'rejected') tell('application.rejected', application.id, everyone, {});
      if (accepting) {
        await takeSeat(slot);
        const placementId = await place(student, slot, application.id, []);
        tell('application.accepted', application.id, [student.id, ...enterpriseAdmins, schoolAdmin(student.schoolId)], {
          placementId,
          slotId: slot.id,
        });
      }
    }
  };
  const secondary = people.schools.find((s) => s.level === 'secondary')?.id;
  const ofSecondary = (s: DemoStudent): boolean => s.schoolId === secondary;
  const offer: ApplicationMove[] = ['shortlist', 'offer'];
  const accept: ApplicationMove[] = ['shortlist', 'offer', 'accept'];
  // hr@ (兰州飞天, the first enterprise): a full desk. Two of the 中职's students wait for their school's approval.
  const [cnc, robots] = upcoming(0);
  await applicants(cnc, [[], [], ['shortlist'], offer, accept], ofSecondary);
  await applicants(robots, [[], ['shortlist'], ['reject'], accept]);
  // Every other verified enterprise has something waiting; round slots (below) are left to their rounds.
  const ROUND_ENTERPRISES = { published: [7, 8, 15, 25], collecting: [12, 13, 20] };
  for (const enterprise of people.enterprises) {
    const e = enterprise.index;
    if (e === 0 || !enterprise.verified || [...ROUND_ENTERPRISES.published, ...ROUND_ENTERPRISES.collecting].includes(e)) continue;
    const [first, second] = offered.get(enterprise.id) ?? [];
    await applicants(first, e % 3 === 0 ? [[], offer, accept] : e % 3 === 1 ? [[], ['shortlist']] : [[], ['reject']]);
    if (e % 4 === 1) await applicants(second, [[], offer]);
  }
  // student@ is shortlisted for a BIM post of 中铁二十一局, or (while still a first-year for its dates) a DCS
  // apprenticeship of 兰州石化, which enrols from year one.
  const student = people.students.find((s) => s.local === 'student');
  const forStudent = [upcoming(9)[0], upcoming(7)[1]].find((slot) => student && slot && mayApply(student, slot, day(-6)));
  if (student && forStudent) {
    const application = await apply(student, forStudent, day(-6), ['shortlist']);
    tell('application.shortlisted', application.id, [student.id, ...adminsOf(forStudent.enterpriseId), schoolAdmin(student.schoolId)], {});
  }

  // ——— teachers' practice months: served, under way, booked (§12) ———

  // hr@'s practice slot is left to the practice journey's test; the others take the demo's teachers.
  const hrEnterprise = people.enterprises.find((x) => x.index === 0)?.id;
  const practiceOpen = practiceSlots.filter((s) => s.enterpriseId !== hrEnterprise);
  const taken = new Map<string, number>(); // `${slot} ${day}` → teachers that day
  const bookings = tx.getRepository(Booking);
  const teachers = people.teachers.filter((t) => !KEPT_CLEAR.teachers.includes(t.local));
  for (const [k, teacher] of teachers.entries()) {
    const plan: { start: number; moves: BookingStatus[] } | null =
      k === 0 || k % 4 === 1
        ? k === 0 && day(-75) < `${year}-01-01`
          ? { start: 30, moves: [] } // early in the year teacher@'s month is still ahead: booked
          : { start: k === 0 ? -75 : -120, moves: ['confirmed', 'completed'] }
        : k % 4 === 2
          ? { start: -10, moves: ['confirmed'] }
          : k % 4 === 3
            ? { start: 20 + k, moves: k % 8 === 3 ? ['confirmed'] : [] }
            : null;
    if (!plan) continue; // not yet booked this year: the school's compliance shows who
    const startDate = day(plan.start);
    const endDate = addDays(startDate, 29);
    const bookedOn = addDays(startDate, -21);
    const days = Array.from({ length: 30 }, (_, i) => addDays(startDate, i));
    const slot = practiceOpen.find((s) => days.every((d) => (taken.get(`${s.id} ${d}`) ?? 0) < s.capacity));
    if (!slot) continue;
    checkBooking(
      rulesOn(startDate),
      { type: 'teacher_practice', state: 'open', startDate: slot.startDate, endDate: slot.endDate },
      { startDate, endDate },
      bookedOn,
    );
    for (const d of days) taken.set(`${slot.id} ${d}`, (taken.get(`${slot.id} ${d}`) ?? 0) + 1);
    const completed = plan.moves.includes('completed');
    // The enterprise confirms the days served once the practice has begun: here, once it ended.
    if (completed && endDate >= today) throw new Error('demo: a practice completes after its end');
    const status = plan.moves.at(-1) ?? 'booked';
    const { identifiers } = await bookings.insert({
      slotId: slot.id,
      teacherId: teacher.id,
      schoolId: teacher.schoolId,
      enterpriseId: slot.enterpriseId,
      startDate,
      endDate,
      status,
      daysServed: completed ? 30 : null,
      evaluation: completed ? '参与生产与工艺改进，按期完成实践任务' : null,
    });
    const id = identifiers[0].id as string;
    // As practice.service tells them: the teacher, the enterprise's and the school's admins (completion: the school's).
    const told = [teacher.id, ...adminsOf(slot.enterpriseId), schoolAdmin(teacher.schoolId)];
    if (completed && plan.start > -90) tell('booking.completed', id, [teacher.id, schoolAdmin(teacher.schoolId)], {});
    if (status === 'booked') tell('booking.booked', id, told, {});
    if (status === 'confirmed' && plan.start > 0) tell('booking.confirmed', id, told, {});
  }
  const practiceDays = [...taken].map(([key, n]) => {
    const [slotId, d] = key.split(' ');
    return { slotId, day: d, taken: n };
  });
  for (let i = 0; i < practiceDays.length; i += 1000) await tx.getRepository(PracticeDay).insert(practiceDays.slice(i, i + 1000));

  // ——— match rounds: the education bureau's ranked for its run (libs/db-cli publishes it), the 中职's collecting ———

  const rounds = tx.getRepository(MatchRound);
  const round = async (
    name: string,
    owner: { organisationId: string | null; authority: 'EDU' | null; by: string },
    moves: MatchRoundMove[],
    deadline: Date,
    enterprises: number[],
    students: number,
    only: (s: DemoStudent) => boolean,
  ): Promise<void> => {
    const status = walk<MatchRoundStatus, MatchRoundMove>('draft', moves, nextRoundStatus);
    const ranked = status === 'ranking';
    const { identifiers } = await rounds.insert({
      name,
      ownerOrganisationId: owner.organisationId,
      ownerAuthority: owner.authority,
      createdBy: owner.by,
      status,
      preferenceDeadline: deadline,
      seed: `demo-${year}-${moves.length}`,
      // Asked to run (as POST …/run does): libs/db-cli's setup runs it at once.
      runRequest: ranked ? 1 : 0,
      runRequestedAt: ranked ? now : null,
    });
    const roundId = identifiers[0].id as string;
    const roundSlots = enterprises.flatMap((e) => upcoming(e).slice(0, 1));
    await tx.getRepository(MatchRoundSlot).insert(roundSlots.map((s) => ({ roundId, slotId: s.id, capacity: s.capacity - s.taken })));
    const listedOn = day(-12);
    const lists = roundSlots.length === 0 ? [] : candidates(students, roundSlots[0], listedOn, only);
    const preferences = lists.flatMap((s, i) => {
      // 1–3 of the round's slots, the student's own order; every one the student may take.
      const wanted = roundSlots.filter((slot) => mayApply(s, slot, listedOn) && isFree(s.id, slot.startDate, slot.endDate));
      if (wanted.length === 0) return [];
      const order = [...wanted.slice(i % wanted.length), ...wanted.slice(0, i % wanted.length)].slice(0, 1 + (i % 3));
      // A matched student is placed over the slot's dates: kept free of other records.
      for (const slot of order) occupy(s.id, slot.startDate, slot.endDate);
      return [{ roundId, studentId: s.id, slotIds: order.map((slot) => slot.id) }];
    });
    if (preferences.length > 0) await tx.getRepository(MatchPreference).insert(preferences);
  };
  const higher = people.schools.find((s) => s.level === 'higher')?.id;
  if (people.officers.edu)
    await round(
      DEMO_ROUND_TO_PUBLISH,
      { organisationId: null, authority: 'EDU', by: people.officers.edu },
      ['open', 'close'],
      at(day(-3), 18),
      ROUND_ENTERPRISES.published,
      16,
      (s) => s.schoolId === higher,
    );
  if (secondary)
    await round(
      '中职岗位实习撮合',
      { organisationId: secondary, authority: null, by: schoolAdmin(secondary) },
      ['open'],
      at(day(10), 18),
      ROUND_ENTERPRISES.collecting,
      8,
      ofSecondary,
    );

  for (let i = 0; i < events.length; i += 500) await tx.getRepository(OutboxEvent).insert(events.slice(i, i + 500));
}
