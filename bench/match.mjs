// @ts-check
// `node bench/match.mjs` — the match-round engine (libs/domain/src/matching) on a province-sized round.
//
//   node bench/match.mjs [--students 1000000] [--slots 100000] [--choices 10] [--fill 0.65] [--skew 1]
//                        [--seed 20261129] [--runs 3] [--write <path>] [--no-solve] [--no-build] [--quick]
//
//   --fill      total capacity as a share of the students (capacities are uniform 1..2·mean-1)
//   --skew      slot popularity: a choice is slot ⌊N·u^skew⌋ for uniform u; 1 is uniform, 2 crowds the low ids
//   --write     keep the generated instance as an hr-instance v1 file at <path> (else a temporary file)
//   --no-solve  skip timing scripts/match-solve.mjs on the written file (and writing it, unless --write)
//   --no-build  use libs/domain/dist as it is
//   --quick     10^5 students over 10^4 slots
//
// The instance is generated in memory with typed arrays (seeded, so every run sees the same round):
// each student ranks `choices` distinct slots; each slot ranks every student who chose it, in a
// seeded random order. The engine runs `runs` times on it (best and median reported), its result is
// checked in full (checkMatching, blockingPairs), and then the instance is written and solved once by
// `scripts/match-solve.mjs` in a child process, to show parsing against engine time as a user sees it.
// Results: bench/results/<date>-match[-<size>].md/.json. The aim: ≤ 1.5 s of engine time and ≤ 2 GB.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { markdownTable, shareTable } from './lib/report.mjs';
import { ROOT, binOf, runOrFail } from '../scripts/lib/run.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(HERE, 'results');
const AIM = { engineSeconds: 1.5, memoryBytes: 2 * 10 ** 9 };

/**
 * The parts of the built libs/domain this bench calls.
 * @typedef {object} MatchingDomain
 * @property {string} ALGORITHM_VERSION
 * @property {(instance: Instance) => { assignment: Int32Array, matched: number, proposals: number }} deferredAcceptance
 * @property {(instance: Instance, assignment: Int32Array, limit: number) => unknown[]} checkMatching  the problems found, at most `limit`
 * @property {(instance: Instance, assignment: Int32Array, limit: number) => unknown[]} blockingPairs  at most `limit`
 * @property {(instance: Instance, chunkBytes: number) => Iterable<Uint8Array>} hrInstanceChunks  the instance as an hr-instance v1 file
 * @property {(assignment: Int32Array) => Uint8Array} encodeAssignment
 */
/** @typedef {ReturnType<typeof generate>} Instance */
/** @typedef {ReturnType<typeof parseArgs>} MatchOptions */

const options = parseArgs(process.argv.slice(2));
/** @param {string} line */
const say = (line) => console.error(line);

