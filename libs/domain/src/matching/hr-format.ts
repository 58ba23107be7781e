import { DomainError } from '../errors';
import { HrInstance, MAX_ENTRIES } from './hr-instance';

/**
 * hr-instance v1 (shared/match/README.md), the plain-text form of a round that any solver can read:
 *
 *     hr-instance v1
 *     students <S> slots <N>
 *     s <student> <slot> <slot> ...            most preferred first
 *     c <slot> <capacity> <student> ...        the slot's ranking, best first
 *
 * and an assignment: one `<student> <slot>` line per student, -1 for unmatched.
 */
export const HR_INSTANCE_MAGIC = 'hr-instance v1';

export const malformed = (line: number, message: string): DomainError =>
  new DomainError('MALFORMED_HR_INSTANCE', 'invalid', `line ${line}: ${message}`, { line });

const enum Phase {
  Magic,
  Counts,
  Data,
}
const enum Line {
  Empty, // nothing but blanks so far
  Kind, // inside the leading 's' or 'c'
  Student,
  Slot,
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const ZERO = 48;
const NINE = 57;
const LETTER_S = 115;
const LETTER_C = 99;

/**
 * A streaming parser: feed the file in chunks of any size (`push`), then `end()`. It works on bytes
 * and numbers only (no string per line or per token), so a file of several hundred MB costs about
 * its entries as int32 plus its line offsets, and errors name the line. Lines may come in any order
 * (students and slots each exactly once); in-order files, the usual case, need no reordering.
 *
 * The inner loop keeps its state in locals and touches only small arrays: an id repeated on one
 * line is caught by an open-addressing set stamped with the line number (sized to the longest line
 * and so in cache), not by a stamp per student, which on 10^6 students would miss the cache at
 * every entry.
 */
export class HrInstanceParser {
  private phase = Phase.Magic;
  private header = '';
  private lineNo = 1;
  private kind = Line.Empty;
  private kindByte = 0;
  /** Tokens completed on this line, the 's'/'c' included. */
  private tokens = 0;
  private inNumber = false;
  private value = 0;

  private students = 0;
  private slots = 0;
  /** Per student/slot: where its entries start in the flat array, their count, and its line (0: none yet). */
  private studentStart = new Int32Array(0);
  private studentLength = new Int32Array(0);
  private studentLine = new Int32Array(0);
  private slotStart = new Int32Array(0);
  private slotLength = new Int32Array(0);
  private slotLine = new Int32Array(0);
  private capacity = new Int32Array(0);
  private choices: Int32Array;
  private choiceCount = 0;
  private ranks: Int32Array;
  private rankCount = 0;
  private current = -1;
  private studentsInOrder = true;
  private slotsInOrder = true;
  private studentLines = 0;
  private slotLines = 0;

  /** The list the current line appends to (choices or ranks), its fill, and the bound of its ids. */
  private listing = false;
  private list: Int32Array;
  private count = 0;
  private bound = 0;
  private lineFrom = 0;
  /** The ids seen on this line: keys[h] counts when marks[h] is this line's number. */
  private keys = new Int32Array(1024);
  private marks = new Int32Array(1024);

  /**
   * `bytes`: the file's size, when known. Each list array then starts with room for every entry the
   * file could hold (an entry takes at least 2 bytes; up to 2^28), so it does not grow by copying;
   * the pages never written are never backed by memory.
   */
  constructor({ bytes = 0 }: { bytes?: number } = {}) {
    const room = Math.min(Math.max(1 << 16, Math.ceil(bytes / 2)), 1 << 28);
    this.choices = new Int32Array(room);
    this.ranks = new Int32Array(room);
    this.list = this.choices;
  }

  push(chunk: Uint8Array): this {
    let i = 0;
    const n = chunk.length;
    while (this.phase !== Phase.Data && i < n) this.headerByte(chunk[i++]);
    if (i >= n) return this;

    let inNumber = this.inNumber;
    let value = this.value;
    let listing = this.listing;
    let list = this.list;
    let count = this.count;
    let bound = this.bound;
    let line = this.lineNo;
    let keys = this.keys;
    let marks = this.marks;
    let mask = keys.length - 1;
    for (; i < n; i++) {
      const b = chunk[i];
      if (b >= ZERO && b <= NINE) {
        if (!inNumber) {
          if (this.kind < Line.Student) this.unexpected(b);
          inNumber = true;
          value = 0;
        }
        // The rest of the number's digits in a tight loop (a number may go on in the next chunk).
        value = value * 10 + (b - ZERO);
        while (i + 1 < n) {
          const digit = chunk[i + 1] - ZERO;
          if (digit < 0 || digit > 9) break;
          value = value * 10 + digit;
          i++;
        }
        if (value > MAX_ENTRIES) throw malformed(line, 'a number larger than 2147483647');
        continue;
      }
      if (inNumber && (b === SPACE || b === LF || b === TAB || b === CR)) {
        inNumber = false;
        if (listing) {
          if (value >= bound) this.outOfRange(value);
          if (2 * (count - this.lineFrom) >= keys.length) {
            this.count = count;
            this.list = list;
            this.growSet();
            keys = this.keys;
            marks = this.marks;
            mask = keys.length - 1;
          }
          let h = Math.imul(value, 0x9e3779b1) & mask;
          while (marks[h] === line) {
            if (keys[h] === value) this.repeated(value);
            h = (h + 1) & mask;
          }
          marks[h] = line;
          keys[h] = value;
          if (count === list.length) list = grow(list, line);
          list[count++] = value;
        } else {
          this.list = list;
          this.count = count;
          this.head(value);
          listing = this.listing;
          list = this.list;
          count = this.count;
          bound = this.bound;
        }
        if (b !== LF) continue;
      }
      if (b === LF) {
        this.list = list;
        this.count = count;
        this.endLine();
        listing = false;
        line = this.lineNo;
      } else if (b === SPACE || b === TAB || b === CR) {
        if (this.kind === Line.Kind) {
          this.kind = this.kindByte === LETTER_S ? Line.Student : Line.Slot;
          this.tokens = 1;
        }
      } else if ((b === LETTER_S || b === LETTER_C) && this.kind === Line.Empty) {
        this.kind = Line.Kind;
        this.kindByte = b;
      } else {
        this.unexpected(b);
      }
    }
    this.inNumber = inNumber;
    this.value = value;
    this.listing = listing;
    this.list = list;
    this.count = count;
    return this;
  }

  /** The instance, once the whole file has been pushed. */
  end(): HrInstance {
    if (this.phase !== Phase.Data) {
      if (this.header.trim() !== '' || this.phase === Phase.Counts) this.headerByte(LF);
      if ((this.phase as Phase) !== Phase.Data)
        throw malformed(this.lineNo, `the file ends before its header ('${HR_INSTANCE_MAGIC}', then 'students <S> slots <N>')`);
    }
    if (this.inNumber || this.kind !== Line.Empty) this.push(NEWLINE);
    const S = this.students;
    const N = this.slots;
    if (this.studentLines < S) {
      const missing = this.studentLine.indexOf(0);
      throw malformed(this.lineNo, `no line for student ${missing} (${this.studentLines} of ${S} students have one)`);
    }
    if (this.slotLines < N) {
      const missing = this.slotLine.indexOf(0);
      throw malformed(this.lineNo, `no line for slot ${missing} (${this.slotLines} of ${N} slots have one)`);
    }
    const [choiceStart, choiceSlot] = csr(this.studentStart, this.studentLength, this.choices, this.choiceCount, S, this.studentsInOrder);
    const [rankStart, rankedStudent] = csr(this.slotStart, this.slotLength, this.ranks, this.rankCount, N, this.slotsInOrder);
    return { students: S, slots: N, choiceStart, choiceSlot, capacity: this.capacity, rankStart, rankedStudent };
  }

  private headerByte(b: number): void {
    if (b !== LF) {
      if (this.header.length > 200) throw malformed(this.lineNo, 'not an hr-instance header');
      this.header += String.fromCharCode(b);
      return;
    }
    const text = this.header.replace(/[ \t\r]+$/, '');
    this.header = '';
    if (this.phase === Phase.Magic) {
      if (text !== HR_INSTANCE_MAGIC) {
        const version = /^hr-instance (\S+)$/.exec(text);
        throw malformed(
          this.lineNo,
          version ? `unsupported version '${version[1]}' (this reads v1)` : `expected '${HR_INSTANCE_MAGIC}', found '${text.slice(0, 40)}'`,
        );
      }
      this.phase = Phase.Counts;
    } else {
      const counts = /^students[ \t]+(\d+)[ \t]+slots[ \t]+(\d+)$/.exec(text);
      if (!counts) throw malformed(this.lineNo, `expected 'students <S> slots <N>', found '${text.slice(0, 40)}'`);
      const S = Number(counts[1]);
      const N = Number(counts[2]);
      if (S > MAX_ENTRIES || N > MAX_ENTRIES) throw malformed(this.lineNo, 'too many students or slots');
      this.students = S;
      this.slots = N;
      this.studentStart = new Int32Array(S + 1);
      this.studentLength = new Int32Array(S);
      this.studentLine = new Int32Array(S);
      this.slotStart = new Int32Array(N + 1);
      this.slotLength = new Int32Array(N);
      this.slotLine = new Int32Array(N);
      this.capacity = new Int32Array(N);
      this.phase = Phase.Data;
    }
    this.lineNo++;
  }

  /** A number before the list: the student's or slot's id, or the slot's capacity. */
  private head(value: number): void {
    const line = this.lineNo;
    const at = this.tokens++;
    if (this.kind === Line.Student) {
      if (value >= this.students) throw malformed(line, `student ${value} out of range 0..${this.students - 1}`);
      if (this.studentLine[value] !== 0)
        throw malformed(line, `a second line for student ${value} (the first is line ${this.studentLine[value]})`);
      if (value !== this.studentLines) this.studentsInOrder = false;
      this.studentLine[value] = line;
      this.studentLines++;
      this.studentStart[value] = this.choiceCount;
      this.open(value, this.choices, this.choiceCount, this.slots);
    } else if (at === 1) {
      if (value >= this.slots) throw malformed(line, `slot ${value} out of range 0..${this.slots - 1}`);
      if (this.slotLine[value] !== 0) throw malformed(line, `a second line for slot ${value} (the first is line ${this.slotLine[value]})`);
      if (value !== this.slotLines) this.slotsInOrder = false;
      this.slotLine[value] = line;
      this.slotLines++;
      this.slotStart[value] = this.rankCount;
      this.current = value;
    } else {
      this.capacity[this.current] = value;
      this.open(this.current, this.ranks, this.rankCount, this.students);
    }
  }

  private open(id: number, list: Int32Array, count: number, bound: number): void {
    this.current = id;
    this.listing = true;
    this.list = list;
    this.count = count;
    this.lineFrom = count;
    this.bound = bound;
  }

  private endLine(): void {
    const line = this.lineNo;
    if (this.kind === Line.Kind) throw malformed(line, `'${String.fromCharCode(this.kindByte)}' must be followed by ids`);
    if (this.kind === Line.Student) {
      if (this.tokens < 2) throw malformed(line, "'s' without a student id");
      this.choices = this.list;
      this.choiceCount = this.count;
      this.studentLength[this.current] = this.count - this.studentStart[this.current];
    } else if (this.kind === Line.Slot) {
      if (this.tokens < 3) throw malformed(line, this.tokens < 2 ? "'c' without a slot id" : `slot ${this.current} without a capacity`);
      this.ranks = this.list;
      this.rankCount = this.count;
      this.slotLength[this.current] = this.count - this.slotStart[this.current];
    }
    this.kind = Line.Empty;
    this.tokens = 0;
    this.listing = false;
    this.lineNo = line + 1;
  }

  /** A line longer than half the set: double it and put this line's ids back. */
  private growSet(): void {
    const size = this.keys.length * 2;
    const keys = new Int32Array(size);
    const marks = new Int32Array(size);
    const mask = size - 1;
    const line = this.lineNo;
    for (let j = this.lineFrom; j < this.count; j++) {
      const value = this.list[j];
      let h = Math.imul(value, 0x9e3779b1) & mask;
      while (marks[h] === line) h = (h + 1) & mask;
      marks[h] = line;
      keys[h] = value;
    }
    this.keys = keys;
    this.marks = marks;
  }

  private outOfRange(value: number): never {
    throw malformed(
      this.lineNo,
      this.kind === Line.Student
        ? `student ${this.current} ranks slot ${value}, out of range 0..${this.slots - 1}`
        : `slot ${this.current} ranks student ${value}, out of range 0..${this.students - 1}`,
    );
  }

  private repeated(value: number): never {
    throw malformed(
      this.lineNo,
      this.kind === Line.Student
        ? `student ${this.current} ranks slot ${value} twice`
        : `slot ${this.current} ranks student ${value} twice`,
    );
  }

  private unexpected(b: number): never {
    const shown = b >= 33 && b < 127 ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, '0')}`;
    const where =
      this.kind === Line.Empty
        ? "a line starts with 's' or 'c'"
        : this.kind === Line.Kind
          ? "'s' and 'c' are followed by a space"
          : 'ids are non-negative integers';
    throw malformed(this.lineNo, `unexpected ${shown} (${where})`);
  }
}

const NEWLINE = new Uint8Array([LF]);

function grow(array: Int32Array, line: number): Int32Array {
  if (array.length >= MAX_ENTRIES) throw malformed(line, 'more than 2^31 entries');
  const bigger = new Int32Array(Math.min(array.length * 2, MAX_ENTRIES));
  bigger.set(array);
  return bigger;
}

/** Rows to CSR: as they are when the lines came in id order, else copied into id order. */
function csr(
  start: Int32Array,
  length: Int32Array,
  flat: Int32Array,
  count: number,
  rows: number,
  inOrder: boolean,
): [Int32Array, Int32Array] {
  if (inOrder) {
    start[rows] = count;
    // A view, not a copy: the pages past `count` were never written, so they take no memory.
    return [start, flat.subarray(0, count)];
  }
  const ordered = new Int32Array(rows + 1);
  for (let i = 0; i < rows; i++) ordered[i + 1] = ordered[i] + length[i];
  const entries = new Int32Array(count);
  for (let i = 0; i < rows; i++) entries.set(flat.subarray(start[i], start[i] + length[i]), ordered[i]);
  return [ordered, entries];
}

/** Parses a whole instance held in memory. */
export function parseHrInstance(input: string | Uint8Array): HrInstance {
  return new HrInstanceParser().push(typeof input === 'string' ? UTF8.encode(input) : input).end();
}

/** The instance as hr-instance v1 text, in chunks of about `chunkBytes` (a 10^6-student file is ~10^8 bytes). */
export function* hrInstanceChunks(instance: HrInstance, chunkBytes = 1 << 20): Generator<Uint8Array> {
  const size = Math.max(chunkBytes, 64);
  let buffer = new Uint8Array(size);
  let at = 0;
  const room = size - 12; // one number and a separator always fit
  const text = (line: string) => {
    for (let i = 0; i < line.length; i++) buffer[at++] = line.charCodeAt(i);
  };
  text(`${HR_INSTANCE_MAGIC}\n`);
  text(`students ${instance.students} slots ${instance.slots}\n`);
  const rows = function* (letter: number, count: number, start: Int32Array, flat: Int32Array, second: Int32Array | null) {
    for (let i = 0; i < count; i++) {
      if (at > room - 12) {
        yield buffer.subarray(0, at);
        buffer = new Uint8Array(size);
        at = 0;
      }
      buffer[at++] = letter;
      buffer[at++] = SPACE;
      at = writeInt(buffer, at, i);
      if (second) {
        buffer[at++] = SPACE;
        at = writeInt(buffer, at, second[i]);
      }
      for (let k = start[i], to = start[i + 1]; k < to; k++) {
        if (at > room) {
          yield buffer.subarray(0, at);
          buffer = new Uint8Array(size);
          at = 0;
        }
        buffer[at++] = SPACE;
        at = writeInt(buffer, at, flat[k]);
      }
      buffer[at++] = LF;
    }
  };
  yield* rows(LETTER_S, instance.students, instance.choiceStart, instance.choiceSlot, null);
  yield* rows(LETTER_C, instance.slots, instance.rankStart, instance.rankedStudent, instance.capacity);
  if (at > 0) yield buffer.subarray(0, at);
}

/** The instance as one string (small instances: tests, fixtures). */
export function formatHrInstance(instance: HrInstance): string {
  const decoder = new TextDecoder();
  let text = '';
  for (const chunk of hrInstanceChunks(instance)) text += decoder.decode(chunk);
  return text;
}

/** An assignment as `<student> <slot>` lines (-1: unmatched), encoded straight to bytes. */
export function encodeAssignment(assignment: Int32Array): Uint8Array {
  let bytes = 0;
  for (let s = 0; s < assignment.length; s++) bytes += digits(s) + (assignment[s] < 0 ? 2 : digits(assignment[s])) + 2;
  const out = new Uint8Array(bytes);
  let at = 0;
  for (let s = 0; s < assignment.length; s++) {
    at = writeInt(out, at, s);
    out[at++] = SPACE;
    const c = assignment[s];
    if (c < 0) {
      out[at++] = 45; // '-'
      out[at++] = ZERO + 1;
    } else {
      at = writeInt(out, at, c);
    }
    out[at++] = LF;
  }
  return out;
}

export const formatAssignment = (assignment: Int32Array): string => new TextDecoder().decode(encodeAssignment(assignment));

/** Reads an assignment file back: every student exactly once, slots in range or -1. */
export function parseAssignment(input: string | Uint8Array, students: number, slots: number): Int32Array {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const assignment = new Int32Array(students).fill(-2);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const fields = /^[ \t]*(\d+)[ \t]+(-1|\d+)[ \t]*$/.exec(line);
    if (!fields) throw malformed(i + 1, `expected '<student> <slot>', found '${line.slice(0, 40)}'`);
    const s = Number(fields[1]);
    const c = Number(fields[2]);
    if (s >= students) throw malformed(i + 1, `student ${s} out of range 0..${students - 1}`);
    if (c >= slots) throw malformed(i + 1, `slot ${c} out of range 0..${slots - 1}`);
    if (assignment[s] !== -2) throw malformed(i + 1, `a second line for student ${s}`);
    assignment[s] = c;
  });
  const missing = assignment.indexOf(-2);
  if (missing >= 0) throw malformed(lines.length, `no line for student ${missing}`);
  return assignment;
}

const UTF8 = new TextEncoder();

/** Decimal digits of a non-negative int32. */
function digits(value: number): number {
  let n = 1;
  for (let bound = 10; value >= bound && n < 10; bound *= 10) n++;
  return n;
}

/** Writes a non-negative int32 in decimal at `at`; returns the position after it. */
function writeInt(out: Uint8Array, at: number, value: number): number {
  if (value < 10) {
    out[at] = ZERO + value;
    return at + 1;
  }
  const end = at + digits(value);
  let i = end;
  while (value > 0) {
    out[--i] = ZERO + (value % 10);
    value = (value / 10) | 0;
  }
  return end;
}
