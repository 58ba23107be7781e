// @ts-check
// `node bench/agreement-render.mjs` — rendering a tripartite agreement's PDF (libs/agreement-documents, built).
//
//   node bench/agreement-render.mjs [--renders 200] [--no-build] [--quick]
//
//   --renders   how many timed renders (after one cold render, reported apart)
//   --no-build  use libs/agreement-documents/dist as it is (bench/all.mjs builds everything first)
//   --quick     40 renders
//
// A realistic agreement: a student under 18 (so the guardian's clause and a fourth signer), insurance set, four
// signatures, so the signed PDF with its signature page (what the API renders once every party has signed).
// The first render of a process also parses the CJK font (tens of megabytes): it is reported on its own line, and
// the median and p95 are over the renders after it. Every render must give the same bytes (determinism).
// Beside it, as the floor of the same work: writing the agreement's text alone (`agreementText`), no PDF.
// The aim (issue 18): rendering an agreement ≤ 300 ms.
// Results: bench/results/<date>-agreement-render[-quick].md/.json.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ROOT, binOf, runOrFail } from '../scripts/lib/run.mjs';
import { markdownTable, ms, shareTable } from './lib/report.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(HERE, 'results');
const AIM_MS = 300;

/**
 * The parts of the built libs/agreement-documents this bench calls (its types are libs/contracts' AgreementTerms).
 * @typedef {object} AgreementDocuments
 * @property {(terms: object) => { 'zh-CN': Array<{ heading: string, paragraphs: string[] }>, en: Array<{ heading: string, paragraphs: string[] }> }} agreementText
 * @property {(input: { agreementId: string, version: number, terms: object, termsSha256: string, issuedAt: Date, signatures?: object[] }) => Promise<Buffer>} renderAgreementPdf
 * @property {(bytes: Buffer) => string} sha256Hex
 */

const options = parseArgs(process.argv.slice(2));
/** @param {string} line */
const say = (line) => console.error(line);