if (options.build) {
  say('building libs/domain …');
  runOrFail(process.execPath, [binOf('nx', 'nx'), 'run', '@skillbridge/domain:build', '--output-style=static'], {
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
/** @type {MatchingDomain} */
const domain = createRequire(import.meta.url)(path.join(ROOT, 'libs/domain/dist/index.js'));

const header = {
  startedAt: new Date().toISOString(),
  machine: machine(),
  argv: process.argv.slice(2).join(' '),
  label: options.label,
  parameters: { ...options, build: undefined, label: undefined },
  algorithm: domain.ALGORITHM_VERSION,
};
say(
  `match bench: ${fmt(options.students)} students × ${options.choices} choices over ${fmt(options.slots)} slots (fill ${options.fill}, skew ${options.skew}, seed ${options.seed}); ` +
    `${header.machine.nproc} CPUs, Node ${process.version}, load average ${header.machine.loadAverageAtStart.join(' ')}`,
);

// 1. The instance
let t = performance.now();
const instance = generate(options);
const generation = {
  seconds: secondsSince(t),
  choices: instance.choiceSlot.length,
  rankingEntries: instance.rankedStudent.length,
  totalCapacity: instance.capacity.reduce((sum, c) => sum + c, 0),
  instanceMiB: mib(
    [instance.choiceStart, instance.choiceSlot, instance.capacity, instance.rankStart, instance.rankedStudent].reduce(
      (sum, a) => sum + a.byteLength,
      0,
    ),
  ),
  rssMiB: mib(process.memoryUsage().rss),
};
say(
  `generated in ${generation.seconds.toFixed(2)} s: ${fmt(generation.choices)} choices, ` +
    `total capacity ${fmt(generation.totalCapacity)}, instance ${generation.instanceMiB} MiB`,
);

// 2. The engine, `runs` times on the same instance
// Wall time is what the aim is about; CPU time (user + system of this process) is shown beside it
// because on a shared machine the wall clock also counts the time other processes held the CPUs.
/** @type {number[]} */
const times = [];
/** @type {number[]} */
const cpuTimes = [];
/** @type {number[]} */
const loads = [];
/** @type {ReturnType<MatchingDomain['deferredAcceptance']> | undefined} */
let result;
let identical = true;
for (let run = 0; run < options.runs; run++) {
  const load = os.loadavg()[0];
  const cpu = process.cpuUsage();
  t = performance.now();
  const current = domain.deferredAcceptance(instance);
  times.push(secondsSince(t));
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1e6);
  loads.push(Number(load.toFixed(2)));
  if (result && !sameArray(result.assignment, current.assignment)) identical = false;
  result = current;
  say(
    `run ${run + 1}: ${times[run].toFixed(3)} s (cpu ${cpuTimes[run].toFixed(3)} s, load ${load.toFixed(1)}), matched ${fmt(current.matched)}, ${fmt(current.proposals)} proposals, rss ${mib(process.memoryUsage().rss)} MiB`,
  );
}
if (!result) throw new Error('no run'); // parseArgs refuses --runs 0
const sorted = [...times].sort((a, b) => a - b);
const sortedCpu = [...cpuTimes].sort((a, b) => a - b);
const engine = {
  runs: times,
  cpuRuns: cpuTimes,
  loadAverageBeforeRuns: loads,
  bestSeconds: sorted[0],
  medianSeconds: sorted[Math.floor(sorted.length / 2)],
  bestCpuSeconds: sortedCpu[0],
  medianCpuSeconds: sortedCpu[Math.floor(sortedCpu.length / 2)],
  matched: result.matched,
  matchedShare: result.matched / options.students,
  proposals: result.proposals,
  identicalRuns: identical,
  peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
};

// 3. The result, audited in full
t = performance.now();
const problems = domain.checkMatching(instance, result.assignment, 10);
const checkSeconds = secondsSince(t);
t = performance.now();
const blocking = domain.blockingPairs(instance, result.assignment, 10);
const audit = { checkMatchingSeconds: checkSeconds, problems, blockingPairsSeconds: secondsSince(t), blockingPairs: blocking, full: true };
say(
  `audit: ${problems.length} matching problems (${checkSeconds.toFixed(2)} s), ` +
    `${blocking.length} blocking pairs (${audit.blockingPairsSeconds.toFixed(2)} s)`,
);

// 4. The same round through the command a user runs: write, parse, solve, compare
/** @type {ReturnType<typeof solveFile> | undefined} */
let solve;
if (options.solve || options.write) {
  const file = options.write ?? path.join(os.tmpdir(), `skillbridge-match-${process.pid}.txt`);
  t = performance.now();
  const fd = fs.openSync(file, 'w');
  try {
    for (const chunk of domain.hrInstanceChunks(instance, 1 << 22)) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  const writeSeconds = secondsSince(t);
  const fileMiB = mib(fs.statSync(file).size);
  say(`wrote ${file} (${fileMiB} MiB) in ${writeSeconds.toFixed(2)} s`);
  if (options.solve) solve = solveFile(file, fileMiB, writeSeconds, result.assignment);
  if (!options.write) fs.rmSync(file, { force: true });
}

writeReport({
  ...header,
  machine: { ...header.machine, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
  generation,
  engine,
  audit,
  ...(solve ? { solve } : {}),
});

/**
 * Solves the written file with scripts/match-solve.mjs in a child process, as a user would.
 * @param {string} file
 * @param {number} fileMiB
 * @param {number} writeSeconds
 * @param {Int32Array} assignment  the in-memory result, to compare
 */
function solveFile(file, fileMiB, writeSeconds, assignment) {
  const out = `${file}.assignment`;
  say('solving it with scripts/match-solve.mjs …');
  const started = performance.now();
  const child = spawnSync(process.execPath, [path.join(ROOT, 'scripts/match-solve.mjs'), file, out], { encoding: 'utf8' });
  const wallSeconds = secondsSince(started);
  if (child.status !== 0) throw new Error(`match-solve failed (${child.status}):\n${child.stdout}\n${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  /** @param {string} name */
  const field = (name) => Number(new RegExp(`${name} ([0-9.]+)`).exec(child.stdout)?.[1]);
  const sameBytes = Buffer.compare(fs.readFileSync(out), Buffer.from(domain.encodeAssignment(assignment))) === 0;
  const solved = {
    file: options.write ?? '(temporary, deleted)',
    fileMiB,
    writeInstanceSeconds: writeSeconds,
    readParseSeconds: field('read\\+parse_s'),
    matchSeconds: field('match_s'),
    matchCpuSeconds: field('engine cpu_s'),
    writeAssignmentSeconds: field('write_s'),
    wallSeconds,
    peakRssMiB: field('peak_rss_mib'),
    lastLine: lines[lines.length - 1],
    sameAsInMemory: sameBytes,
  };
  say(child.stdout.trimEnd());
  fs.rmSync(out, { force: true });
  return solved;
}

// ---------------------------------------------------------------------------------------------
// The instance

/**
 * A seeded random round in typed arrays: choices drawn per student (distinct, by rejection),
 * capacities uniform around fill·S/N, and every slot ranking exactly the students who chose it,
 * shuffled (Fisher–Yates) — the costly part, done in place on one Int32Array.
 * @param {{ students: number, slots: number, choices: number, fill: number, skew: number, seed: number }} parameters
 */
function generate({ students: S, slots: N, choices, fill, skew, seed }) {
  const L = Math.min(choices, N);
  const random = mulberry32(seed);
  const unit = () => random() / 4294967296;
  const choiceStart = new Int32Array(S + 1);
  const choiceSlot = new Int32Array(S * L);
  const applicants = new Int32Array(N + 1);
  let k = 0;
  for (let s = 0; s < S; s++) {
    const from = k;
    while (k - from < L) {
      const c = skew === 1 ? (unit() * N) | 0 : (N * unit() ** skew) | 0;
      let j = from;
      while (j < k && choiceSlot[j] !== c) j++;
      if (j < k) continue;
      choiceSlot[k++] = c;
      applicants[c + 1]++;
    }
    choiceStart[s + 1] = k;
  }
  const mean = (fill * S) / N;
  const capacity = new Int32Array(N);
  const span = Math.max(1, Math.round(2 * mean - 1));
  for (let c = 0; c < N; c++) capacity[c] = 1 + Math.floor(unit() * span);

  const rankStart = applicants;
  for (let c = 0; c < N; c++) rankStart[c + 1] += rankStart[c];
  const at = rankStart.slice(0, N);
  const rankedStudent = new Int32Array(k);
  for (let s = 0; s < S; s++) {
    for (let i = choiceStart[s]; i < choiceStart[s + 1]; i++) rankedStudent[at[choiceSlot[i]]++] = s;
  }
  for (let c = 0; c < N; c++) {
    const base = rankStart[c];
    for (let i = rankStart[c + 1] - base - 1; i > 0; i--) {
      const j = Math.floor(unit() * (i + 1));
      const swap = rankedStudent[base + i];
      rankedStudent[base + i] = rankedStudent[base + j];
      rankedStudent[base + j] = swap;
    }
  }
  return { students: S, slots: N, choiceStart, choiceSlot, capacity, rankStart, rankedStudent };
}

/** @param {number} seed  @returns {() => number} a uniform 32-bit unsigned integer a call */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return (x ^ (x >>> 14)) >>> 0;
  };
}

// ---------------------------------------------------------------------------------------------
// The report

/**
 * @param {typeof header & { machine: { loadAverageAtEnd: number[] }, generation: typeof generation, engine: typeof engine, audit: typeof audit,
 *   solve?: ReturnType<typeof solveFile> }} r
 */
function writeReport(r) {
  const e = r.engine;
  const p = r.parameters;
  /** @param {boolean} ok */
  const verdict = (ok) => (ok ? '✅ met' : '❌ missed');
  const peak = Math.max(e.peakRssMiB, r.solve?.peakRssMiB ?? 0);
  const rows = [
    [
      'engine time (wall), best of ' + e.runs.length,
      `${e.bestSeconds.toFixed(3)} s (runs: ${e.runs.map((x) => x.toFixed(3)).join(', ')}; 1-min load before each: ${e.loadAverageBeforeRuns.join(', ')})`,
      `≤ ${AIM.engineSeconds} s`,
      verdict(e.bestSeconds <= AIM.engineSeconds),
    ],
    [
      'engine time (wall), median',
      `${e.medianSeconds.toFixed(3)} s`,
      `≤ ${AIM.engineSeconds} s`,
      verdict(e.medianSeconds <= AIM.engineSeconds),
    ],
    [
      'engine CPU time (user + system), best / median',
      `${e.bestCpuSeconds.toFixed(3)} / ${e.medianCpuSeconds.toFixed(3)} s (runs: ${e.cpuRuns.map((x) => x.toFixed(3)).join(', ')})`,
      '—',
      'reported',
    ],
    [
      'peak RSS, bench process (generation, instance, all runs, audit)',
      `${fmt(e.peakRssMiB)} MiB`,
      '≤ 2 GB',
      verdict(e.peakRssMiB * 2 ** 20 <= AIM.memoryBytes),
    ],
  ];
  if (r.solve) {
    const s = r.solve;
    rows.push(
      [
        'match-solve.mjs on the written file',
        `read+parse ${s.readParseSeconds.toFixed(2)} s · engine (match_s) ${s.matchSeconds.toFixed(3)} s (cpu ${s.matchCpuSeconds.toFixed(3)} s) · write ${s.writeAssignmentSeconds.toFixed(2)} s · wall ${s.wallSeconds.toFixed(2)} s (file ${fmt(s.fileMiB)} MiB)`,
        `engine ≤ ${AIM.engineSeconds} s`,
        verdict(s.matchSeconds <= AIM.engineSeconds),
      ],
      ['peak RSS, match-solve.mjs process', `${fmt(s.peakRssMiB)} MiB`, '≤ 2 GB', verdict(s.peakRssMiB * 2 ** 20 <= AIM.memoryBytes)],
    );
  }
  rows.push(
    [
      'result',
      `${fmt(e.matched)} of ${fmt(p.students)} matched (${(100 * e.matchedShare).toFixed(1)} %), ${fmt(e.proposals)} proposals`,
      '—',
      'reported',
    ],
    [
      'audit (full): checkMatching, blockingPairs',
      `${r.audit.problems.length} problems (${r.audit.checkMatchingSeconds.toFixed(2)} s), ${r.audit.blockingPairs.length} blocking pairs (${r.audit.blockingPairsSeconds.toFixed(2)} s)`,
      'none',
      verdict(r.audit.problems.length === 0 && r.audit.blockingPairs.length === 0),
    ],
    [
      'determinism',
      `${e.runs.length} runs ${e.identicalRuns ? 'identical' : 'DIFFER'}${r.solve ? `; match-solve's file ${r.solve.sameAsInMemory ? 'byte-identical to' : 'DIFFERS from'} the in-memory result` : ''}`,
      'identical',
      verdict(e.identicalRuns && (r.solve?.sameAsInMemory ?? true)),
    ],
  );
  const m = r.machine;
  const md = [
    `# Match-round engine benchmark — ${r.startedAt.slice(0, 10)}`,
    '',
    `\`node bench/match.mjs${r.argv ? ' ' + r.argv : ''}\`: student-proposing deferred acceptance with capacities (\`libs/domain/src/matching\`, built; ${r.algorithm}) ` +
      `on a seeded random round of ${fmt(p.students)} students × ${p.choices} choices over ${fmt(p.slots)} slots; each slot ranks every student who chose it, in a random order; ` +
      `total capacity ${fmt(r.generation.totalCapacity)} (fill ${p.fill}, capacities uniform), popularity skew ${p.skew}, seed ${p.seed}. Engine time is \`deferredAcceptance(instance)\` alone, ` +
      'including its rank index (choiceRanks), excluding generation and parsing.',
    '',
    markdownTable(['figure', 'value', 'aim', 'verdict'], rows),
    '',
    `Peak RSS is the process's maximum resident set (getrusage); the highest here is ${fmt(peak)} MiB. The instance itself is ${fmt(r.generation.instanceMiB)} MiB of typed arrays; ` +
      `generating it took ${r.generation.seconds.toFixed(2)} s.`,
    '',
    `Machine: ${m.nproc} CPUs (${m.model}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; load average ${m.loadAverageAtStart.join(' ')} at the start, ${m.loadAverageAtEnd.join(' ')} at the end ` +
      '(other work on the machine slows every figure).',
    '',
  ].join('\n');
  fs.mkdirSync(RESULTS, { recursive: true });
  const base = path.join(RESULTS, `${r.startedAt.slice(0, 10)}-${r.label}`);
  fs.writeFileSync(`${base}.md`, md);
  fs.writeFileSync(`${base}.json`, JSON.stringify(r, null, 2) + '\n');
  shareTable(
    'match-round engine (bench/match.mjs)',
    rows.map(([what, value, aim, verdict]) => [`matching: ${what}`, value, '—', aim, verdict]),
    path.relative(ROOT, `${base}.md`),
  );
  process.stdout.write(md);
  say(`\nwrote ${path.relative(ROOT, base)}.md and .json`);
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** @param {string[]} argv */
function parseArgs(argv) {
  const DEFAULTS = { students: 1_000_000, slots: 100_000, choices: 10, fill: 0.65, skew: 1, seed: 20261129, runs: 3 };
  /** @typedef {keyof typeof DEFAULTS} Parameter */
  /** @type {typeof DEFAULTS & { write: string | undefined, solve: boolean, build: boolean, label: string }} */
  const o = { ...DEFAULTS, write: undefined, solve: true, build: true, label: 'match' };
  const usage = () => {
    console.error(
      'usage: node bench/match.mjs [--students N] [--slots N] [--choices N] [--fill x] [--skew x] [--seed N] [--runs N] [--write path] [--no-solve] [--no-build] [--quick]',
    );
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = /** @type {Parameter} */ (arg.replace(/^--/, ''));
    if (arg === '--quick') Object.assign(o, { students: 100_000, slots: 10_000 });
    else if (arg === '--no-solve') o.solve = false;
    else if (arg === '--no-build') o.build = false;
    else if (arg === '--write') o.write = argv[++i] ?? usage();
    else if (name in DEFAULTS) {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value < 0) usage();
      o[name] = value;
    } else usage();
  }
  if (o.slots < 1 || o.students < 1 || o.runs < 1 || o.skew <= 0) usage();
  const custom = /** @type {Parameter[]} */ (['students', 'slots', 'choices', 'fill', 'skew']).some((key) => o[key] !== DEFAULTS[key]);
  o.label = custom
    ? `match-${o.students}x${o.choices}-over-${o.slots}${o.skew !== 1 ? `-skew${o.skew}` : ''}${o.fill !== DEFAULTS.fill ? `-fill${o.fill}` : ''}`
    : 'match';
  return o;
}

function machine() {
  let model = os.cpus()[0]?.model ?? 'unknown';
  try {
    model = /^model name\s*:\s*(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    /* not Linux */
  }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length,
    model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

/** @param {ArrayLike<number>} a  @param {ArrayLike<number>} b */
function sameArray(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** @param {number} start  a performance.now() */
function secondsSince(start) {
  return (performance.now() - start) / 1000;
}
/** @param {number} bytes */
function mib(bytes) {
  return Math.round(bytes / 2 ** 20);
}
/** @param {number} n */
function fmt(n) {
  return Math.round(n).toLocaleString('en');
}
