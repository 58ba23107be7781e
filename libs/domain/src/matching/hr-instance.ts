import { DomainError } from '../errors';

/**
 * A hospital–residents instance (撮合轮次的输入): students with rank-order lists over slots, slots with
 * a capacity and a ranking of students. Ids are dense (0..students-1, 0..slots-1) so that a round of
 * 10^6 students fits in a few typed arrays (CSR: one flat array of entries plus one start offset per
 * row) instead of millions of small objects. The match-round service maps its uuids to these ids.
 */
export interface HrInstance {
  readonly students: number;
  readonly slots: number;
  /** Student s's choices are choiceSlot[choiceStart[s] .. choiceStart[s + 1]), most preferred first. */
  readonly choiceStart: Int32Array;
  readonly choiceSlot: Int32Array;
  readonly capacity: Int32Array;
  /** Slot c ranks rankedStudent[rankStart[c] .. rankStart[c + 1]), best first; anyone else is unacceptable to it. */
  readonly rankStart: Int32Array;
  readonly rankedStudent: Int32Array;
}

/** The same instance as plain lists: convenient in tests and for rounds built in memory. */
export interface HrLists {
  /** Per student, the slots they rank, most preferred first. */
  choices: ReadonlyArray<ReadonlyArray<number>>;
  /** Per slot, its capacity and its ranking of students, best first. */
  slots: ReadonlyArray<{ capacity: number; ranking: ReadonlyArray<number> }>;
}

/** Offsets are int32: an instance holds at most this many choices (or ranking entries). */
export const MAX_ENTRIES = 0x7fffffff;

