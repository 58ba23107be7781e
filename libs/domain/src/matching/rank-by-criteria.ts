import { DomainError } from '../errors';

/** What a round knows of an applicant when the enterprise lets it rank by criteria. */
export interface CriteriaApplicant {
  studentId: string;
  major: string;
  skills?: readonly string[];
}

/** The criteria a slot states: a wanted major ranks first, then the number of wanted skills held. */
export interface SlotCriteria {
  majors: readonly string[];
  skills?: readonly string[];
}

/** The recorded seed of the round and the slot being ranked: together they fix every lottery ticket. */
export interface Lottery {
  seed: string;
  slotId: string;
}

/**
 * A slot's ranking of its applicants when the enterprise did not rank them by hand (domain §3):
 * students of a wanted major first, then by how many wanted skills they hold, and ties broken by a
 * seeded lottery. Each applicant's ticket depends only on (seed, slot, student), so the ranking
 * does not depend on the order applications were loaded in, adding an applicant never reorders the
 * others, and anyone with the recorded seed can re-run the round and get the same result. Returns
 * the student ids, best first.
 */
export function rankByCriteria(applicants: readonly CriteriaApplicant[], criteria: SlotCriteria, lottery: Lottery): string[] {
  const majors = new Set(criteria.majors);
  const wanted = new Set(criteria.skills ?? []);
  const seen = new Set<string>();
  const keyed = applicants.map((applicant) => {
    if (seen.has(applicant.studentId)) {
      throw new DomainError('DUPLICATE_APPLICANT', 'invalid', `Student ${applicant.studentId} applied twice to slot ${lottery.slotId}`);
    }
    seen.add(applicant.studentId);
    return {
      id: applicant.studentId,
      major: majors.has(applicant.major) ? 1 : 0,
      skills: [...new Set(applicant.skills ?? [])].filter((skill) => wanted.has(skill)).length,
      ticket: lotteryTicket(lottery.seed, lottery.slotId, applicant.studentId),
    };
  });
  keyed.sort((a, b) => b.major - a.major || b.skills - a.skills || a.ticket - b.ticket || compareCodeUnits(a.id, b.id));
  return keyed.map((applicant) => applicant.id);
}

/**
 * A uint32 lottery ticket, lower is luckier: FNV-1a over the UTF-8 bytes of the three strings, each
 * prefixed by its byte length (so no choice of ids can make two triples collide as text), then one
 * mulberry32 step to spread the bits. Written out so that an auditor can re-implement it.
 */
export function lotteryTicket(seed: string, slotId: string, studentId: string): number {
  let hash = 0x811c9dc5;
  for (const part of [seed, slotId, studentId]) {
    const bytes = UTF8.encode(part);
    for (const byte of UTF8.encode(`${bytes.length}:`)) hash = Math.imul(hash ^ byte, 0x01000193);
    for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  }
  return mulberry32(hash >>> 0)();
}

/** Tommy Ettinger's mulberry32: a tiny seeded PRNG of uint32s, good enough for lotteries and benches. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const UTF8 = new TextEncoder();

/** Locale-free order, identical on every machine (localeCompare is not). */
const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
