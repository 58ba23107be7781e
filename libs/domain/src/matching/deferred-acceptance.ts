import { HrInstance, StudentRankings, bitsFor, invalidInstance, rankIn } from './hr-instance';

/**
 * A cutoff that decides nothing: the slot has a free seat, or its worst held rank does not fit in
 * 16 bits. Cutoffs are 16-bit so that the array of them stays in the processor's cache (200 KB for
 * 10^5 slots) for the checks that refuse most proposals.
 */
const LOOK = 0xffff;

/** Students served per call of proposeSome. */
const TURNS = 2048;

/** Lists up to this long are matched to their ranks by a scan; longer ones by binary search. */
const SCAN = 32;

/** Ints per slot block (64 bytes, a cache line): held, seats, heap position, spare, then INLINE (rank, resume) pairs. */
const STRIDE = 16;
const INLINE = (STRIDE - 4) / 2;

/**
 * Stored with every match round beside its inputs and seed, so that a re-run can be checked
 * against the code that produced it. Bump it whenever any change could alter a round's output
 * (the engine, the tie-breaking of rankByCriteria, the lottery).
 */
export const ALGORITHM_VERSION = 'skillbridge-hr-da/1 (student-proposing deferred acceptance; lottery fnv1a32+mulberry32)';

export interface MatchResult {
  /** assignment[student] = slot, or -1 when unmatched. */
  assignment: Int32Array;
  /** Students with a slot. */
  matched: number;
  /** filled[slot] = students assigned to it (≤ its capacity). */
  filled: Int32Array;
  /** Proposals made: one per slot tried that ranks the student. */
  proposals: number;
}

/**
 * Student-proposing deferred acceptance with capacities (Gale–Shapley; Roth's hospital–residents).
 * The result is the student-optimal stable matching: no student and slot would both rather have
 * each other, every student weakly prefers it to any other stable matching, and no student gains
 * by misreporting their list (domain §3). It is unique, so the order in which students propose
 * does not matter and any correct solver prints the same assignment.
 *
 * On a 10^6-student round the cost is cache misses, not arithmetic, so the layout is chosen for them:
 * - each student's list is rewritten once as (slot, rank) entries, packed in one int when they fit,
 *   already stripped of slots that do not rank them, and ended by -1;
 * - `cutoff[c]` is the rank a proposal must beat at slot c (the worst held, once full), in 16 bits:
 *   most proposals are refused on this small array alone, without touching the slot's block;
 * - each slot's block is one cache line at a fixed place: held, seats, and a max-heap of (rank,
 *   resume) pairs, the worst held on top; `resume` is where that student's list goes on, so bumping
 *   someone needs no lookup of who they are (ids are recovered once, at the end, from the ranks).
 * A proposal is O(1), plus O(log capacity) when it bumps someone; nothing is allocated per proposal.
 * A slot repeated on a student's list changes nothing (it refuses the second proposal too), so
 * only the checks that keep reads in bounds are made here; validateHrInstance checks everything.
 *
 * For V8: each phase is a function of its own, and the hot loops over millions of items run in
 * calls of a few thousand (proposeSome, and the transpose in StudentRankings). A single long loop is
 * compiled while it runs (on-stack replacement), which re-checks its invariants at every turn and
 * drops back to the interpreter when it reaches code that has not run yet.
 */
export function deferredAcceptance(instance: HrInstance): MatchResult {
  const format = listFormat(instance);
  const rankings = new StudentRankings(instance, format.length);
  const slots = slotBlocks(instance);
  const lists = proposalLists(instance, rankings, format);
  const proposals = propose(lists, slots, instance.students);
  return collect(instance, slots, proposals);
}

interface SlotBlocks {
  cutoff: Uint16Array;
  /**
   * Slot c's block is the 64 bytes (one cache line) at c × STRIDE: held, seats, where its heap of
   * (rank, resume) pairs is, then room for that heap inline when it has at most INLINE seats (else
   * the heap lies after all the blocks). Fixed places save looking up where a block is.
   */
  block: Int32Array;
}

