// @ts-check
// `npm run match:solve -- <instance> <assignment-out> [--check]` — solves an hr-instance v1 file
// (shared/match/README.md) with the domain's deferred-acceptance engine and writes the assignment,
// one `<student> <slot>` line per student (-1: unmatched). Runs the built library
// (libs/domain/dist; build it with `npx nx run @skillbridge/domain:build`).
//
//   --check   afterwards, verify the assignment (capacities, acceptability, no blocking pair)
//
// The last line of the summary is `matched <m> of <S> students; match_s <seconds>`, where match_s is
// the engine alone (reading, parsing and writing are reported on the lines before it).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'libs/domain/dist/index.js');
const USAGE = 'usage: node scripts/match-solve.mjs <instance> <assignment-out> [--check]';

const args = process.argv.slice(2);
const check = args.includes('--check');
const files = args.filter((arg) => arg !== '--check');
const unknown = files.find((arg) => arg.startsWith('--'));
if (files.length !== 2 || unknown) {
  console.error(unknown ? `unknown option ${unknown}\n${USAGE}` : USAGE);
  process.exit(2);
}
const [instancePath, outPath] = files;
if (!fs.existsSync(DIST)) {
  console.error(`${path.relative(ROOT, DIST)} is missing: run \`npx nx run @skillbridge/domain:build\` first`);
  process.exit(2);
}
const domain = createRequire(import.meta.url)(DIST);

/** The errors the engine and the parser throw: a code, and the line of a malformed file. */
/** @typedef {Error & { code?: string, details: { line: number } }} EngineError */

/** @param {number} from  @param {number} to  performance.now() values */
const seconds = (from, to) => ((to - from) / 1000).toFixed(4);

// Read in chunks straight into the streaming parser: the file is never held whole, nor as text.
const t0 = performance.now();
let instance;
let bytes = 0;
try {
  const parser = new domain.HrInstanceParser({ bytes: fs.statSync(instancePath).size });
  const fd = fs.openSync(instancePath, 'r');
  const chunk = Buffer.allocUnsafe(1 << 22);
  try {
    for (let n; (n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0; bytes += n) parser.push(chunk.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  instance = parser.end();
} catch (thrown) {
  const error = /** @type {EngineError | undefined} */ (thrown);
  if (error?.code === 'MALFORMED_HR_INSTANCE') {
    console.error(`${instancePath}:${error.details.line}: ${error.message.replace(/^line \d+: /, '')}`);
    process.exit(1);
  }
  if (error?.code === 'ENOENT' || error?.code === 'EISDIR') {
    console.error(`cannot read ${instancePath}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
const t1 = performance.now();

let result;
const cpu0 = process.cpuUsage();
try {
  result = domain.deferredAcceptance(instance);
} catch (thrown) {
  const error = /** @type {EngineError | undefined} */ (thrown);
  if (error?.code === 'INVALID_HR_INSTANCE') {
    console.error(`${instancePath}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);

fs.writeFileSync(outPath, domain.encodeAssignment(result.assignment));
const t3 = performance.now();

const choices = instance.choiceSlot.length;
const ranked = instance.rankedStudent.length;
console.log(
  `${path.basename(instancePath)}: ${instance.students} students, ${instance.slots} slots, ${choices} choices, ${ranked} ranking entries (${(bytes / 2 ** 20).toFixed(1)} MiB)`,
);
console.log(
  `algorithm ${domain.ALGORITHM_VERSION}; ${result.proposals} proposals; engine cpu_s ${((cpu.user + cpu.system) / 1e6).toFixed(4)}`,
);
if (check) {
  const problems = domain.checkMatching(instance, result.assignment, 10);
  const blocking = domain.blockingPairs(instance, result.assignment, 10);
  console.log(
    `check: ${problems.length === 0 ? 'a matching (capacities and acceptability hold)' : `NOT a matching: ${JSON.stringify(problems)}`}; ` +
      `${blocking.length === 0 ? 'stable (no blocking pair)' : `NOT stable: ${JSON.stringify(blocking)}`}; check_s ${seconds(t3, performance.now())}`,
  );
  if (problems.length > 0 || blocking.length > 0) process.exitCode = 1;
}
console.log(
  `read+parse_s ${seconds(t0, t1)}; write_s ${seconds(t2, t3)}; peak_rss_mib ${Math.round(process.resourceUsage().maxRSS / 1024)}; wrote ${outPath}`,
);
console.log(`matched ${result.matched} of ${instance.students} students; match_s ${seconds(t1, t2)}`);
