import fc from 'fast-check';
import fs from 'fs';
import path from 'path';
import {
  HrInstanceParser,
  encodeAssignment,
  formatAssignment,
  formatHrInstance,
  hrInstanceChunks,
  parseAssignment,
  parseHrInstance,
} from './hr-format';
import { hrInstanceFromLists, hrInstanceToLists } from './hr-instance';
import { SHARED_MATCH, arbitraryLists } from './matching.test-util';

const shared = (name: string): string => fs.readFileSync(path.join(SHARED_MATCH, name), 'utf8');
const HEADER = 'hr-instance v1\nstudents 3 slots 2\n';
const errorOf = (text: string): { code: string; message: string; line: number } | null => {
  try {
    parseHrInstance(text);
    return null;
  } catch (error) {
    const e = error as { code: string; message: string; details: { line: number } };
    return { code: e.code, message: e.message, line: e.details.line };
  }
};

describe('hr-instance v1: reading and writing', () => {
  it('reads the textbook vector into lists', () => {
    expect(hrInstanceToLists(parseHrInstance(shared('tiny-textbook.txt')))).toEqual({
      choices: [
        [0, 1],
        [0, 1],
        [0, 1],
        [1, 0],
      ],
      slots: [
        { capacity: 1, ranking: [2, 0, 1] },
        { capacity: 2, ranking: [0, 1, 3, 2] },
      ],
    });
  });

  it('writes the shared vectors back byte for byte', () => {
    for (const name of ['tiny-textbook.txt', 'small-1k.txt']) expect(formatHrInstance(parseHrInstance(shared(name)))).toBe(shared(name));
  });

  it('round-trips random instances, however the bytes are cut into chunks', () => {
    const arbitrary = arbitraryLists({ students: 40, slots: 12, capacity: 5 }).chain((lists) =>
      fc.record({
        lists: fc.constant(lists),
        cuts: fc.array(fc.nat(), { maxLength: 12 }),
        chunk: fc.integer({ min: 64, max: 256 }),
        hint: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(arbitrary, ({ lists, cuts, chunk, hint }) => {
        const instance = hrInstanceFromLists(lists);
        const bytes = Buffer.concat([...hrInstanceChunks(instance, chunk)]);
        expect(bytes.toString('utf8')).toBe(formatHrInstance(instance));
        const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const parser = new HrInstanceParser(hint ? { bytes: bytes.length } : {});
        [0, ...at].forEach((from, i) => parser.push(bytes.subarray(from, [...at, bytes.length][i])));
        expect(hrInstanceToLists(parser.end())).toEqual(lists);
      }),
      { numRuns: 200 },
    );
  });

  it('takes lines in any order, CRLF, tabs, blank lines and a missing final newline', () => {
    const text = 'hr-instance v1\r\nstudents 2 slots 2\r\n\r\nc 1 1 1\r\ns 1\t1 0\r\n  \r\nc 0 2 0 1\r\ns 0 0';
    expect(hrInstanceToLists(parseHrInstance(text))).toEqual({
      choices: [[0], [1, 0]],
      slots: [
        { capacity: 2, ranking: [0, 1] },
        { capacity: 1, ranking: [1] },
      ],
    });
  });

  it('catches a repeated id on a long line (past the first sizes of its duplicate check)', () => {
    const students = 5000;
    const ranking = Array.from({ length: students }, (_, s) => s);
    const good = `hr-instance v1\nstudents ${students} slots 1\n${ranking.map((s) => `s ${s} 0\n`).join('')}c 0 10 ${ranking.join(' ')}\n`;
    expect(parseHrInstance(good).rankedStudent).toEqual(Int32Array.from(ranking));
    const bad = good.replace(/\n$/, ' 4321\n');
    expect(errorOf(bad)).toMatchObject({ line: students + 3, message: `line ${students + 3}: slot 0 ranks student 4321 twice` });
  });

  it.each([
    ['', 1, "the file ends before its header ('hr-instance v1', then 'students <S> slots <N>')"],
    ['hr-instance v2\n', 1, "unsupported version 'v2' (this reads v1)"],
    ['hello\n', 1, "expected 'hr-instance v1', found 'hello'"],
    ['hr-instance v1\nstudents 3\n', 2, "expected 'students <S> slots <N>', found 'students 3'"],
    [`${HEADER}x 0 1\n`, 3, "unexpected 'x' (a line starts with 's' or 'c')"],
    [`${HEADER}s0 1\n`, 3, "unexpected '0' ('s' and 'c' are followed by a space)"],
    [`${HEADER}s\n`, 3, "'s' must be followed by ids"],
    [`${HEADER}s 0 1 a\n`, 3, "unexpected 'a' (ids are non-negative integers)"],
    [`${HEADER}s 0 1\nc 0 -1 0\n`, 4, "unexpected '-' (ids are non-negative integers)"],
    [`${HEADER}s 0 9999999999\n`, 3, 'a number larger than 2147483647'],
    [`${HEADER}s 3 1\n`, 3, 'student 3 out of range 0..2'],
    [`${HEADER}s 0 2\n`, 3, 'student 0 ranks slot 2, out of range 0..1'],
    [`${HEADER}s 0 1 0 1\n`, 3, 'student 0 ranks slot 1 twice'],
    [`${HEADER}s 0 1\ns 0 0\n`, 4, 'a second line for student 0 (the first is line 3)'],
    [`${HEADER}c 0 1 3\n`, 3, 'slot 0 ranks student 3, out of range 0..2'],
    [`${HEADER}c 0 1 2 0 2\n`, 3, 'slot 0 ranks student 2 twice'],
    [`${HEADER}c 1\n`, 3, 'slot 1 without a capacity'],
    [`${HEADER}c 2 1\n`, 3, 'slot 2 out of range 0..1'],
    [`${HEADER}s 0\ns 1\ns 2\nc 0 1\n`, 7, 'no line for slot 1 (1 of 2 slots have one)'],
    [`${HEADER}s 0\ns 2\nc 0 1\nc 1 1\n`, 7, 'no line for student 1 (2 of 3 students have one)'],
  ])('refuses malformed input with its line: %j', (text, line, message) => {
    expect(errorOf(text)).toEqual({ code: 'MALFORMED_HR_INSTANCE', line, message: `line ${line}: ${message}` });
  });
});

describe('assignments', () => {
  it('are one `<student> <slot>` line per student, -1 for unmatched', () => {
    const assignment = Int32Array.of(1, 1, 0, -1, 123456, 7);
    expect(formatAssignment(assignment)).toBe('0 1\n1 1\n2 0\n3 -1\n4 123456\n5 7\n');
    expect(parseAssignment(encodeAssignment(assignment), 6, 200000)).toEqual(assignment);
    expect(parseAssignment(shared('tiny-textbook.expected.txt'), 4, 2)).toEqual(Int32Array.of(1, 1, 0, -1));
  });

  it('round-trip for any assignment', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 2 ** 31 - 2 })), (slots) => {
        const assignment = Int32Array.from(slots);
        expect(parseAssignment(formatAssignment(assignment), slots.length, 2 ** 31 - 1)).toEqual(assignment);
      }),
    );
  });

  it('refuse files that do not assign every student exactly once', () => {
    expect(() => parseAssignment('0 1\n', 2, 2)).toThrow('line 1: no line for student 1');
    expect(() => parseAssignment('0 1\n0 0\n', 2, 2)).toThrow('line 2: a second line for student 0');
    expect(() => parseAssignment('0 1\n1 x\n', 2, 2)).toThrow("line 2: expected '<student> <slot>', found '1 x'");
    expect(() => parseAssignment('0 5\n1 1\n', 2, 2)).toThrow('line 1: slot 5 out of range 0..1');
  });
});