/**
 * How proposal lists are written. Packed, an entry is one int, rank << slotBits | slot, when both
 * fit in 31 bits (10^5 slots leave 14 bits: ranks below 16 384); else two ints, slot then rank.
 * Either way -1 ends a student's list.
 */
interface ListFormat {
  packed: boolean;
  slotBits: number;
  /** Ints the lists take at most. */
  length: number;
}

interface ProposalLists extends ListFormat {
  start: Int32Array;
  list: Int32Array;
}

function listFormat(instance: HrInstance): ListFormat {
  const { slots: N, rankStart, choiceSlot, students: S } = instance;
  let longest = 0;
  for (let c = 0; c < N; c++) longest = Math.max(longest, rankStart[c + 1] - rankStart[c]);
  const slotBits = Math.max(1, bitsFor(N - 1));
  const packed = slotBits + bitsFor(longest - 1) <= 31;
  return { packed, slotBits, length: (packed ? 1 : 2) * choiceSlot.length + S };
}

/**
 * A block per slot. A slot never holds more students than it ranks, whatever capacity it states; a
 * slot with no seat gets a heap whose only "held" rank is -1, which no proposal beats.
 */
function slotBlocks(instance: HrInstance): SlotBlocks {
  const { slots: N, capacity, rankStart } = instance;
  const cutoff = new Uint16Array(N);
  const seats = new Int32Array(N);
  let size = N * STRIDE;
  for (let c = 0; c < N; c++) {
    const cap = capacity[c];
    if (!(cap >= 0)) throw invalidInstance(`slot ${c} has a negative capacity`, { slot: c });
    const ranked = rankStart[c + 1] - rankStart[c];
    seats[c] = cap < ranked ? cap : ranked;
    cutoff[c] = seats[c] === 0 ? 0 : LOOK;
    if (seats[c] > INLINE) size += 2 * seats[c];
  }
  const block = new Int32Array(size);
  let overflow = N * STRIDE;
  for (let c = 0; c < N; c++) {
    const b = c * STRIDE;
    block[b + 1] = seats[c];
    if (seats[c] > INLINE) {
      block[b + 2] = overflow;
      overflow += 2 * seats[c];
    } else {
      block[b + 2] = b + 4;
    }
    if (seats[c] === 0) block[b + 4] = -1;
  }
  return { cutoff, block };
}

/**
 * Every student's list as (slot, rank) entries, the slots that do not rank them left out. Partition
 * by partition of StudentRankings: with short lists (the product allows 10) each (slot, student,
 * rank) entry finds its place by a scan of the student's list, all within a few KB that stay in
 * cache; longer lists go through the partition's buckets and a binary search, linear whatever their
 * length. The lists are written over the rankings' entries already read when they never catch up
 * with the entries still to read (the usual case: each student is ranked about as often as they
 * rank), which saves allocating (and the kernel zeroing) another array as large.
 */
function proposalLists(instance: HrInstance, rankings: StudentRankings, format: ListFormat): ProposalLists {
  const { students: S, choiceStart } = instance;
  const { shift, partStart, partitions } = rankings;
  let longest = 0;
  for (let s = 0; s < S; s++) longest = Math.max(longest, choiceStart[s + 1] - choiceStart[s]);
  let widest = 0;
  let inPlace = true;
  for (let p = 0, bound = 0; p < partitions; p++) {
    const first = p << shift;
    const end = Math.min(S, (p + 1) << shift);
    const choices = choiceStart[end] - choiceStart[first];
    widest = Math.max(widest, choices);
    bound += (format.packed ? 1 : 2) * choices + (end - first);
    if (bound > 2 * partStart[p + 1]) inPlace = false;
  }
  const list = inPlace ? rankings.entries : new Int32Array(format.length);
  const start = new Int32Array(S);
  const ranks = new Int32Array(longest <= SCAN ? widest : 0);
  let w = 0;
  for (let p = 0; p < partitions; p++) {
    const first = p << shift;
    const count = Math.min(S - first, 1 << shift);
    if (longest <= SCAN) {
      rankByScan(instance, rankings, p, ranks);
      w = listFromRanks(instance, format, first, count, ranks, start, list, w);
    } else {
      rankings.load(p);
      w = listBySearch(instance, format, rankings, start, list, w);
    }
  }
  return { ...format, start, list };
}

