// @ts-check
// The command line of `node bench/run.mjs`, and what follows from it: sizes, run lengths, names, folders.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATA } from '../../scripts/lib/run.mjs';
import { SIZES } from '../lib/data.mjs';

const FLAGS = ['--quick', '--keep', '--no-build', '--what-if'];

/** bench/ (hello-server.mjs, results/). */
export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS = path.join(BENCH_DIR, 'results');
/** The bench's own PostgreSQL and Redis data (when DATABASE_URL / REDIS_URL are unset), and the children's logs. */
export const BENCH_DATA = path.join(DATA, 'bench');
export const LOGS = path.join(BENCH_DATA, 'logs');

/** The change the report recommends that can be tried on the database alone (see --what-if). */
export const WHAT_IF_SQL = [
  `CREATE INDEX users_admins_by_organisation ON users (organisation_id) WHERE role IN ('enterprise_admin', 'school_admin')`,
  'ANALYZE users',
];

/** @typedef {ReturnType<typeof readOptions>} MarketplaceOptions */
/** @typedef {MarketplaceOptions['seconds']} RunSeconds */

/**
 * The options, or exit 2 with the usage on an unknown one.
 * @param {string[]} argv  the arguments after the script
 */
export function readOptions(argv) {
  const args = new Set(argv);
  for (const arg of args) {
    if (!FLAGS.includes(arg)) {
      console.error(`unknown option ${arg}\nusage: node bench/run.mjs ${FLAGS.map((o) => `[${o}]`).join(' ')}`);
      process.exit(2);
    }
  }
  const quick = args.has('--quick');
  /** @type {'quick' | 'full'} */
  const mode = quick ? 'quick' : 'full';
  return {
    mode,
    keep: args.has('--keep'),
    build: !args.has('--no-build'),
    whatIf: args.has('--what-if'),
    sizes: SIZES[mode],
    seconds: quick
      ? { run: 5, search: 5, recommended: 10, single: 3, warmup: 1, raw: 5, hotMax: 45, quiet: 30 }
      : { run: 15, search: 20, recommended: 15, single: 5, warmup: 3, raw: 10, hotMax: 60, quiet: 60 },
    connections: 50,
    // Named after this process: two benches on one server never drop each other's database.
    databaseName: `sb_bench_${process.pid}`,
  };
}