if (options.build) {
  say('building libs/agreement-documents …');
  runOrFail(process.execPath, [binOf('nx', 'nx'), 'run', '@skillbridge/agreement-documents:build', '--output-style=static'], {
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
/** @type {AgreementDocuments} */
const documents = createRequire(import.meta.url)(path.join(ROOT, 'libs/agreement-documents/dist/index.js'));

const terms = sampleTerms();
const termsSha256 = createHash('sha256').update(JSON.stringify(terms)).digest('hex');
const input = {
  agreementId: '5f0c2a7e-3b1d-4e8a-9c6f-2d4b7a1e8c30',
  version: 2,
  terms,
  termsSha256,
  issuedAt: new Date('2026-08-20T02:00:00Z'),
  signatures: /** @type {const} */ ([
    ['school', '王建国', 'password', '2026-08-21T01:12:09Z'],
    ['enterprise', '李晓梅', 'one_time_code', '2026-08-21T06:40:51Z'],
    ['student', '张小明', 'password', '2026-08-22T11:03:27Z'],
    ['guardian', '张大山', 'guardian_link', '2026-08-22T13:58:02Z'],
  ]).map(([party, signerName, method, signedAt]) => ({ party, signerName, version: 2, termsSha256, method, signedAt })),
};

const startedAt = new Date().toISOString();
const loadAtStart = os.loadavg().map((l) => Number(l.toFixed(2)));
say(
  `agreement-render bench: 1 cold + ${options.renders} renders; ${os.cpus().length} CPUs, Node ${process.version}, load ${loadAtStart.join(' ')}`,
);

let t = performance.now();
const first = await documents.renderAgreementPdf(input);
const coldMs = performance.now() - t;
const firstSha = documents.sha256Hex(first);

/** @type {number[]} */
const times = [];
/** @type {number[]} */
const cpuTimes = [];
let identical = true;
for (let i = 0; i < options.renders; i++) {
  const cpu = process.cpuUsage();
  t = performance.now();
  const pdf = await documents.renderAgreementPdf(input);
  times.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  if (!pdf.equals(first)) identical = false;
}

/** @type {number[]} */
const textTimes = [];
for (let i = 0; i < options.renders; i++) {
  t = performance.now();
  documents.agreementText(terms);
  textTimes.push(performance.now() - t);
}

const wall = summary(times);
const cpu = summary(cpuTimes);
const text = summary(textTimes);
const peakRssMiB = Math.round((process.resourceUsage().maxRSS * 1024) / 2 ** 20);
/** @param {boolean} ok */
const verdict = (ok) => (ok ? '✅ met' : '❌ missed');
const rows = [
  [
    `render (wall), median of ${options.renders}`,
    `${ms(wall.median)} ms`,
    `text alone ${ms(text.median)} ms`,
    `≤ ${AIM_MS} ms`,
    verdict(wall.median <= AIM_MS),
  ],
  [
    `render (wall), p95`,
    `${ms(wall.p95)} ms (max ${ms(wall.max)})`,
    `text alone ${ms(text.p95)} ms`,
    `≤ ${AIM_MS} ms`,
    verdict(wall.p95 <= AIM_MS),
  ],
  [`render CPU (user + system), median / p95`, `${ms(cpu.median)} / ${ms(cpu.p95)} ms`, '—', '—', 'reported'],
  [
    'first render of a process (parses the CJK font)',
    `${ms(coldMs)} ms`,
    '—',
    `≤ ${AIM_MS} ms`,
    coldMs <= AIM_MS ? '✅ met' : 'reported (once a process)',
  ],
  [
    'determinism',
    `${options.renders + 1} renders ${identical ? 'byte-identical' : 'DIFFER'} (${first.length.toLocaleString('en')} bytes, SHA-256 ${firstSha.slice(0, 16)}…)`,
    '—',
    'identical',
    verdict(identical),
  ],
  ['peak RSS, bench process', `${peakRssMiB} MiB`, '—', '—', 'reported'],
];

const label = `agreement-render${options.quick ? '-quick' : ''}`;
const loadAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
const md = [
  `# Agreement PDF rendering benchmark — ${startedAt.slice(0, 10)}`,
  '',
  `\`node bench/agreement-render.mjs${process.argv.length > 2 ? ' ' + process.argv.slice(2).join(' ') : ''}\`: \`renderAgreementPdf\` (libs/agreement-documents, built) on a ` +
    'realistic signed agreement — a student under 18 (guardian clause, four signers), insurance set, the signature page — ' +
    `${options.renders} times in one process after one cold render; \`agreementText\` alone beside it as the floor.`,
  '',
  markdownTable(['figure', 'value', 'beside it', 'aim', 'verdict'], rows),
  '',
  `Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; load average ${loadAtStart.join(' ')} at the start, ` +
    `${loadAtEnd.join(' ')} at the end (other work on the machine slows every figure).`,
  '',
].join('\n');
fs.mkdirSync(RESULTS, { recursive: true });
const base = path.join(RESULTS, `${startedAt.slice(0, 10)}-${label}`);
fs.writeFileSync(`${base}.md`, md);
fs.writeFileSync(
  `${base}.json`,
  `${JSON.stringify({ startedAt, renders: options.renders, coldMs, wall, cpu, text, identical, bytes: first.length, sha256: firstSha, peakRssMiB, loadAtStart, loadAtEnd }, null, 2)}\n`,
);
shareTable(
  'agreement PDF (bench/agreement-render.mjs)',
  rows.map(([what, value, beside, aim, v]) => [`agreement PDF: ${what}`, value, beside, aim, v]),
  path.relative(ROOT, `${base}.md`),
);
process.stdout.write(md);
say(`\nwrote ${path.relative(ROOT, base)}.md and .json`);
process.exit(identical ? 0 : 1);

/** @param {number[]} values */
function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (/** @type {number} */ q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

/** The terms of a realistic agreement (the shape of libs/contracts' AgreementTerms). */
function sampleTerms() {
  const schoolContact = { name: '王建国', phone: '0931-8261234', email: 'wangjg@lzvtc.edu.cn' };
  const enterpriseContact = { name: '李晓梅', phone: '13919012345', email: 'hr@lzxq-im.com' };
  return {
    rulesYear: 2026,
    school: { id: 'a3f1c2d4-0000-4000-8000-000000000001', name: '兰州市职业技术学校', contact: schoolContact },
    enterprise: {
      id: 'a3f1c2d4-0000-4000-8000-000000000002',
      name: '兰州新区智能装备制造有限公司',
      uscc: '91620100MA74A1B2C3',
      district: '兰州新区',
      contact: enterpriseContact,
    },
    student: {
      id: 'a3f1c2d4-0000-4000-8000-000000000003',
      name: '张小明',
      dateOfBirth: '2009-03-15',
      major: '机电技术应用',
      className: '2024级机电1班',
      minorAtStart: true,
    },
    guardian: { name: '张大山', phone: '13800138000', email: null },
    post: {
      slotId: 'a3f1c2d4-0000-4000-8000-000000000004',
      title: '装配工艺实习生',
      content:
        '在企业指导人员带领下，参与数控机床零部件的装配、调试与质量检验，学习装配工艺文件的识读、常用量具的使用和设备日常点检，按要求填写实习周记。',
      type: 'internship',
    },
    place: { district: '兰州新区' },
    dates: { start: '2026-09-01', end: '2027-02-28' },
    hours: { perDay: '8', nights: false, overtime: false },
    pay: { monthlyYuan: '3200.00', inMoney: true, directToStudent: true, atLeastMonthly: true },
    insurance: {
      insurer: '中国人民财产保险股份有限公司兰州市分公司',
      policyNo: 'PZAT202662010000123456',
      coverageStart: '2026-09-01',
      coverageEnd: '2027-02-28',
    },
    mentors: { school: schoolContact, enterprise: enterpriseContact },
  };
}

/** @param {string[]} argv */
function parseArgs(argv) {
  const o = { renders: 200, build: true, quick: false };
  const usage = () => {
    console.error('usage: node bench/agreement-render.mjs [--renders N] [--no-build] [--quick]');
    process.exit(2);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') Object.assign(o, { renders: 40, quick: true });
    else if (arg === '--no-build') o.build = false;
    else if (arg === '--renders') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) usage();
      o.renders = value;
    } else usage();
  }
  return o;
}