/** ranks[k - choiceStart[first]] = the rank slot choiceSlot[k] gives its student, or -1, for partition p's choices. */
function rankByScan(instance: HrInstance, rankings: StudentRankings, p: number, ranks: Int32Array): void {
  const { students: S, choiceStart, choiceSlot } = instance;
  const { entries, partStart, rankBits } = rankings;
  const rankMask = (1 << rankBits) - 1;
  const first = p << rankings.shift;
  const base = choiceStart[first];
  ranks.fill(-1, 0, choiceStart[Math.min(S, (p + 1) << rankings.shift)] - base);
  for (let e = partStart[p], to = partStart[p + 1]; e < to; e++) {
    const c = entries[2 * e];
    const packed = entries[2 * e + 1];
    const s = first + (packed >>> rankBits);
    let k = choiceStart[s];
    const end = choiceStart[s + 1];
    if (end < k) throw invalidInstance(`the student offsets decrease at student ${s}`);
    while (k < end && choiceSlot[k] !== c) k++;
    if (k === end) continue; // the slot ranks someone who did not choose it
    if (ranks[k - base] !== -1) throw invalidInstance(`slot ${c} ranks student ${s} twice`, { slot: c });
    ranks[k - base] = packed & rankMask;
  }
}

function listFromRanks(
  instance: HrInstance,
  { packed, slotBits }: ListFormat,
  first: number,
  count: number,
  ranks: Int32Array,
  listStart: Int32Array,
  list: Int32Array,
  w: number,
): number {
  const { slots: N, choiceStart, choiceSlot } = instance;
  const base = choiceStart[first];
  for (let s = first; s < first + count; s++) {
    listStart[s] = w;
    const to = choiceStart[s + 1];
    for (let k = choiceStart[s]; k < to; k++) {
      const c = choiceSlot[k];
      if (!(c >= 0 && c < N)) throw invalidInstance(`student ${s} ranks slot ${c}, out of range 0..${N - 1}`, { student: s });
      const r = ranks[k - base];
      if (r < 0) continue;
      if (packed) {
        list[w++] = (r << slotBits) | c;
      } else {
        list[w] = c;
        list[w + 1] = r;
        w += 2;
      }
    }
    list[w++] = -1;
  }
  return w;
}

function listBySearch(
  instance: HrInstance,
  { packed, slotBits }: ListFormat,
  rankings: StudentRankings,
  listStart: Int32Array,
  list: Int32Array,
  w: number,
): number {
  const { slots: N, choiceStart, choiceSlot } = instance;
  const { first, count, start, pairs } = rankings;
  for (let j = 0; j < count; j++) {
    const s = first + j;
    listStart[s] = w;
    const from = choiceStart[s];
    const to = choiceStart[s + 1];
    if (to < from) throw invalidInstance(`the student offsets decrease at student ${s}`);
    for (let k = from; k < to; k++) {
      const c = choiceSlot[k];
      if (!(c >= 0 && c < N)) throw invalidInstance(`student ${s} ranks slot ${c}, out of range 0..${N - 1}`, { student: s });
      const r = rankIn(pairs, start[j], start[j + 1], c);
      if (r < 0) continue;
      if (packed) {
        list[w++] = (r << slotBits) | c;
      } else {
        list[w] = c;
        list[w + 1] = r;
        w += 2;
      }
    }
    list[w++] = -1;
  }
  return w;
}

/**
 * The proposals. Free students wait in a ring, each as the position where their list goes on (who
 * they are is not needed to propose); a bumped student joins the back. Returns how many were made.
 * The ring is served TURNS students at a call of proposeSome (see there).
 */