export const invalidInstance = (message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('INVALID_HR_INSTANCE', 'invalid', message, details);

/** Packs lists into an instance, checking it (ids in range, no duplicates, capacities ≥ 0). */
export function hrInstanceFromLists(lists: HrLists): HrInstance {
  const csr = (rows: ReadonlyArray<ReadonlyArray<number>>): [Int32Array, Int32Array] => {
    const start = new Int32Array(rows.length + 1);
    for (let i = 0; i < rows.length; i++) start[i + 1] = start[i] + rows[i].length;
    const flat = new Int32Array(start[rows.length]);
    rows.forEach((row, i) => flat.set(row, start[i]));
    return [start, flat];
  };
  const [choiceStart, choiceSlot] = csr(lists.choices);
  const [rankStart, rankedStudent] = csr(lists.slots.map((slot) => slot.ranking));
  const instance: HrInstance = {
    students: lists.choices.length,
    slots: lists.slots.length,
    choiceStart,
    choiceSlot,
    capacity: Int32Array.from(lists.slots, (slot) => slot.capacity),
    rankStart,
    rankedStudent,
  };
  // Int32Array silently wraps what is not an int32 (2.5, 2^40, NaN): compare with the input.
  lists.choices.forEach((row, s) =>
    row.forEach((c, i) => {
      if (choiceSlot[choiceStart[s] + i] !== c) throw invalidInstance(`student ${s} ranks '${c}', which is not a slot id`, { student: s });
    }),
  );
  lists.slots.forEach((slot, c) => {
    if (instance.capacity[c] !== slot.capacity) throw invalidInstance(`slot ${c} has capacity '${slot.capacity}'`, { slot: c });
    slot.ranking.forEach((s, i) => {
      if (rankedStudent[rankStart[c] + i] !== s) throw invalidInstance(`slot ${c} ranks '${s}', which is not a student id`, { slot: c });
    });
  });
  validateHrInstance(instance);
  return instance;
}

/** The instance back as lists (tests, small rounds). */
export function hrInstanceToLists(instance: HrInstance): HrLists {
  const rows = (start: Int32Array, flat: Int32Array, n: number): number[][] =>
    Array.from({ length: n }, (_, i) => Array.from(flat.subarray(start[i], start[i + 1])));
  const rankings = rows(instance.rankStart, instance.rankedStudent, instance.slots);
  return {
    choices: rows(instance.choiceStart, instance.choiceSlot, instance.students),
    slots: rankings.map((ranking, c) => ({ capacity: instance.capacity[c], ranking })),
  };
}

/**
 * Throws INVALID_HR_INSTANCE unless the arrays describe an instance: offsets monotone, ids in range,
 * capacities ≥ 0, no slot twice on a student's list and no student twice in a slot's ranking (a
 * rank order names each once). O(size).
 */
export function validateHrInstance(instance: HrInstance): void {
  const { students: S, slots: N } = instance;
  if (!Number.isInteger(S) || S < 0 || !Number.isInteger(N) || N < 0) throw invalidInstance('students and slots must be counts');
  if (instance.capacity.length !== N) throw invalidInstance(`capacity has ${instance.capacity.length} entries for ${N} slots`);
  checkRows('student', instance.choiceStart, instance.choiceSlot, S, 'slot', N);
  checkRows('slot', instance.rankStart, instance.rankedStudent, N, 'student', S);
  for (let c = 0; c < N; c++) {
    if (instance.capacity[c] < 0) throw invalidInstance(`slot ${c} has a negative capacity`, { slot: c });
  }
}

function checkRows(row: string, start: Int32Array, flat: Int32Array, rows: number, entry: string, range: number): void {
  if (start.length !== rows + 1 || start[0] !== 0 || start[rows] !== flat.length) {
    throw invalidInstance(`the ${row} offsets do not describe ${flat.length} entries over ${rows} ${row}s`);
  }
  // seen[x] = the last row that named x (+1, so that 0 means never): duplicates in O(1) each.
  const seen = new Int32Array(range);
  for (let i = 0; i < rows; i++) {
    const from = start[i];
    const to = start[i + 1];
    if (to < from) throw invalidInstance(`the ${row} offsets decrease at ${row} ${i}`);
    for (let k = from; k < to; k++) {
      const x = flat[k];
      if (x < 0 || x >= range) throw invalidInstance(`${row} ${i} names ${entry} ${x}, out of range 0..${range - 1}`, { [row]: i });
      if (seen[x] === i + 1) throw invalidInstance(`${row} ${i} names ${entry} ${x} twice`, { [row]: i });
      seen[x] = i + 1;
    }
  }
}

/**
 * The slots' rankings turned around: for each student, the (slot, rank) pairs of the slots that
 * rank them, served one partition of students at a time.
 *
 * This transpose is the one costly step besides the proposals (10^7 entries at 10^6 students), and
 * written naively, entry by entry into a student's bucket, nearly every write misses the cache. So
 * it is a radix partition in two passes: the constructor sorts the entries into (usually ≤ 1024)
 * partitions by the high bits of the student id (few enough write streams to stay in cache), each entry two
 * ints: the slot, then the student's low bits and the rank packed together; `load(p)` then buckets
 * one partition by student into small buffers that stay in cache while the caller reads them.
 * Both passes are stable and the slots are read in order, so each student's pairs come sorted by
 * slot. Checks ids and duplicates on the way.
 */
export class StudentRankings {
  readonly partitions: number;
  /** Partition p holds students p << shift .. (p + 1) << shift - 1 and entries partStart[p] .. partStart[p + 1]. */
  readonly shift: number;
  readonly partStart: Int32Array;
  /** Entry e: entries[2e] = slot, entries[2e + 1] = (student - first) << rankBits | rank; grouped by partition, in slot order within each. */
  readonly entries: Int32Array;
  readonly rankBits: number;
  /** After load(p): students first .. first + count - 1; student s's pairs are pairs[2j], pairs[2j + 1] for j in start[s - first] .. start[s - first + 1]. */
  first = 0;
  count = 0;
  readonly start: Int32Array;
  readonly pairs: Int32Array;
  private readonly students: number;

  /** `room`: a length the entries array must have at least (a caller may reuse it once read). */
  constructor(instance: HrInstance, room = 0) {
    const { students: S, slots: N, choiceStart, choiceSlot, rankStart, rankedStudent } = instance;
    if (instance.capacity.length !== N || choiceStart.length !== S + 1 || rankStart.length !== N + 1) {
      throw invalidInstance('the instance arrays do not match its counts');
    }
    if (choiceStart[0] !== 0 || choiceStart[S] !== choiceSlot.length || rankStart[0] !== 0 || rankStart[N] !== rankedStudent.length) {
      throw invalidInstance('the instance offsets do not cover its entries');
    }
    let longest = 0;
    for (let c = 0; c < N; c++) {
      if (rankStart[c + 1] < rankStart[c]) throw invalidInstance(`the slot offsets decrease at slot ${c}`);
      longest = Math.max(longest, rankStart[c + 1] - rankStart[c]);
    }
    // Ranks take the bits they need, the student's place in its partition the rest: partitions of
    // 1024 students, larger past 2^20 students so that there are at most 1024 of them, smaller
    // only when rankings are so long that their ranks leave fewer bits.
    const rankBits = Math.max(1, bitsFor(longest - 1));
    let shift = 10;
    while ((Math.max(S, 1) - 1) >>> shift > 1023) shift++;
    shift = Math.min(shift, 31 - rankBits);
    const parts = ((Math.max(S, 1) - 1) >>> shift) + 1;
    const partStart = countByPartition(instance, shift, parts);
    let largest = 0;
    for (let p = 0; p < parts; p++) {
      largest = Math.max(largest, partStart[p + 1]);
      partStart[p + 1] += partStart[p];
    }
    this.entries = scatterByPartition(instance, shift, rankBits, partStart, room);
    this.students = S;
    this.shift = shift;
    this.rankBits = rankBits;
    this.partitions = parts;
    this.partStart = partStart;
    this.start = new Int32Array(Math.min(S, 1 << shift) + 1);
    this.pairs = new Int32Array(2 * largest);
  }

  /** Buckets partition p by student into start and pairs. */
  load(p: number): void {
    const { entries, start, pairs, rankBits } = this;
    const rankMask = (1 << rankBits) - 1;
    const from = this.partStart[p];
    const to = this.partStart[p + 1];
    const first = p << this.shift;
    const count = Math.min(this.students - first, 1 << this.shift);
    start.fill(0, 0, count + 1);
    for (let e = from; e < to; e++) start[(entries[2 * e + 1] >>> rankBits) + 1]++;
    for (let j = 0; j < count; j++) start[j + 1] += start[j];
    for (let e = from; e < to; e++) {
      const packed = entries[2 * e + 1];
      const at = 2 * start[packed >>> rankBits]++;
      pairs[at] = entries[2 * e];
      pairs[at + 1] = packed & rankMask;
    }
    // The fill moved each start to the next student's: shift them back.
    for (let j = count; j > 0; j--) start[j] = start[j - 1];
    start[0] = 0;
    // Sorted by slot: a slot that ranks a student twice shows as two equal neighbours.
    for (let j = 0; j < count; j++) {
      for (let i = start[j] + 1, end = start[j + 1]; i < end; i++) {
        if (pairs[2 * i] === pairs[2 * i - 2])
          throw invalidInstance(`slot ${pairs[2 * i]} ranks student ${first + j} twice`, { slot: pairs[2 * i] });
      }
    }
    this.first = first;
    this.count = count;
  }
}

/** Bits needed to write n ≥ 0 (0 for 0). */
export const bitsFor = (n: number): number => (n <= 0 ? 0 : 32 - Math.clz32(n));

// The passes over all ranking entries go a few thousand entries per call: V8 optimizes a short
// function as a whole, while a single long-running loop is compiled as it runs (on-stack
// replacement), re-checking every loop-invariant value at each turn.
const CHUNK = 1 << 14;

function countByPartition(instance: HrInstance, shift: number, parts: number): Int32Array {
  const partStart = new Int32Array(parts + 1);
  for (let c = 0; c < instance.slots;) c = countSome(instance, shift, partStart, c);
  return partStart;
}

/** Counts the entries of slots c0 .. (about CHUNK entries on); returns the slot to go on from. */
function countSome(instance: HrInstance, shift: number, partStart: Int32Array, c0: number): number {
  const { students: S, slots: N, rankStart, rankedStudent } = instance;
  const limit = rankStart[c0] + CHUNK;
  let c = c0;
  do {
    for (let i = rankStart[c], to = rankStart[c + 1]; i < to; i++) {
      const s = rankedStudent[i];
      if (!(s >= 0 && s < S)) throw invalidInstance(`slot ${c} ranks student ${s}, out of range 0..${S - 1}`, { slot: c });
      partStart[(s >> shift) + 1]++;
    }
    c++;
  } while (c < N && rankStart[c] < limit);
  return c;
}

function scatterByPartition(instance: HrInstance, shift: number, rankBits: number, partStart: Int32Array, room: number): Int32Array {
  const entries = new Int32Array(Math.max(2 * instance.rankedStudent.length, room));
  const fill = partStart.slice(0, partStart.length - 1);
  for (let c = 0; c < instance.slots;) c = scatterSome(instance, shift, rankBits, fill, entries, c);
  return entries;
}

function scatterSome(instance: HrInstance, shift: number, rankBits: number, fill: Int32Array, entries: Int32Array, c0: number): number {
  const { slots: N, rankStart, rankedStudent } = instance;
  const low = (1 << shift) - 1;
  const limit = rankStart[c0] + CHUNK;
  let c = c0;
  do {
    const from = rankStart[c];
    for (let i = from, to = rankStart[c + 1]; i < to; i++) {
      const s = rankedStudent[i];
      const at = 2 * fill[s >> shift]++;
      entries[at] = c;
      entries[at + 1] = ((s & low) << rankBits) | (i - from);
    }
    c++;
  } while (c < N && rankStart[c] < limit);
  return c;
}

/** The rank slot c gives in one student's sorted (slot, rank) pairs [from, to), or -1. */
export function rankIn(pairs: Int32Array, from: number, to: number, c: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const slot = pairs[2 * mid];
    if (slot < c) lo = mid + 1;
    else if (slot > c) hi = mid - 1;
    else return pairs[2 * mid + 1];
  }
  return -1;
}

/**
 * For every choice k (student s ranks slot c = choiceSlot[k]), the rank slot c gives s, or -1 when
 * s is unacceptable to c: what makes checking a proposal O(1) (see StudentRankings for the cost).
 */
export function choiceRanks(instance: HrInstance): { rankOfChoice: Int32Array } {
  const { slots: N, choiceStart, choiceSlot } = instance;
  const rankings = new StudentRankings(instance);
  const rankOfChoice = new Int32Array(choiceSlot.length);
  for (let p = 0; p < rankings.partitions; p++) {
    rankings.load(p);
    const { first, count, start, pairs } = rankings;
    for (let j = 0; j < count; j++) {
      const s = first + j;
      const from = choiceStart[s];
      const to = choiceStart[s + 1];
      if (to < from) throw invalidInstance(`the student offsets decrease at student ${s}`);
      for (let k = from; k < to; k++) {
        const c = choiceSlot[k];
        if (!(c >= 0 && c < N)) throw invalidInstance(`student ${s} ranks slot ${c}, out of range 0..${N - 1}`, { student: s });
        rankOfChoice[k] = rankIn(pairs, start[j], start[j + 1], c);
      }
    }
  }
  return { rankOfChoice };
}