function propose({ start, list, packed, slotBits }: ProposalLists, { cutoff, block }: SlotBlocks, students: number): number {
  let size = 1;
  while (size < students + 1) size *= 2;
  const ring = new Int32Array(size);
  ring.set(start);
  const state = new Int32Array(3); // head, tail, proposals
  state[1] = students;
  while (state[0] !== state[1]) proposeSome(list, packed, slotBits, cutoff, block, ring, state);
  return state[2];
}

/**
 * Serves up to TURNS students from the ring. A call this short is optimized by V8 as a whole
 * function, its constants folded; one long-running loop would be compiled while it runs (on-stack
 * replacement), which re-checks every loop-invariant value at each turn: ~15 % more instructions.
 */
function proposeSome(
  list: Int32Array,
  packed: boolean,
  slotBits: number,
  cutoff: Uint16Array,
  block: Int32Array,
  ring: Int32Array,
  state: Int32Array,
): void {
  // Module constants copied into locals: read in the loop, they would be looked up at every turn.
  const look = LOOK;
  const stride = STRIDE;
  const slotMask = (1 << slotBits) - 1;
  const mask = ring.length - 1;
  let head = state[0];
  let tail = state[1];
  let proposals = state[2];
  for (let turns = TURNS; head !== tail && turns > 0; turns--) {
    let k = ring[head];
    head = (head + 1) & mask;
    for (;;) {
      const entry = list[k];
      if (entry < 0) break; // the end of a list: this student stays unmatched
      let c: number;
      let r: number;
      if (packed) {
        c = entry & slotMask;
        r = entry >> slotBits;
        k += 1;
      } else {
        c = entry;
        r = list[k + 1];
        k += 2;
      }
      proposals++;
      const cut = cutoff[c];
      if (r > cut && cut !== look) continue; // full of students the slot ranks higher
      const b = c * stride;
      const held = block[b];
      const seats = block[b + 1];
      const heap = block[b + 2];
      if (held < seats) {
        // A free seat: sift (r, k) up from the bottom of the heap.
        let i = held;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          const above = block[heap + 2 * parent];
          if (above >= r) break;
          block[heap + 2 * i] = above;
          block[heap + 2 * i + 1] = block[heap + 2 * parent + 1];
          i = parent;
        }
        block[heap + 2 * i] = r;
        block[heap + 2 * i + 1] = k;
        block[b] = held + 1;
        if (held + 1 === seats) cutoff[c] = block[heap] < look ? block[heap] : look;
        break;
      }
      if (r > block[heap]) continue; // only reached past a cutoff of LOOK
      // r beats the worst held student, who gives up the seat and waits again.
      ring[tail] = block[heap + 1];
      tail = (tail + 1) & mask;
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= held) break;
        let larger = block[heap + 2 * child];
        if (child + 1 < held) {
          const right = block[heap + 2 * child + 2];
          if (right > larger) {
            larger = right;
            child++;
          }
        }
        if (larger <= r) break;
        block[heap + 2 * i] = larger;
        block[heap + 2 * i + 1] = block[heap + 2 * child + 1];
        i = child;
      }
      block[heap + 2 * i] = r;
      block[heap + 2 * i + 1] = k;
      cutoff[c] = block[heap] < look ? block[heap] : look;
      break;
    }
  }
  state[0] = head;
  state[1] = tail;
  state[2] = proposals;
}

/** Who holds which seat: a held rank names its student through the slot's ranking. */
function collect(instance: HrInstance, { block }: SlotBlocks, proposals: number): MatchResult {
  const { students: S, slots: N, rankStart, rankedStudent } = instance;
  const assignment = new Int32Array(S).fill(-1);
  const filled = new Int32Array(N);
  let matched = 0;
  for (let c = 0; c < N; c++) {
    const b = c * STRIDE;
    const held = block[b];
    const heap = block[b + 2];
    const ranked = rankStart[c];
    for (let i = 0; i < held; i++) assignment[rankedStudent[ranked + block[heap + 2 * i]]] = c;
    filled[c] = held;
    matched += held;
  }
  return { assignment, matched, filled, proposals };
}
