// @ts-check
// `npm run lint`: ESLint for what code may do and depend on, Prettier (`.prettierrc.json`) for how it looks.
// Not type-checked on purpose: `tsc` already runs in `npm run typecheck`, and this has to stay fast on 2 CPUs.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import skillbridge from './tools/eslint/index.js';

const ALL_CODE = ['**/*.{ts,tsx,js,mjs,cjs}'];

// ── Layers (style.md: portal ─http─▶ api ─▶ db ─▶ domain; the worker beside the api) ──────────────
// One `no-restricted-imports` entry per folder: ESLint does not merge a rule's options across
// config objects (the last match wins), so a folder under two rules lists both (see API_SOURCE).

/** @param {string} regex @param {string} message */
const forbid = (regex, message) => ({ regex, message });

const APPS = ['api', 'worker', 'portal', 'portal-e2e'];
const NO_APPS_IN_LIBS = forbid(
  `^@skillbridge/(${APPS.join('|')})(/|$)`,
  'Libraries never import apps: move what both need into a library named after its feature.',
);

// What each library may import of ours: one direction, no cycles (checked below, when this file loads).
// libs/db holds the schema and its access over the domain; libs/runtime (config, trace context) and libs/jobs
// (job names and the producer) speak no SQL and stand beside it; a feature's logic shared by the API and the
// worker sits above libs/db in a library named after the feature; libs/db-cli (migrate, seed) sits on top.
const LIBRARY_IMPORTS = {
  contracts: [],
  domain: ['contracts'],
  db: ['domain', 'contracts'],
  runtime: ['domain', 'contracts'],
  jobs: ['domain', 'contracts'],
  accounts: ['domain', 'contracts', 'db'],
  'access-log': ['domain', 'contracts', 'db'],
  quotas: ['domain', 'contracts', 'db'],
  notifications: ['domain', 'contracts', 'db', 'runtime'],
  agreements: ['domain', 'contracts', 'db'],
  'match-rounds': ['domain', 'contracts', 'db', 'agreements'],
  // The agreement's text and PDF: pure over the terms, no database.
  'agreement-documents': ['domain', 'contracts'],
  'db-cli': ['domain', 'contracts', 'db', 'accounts', 'quotas', 'match-rounds', 'agreements'],
};

/**
 * Throws when LIBRARY_IMPORTS names a library it does not list, or a library reaches itself through others.
 * @param {string} library @param {string[]} path
 */
function assertOneWay(library, path = []) {
  const imports = LIBRARY_IMPORTS[/** @type {keyof typeof LIBRARY_IMPORTS} */ (library)];
  if (!imports) throw new Error(`eslint.config.mjs: LIBRARY_IMPORTS does not list libs/${library}`);
  if (path.includes(library))
    throw new Error(`eslint.config.mjs: libraries import each other in a cycle: ${[...path, library].join(' → ')}`);
  for (const next of imports) assertOneWay(next, [...path, library]);
}
Object.keys(LIBRARY_IMPORTS).forEach((library) => assertOneWay(library));

/** @param {string} library @param {string[]} allowed */
const onlyListedLibraries = (library, allowed) =>
  forbid(
    // Apps are left to NO_APPS_IN_LIBS, so that one import gets one message.
    `^@skillbridge/(?!(${[...allowed, ...APPS].join('|')})(/|$))`,
    `libs/${library} imports of ours only ${allowed.map((name) => `@skillbridge/${name}`).join(', ')} (LIBRARY_IMPORTS in eslint.config.mjs)` +
      (library === 'db' ? ': feature logic lives in a library named after its feature, which imports libs/db, never the reverse.' : '.'),
  );
const DOMAIN_ONLY_PLAIN = [
  // contracts stays allowed: it is the vocabulary (statuses, problem codes) the domain's rules speak, and imports nothing itself.
  forbid('^@skillbridge/(?!(domain|contracts)(/|$))', 'libs/domain depends on nothing of ours but libs/contracts.'),
  forbid(
    '^(@nestjs/|(typeorm|pg|bullmq|ioredis|react|react-dom)(/|$))',
    'libs/domain is plain TypeScript (rules a bureau could ask "why?" about): no framework, database, queue or UI here.',
  ),
];
const CONTRACTS_ONLY_ITSELF = forbid(
  '^@skillbridge/(?!contracts(/|$))',
  'libs/contracts is shared with the portal and imports nothing of ours.',
);
const PORTAL_ONLY_SHARED = forbid(
  '^@skillbridge/(?!(contracts|domain)(/|$))',
  'The portal talks to the API over HTTP: of ours it imports only @skillbridge/contracts and @skillbridge/domain.',
);
const API_NOT_OTHER_APPS = forbid(
  '^@skillbridge/(worker|portal|portal-e2e)(/|$)',
  'Apps never import each other: share through a library.',
);
const WORKER_NOT_OTHER_APPS = forbid(
  '^@skillbridge/(api|portal|portal-e2e)(/|$)',
  'Apps never import each other: share through a library.',
);

// ── Tenancy is decided in one folder (style.md: "services ask the policy; nothing else decides") ──
const TENANCY_MESSAGE = 'Who may see what is decided in apps/api/src/policies: ask the resource’s policy instead.';
const TENANCY_PATHS = [
  {
    name: '@skillbridge/domain',
    importNames: ['remitOf', 'remitIncludes', 'canSeeOrganisation', 'canAdministerOrganisation', 'canSeeOrganisationMembers'],
    message: TENANCY_MESSAGE,
  },
  { name: '@skillbridge/db', importNames: ['whereInRemit', 'remitSql'], message: TENANCY_MESSAGE },
];
const TENANCY_FOLDERS = { group: ['**/tenancy', '**/tenancy/**'], message: TENANCY_MESSAGE };

/** @param {{ paths?: object[], patterns: object[] }} restrictions */
const restrictImports = ({ paths = [], patterns }) => ({ 'no-restricted-imports': ['error', { paths, patterns }] });

export default defineConfig([
  globalIgnores([
    '**/dist/',
    '**/coverage/',
    '.data/',
    '.nx/',
    'tmp/',
    'bench/results/',
    'apps/portal-e2e/screenshots/',
    // Deliberately wrong code, linted by tools/eslint/layers.spec.ts under the paths it pretends to have.
    'tools/eslint/fixtures/',
  ]),

  { files: ALL_CODE, extends: [js.configs.recommended, tseslint.configs.recommended] },
  {
    files: ALL_CODE,
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are unused on purpose (a positional parameter, a rest sibling that drops a key).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // CommonJS outside the portal (whose package.json says "type": "module"): jest configs, test setup, these rules.
    files: ['**/*.{js,cjs}'],
    ignores: ['apps/portal/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tracing loads the OpenTelemetry SDK only when it is switched on, and synchronously: it must patch pg and
    // ioredis before main.ts loads anything else, which an `await import()` could not promise.
    files: ['apps/*/src/telemetry/tracing.ts'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['^@opentelemetry/'] }] },
  },
  {
    files: ['apps/portal/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    // The rules of hooks, and effects that name what they read (an error: a warning nobody fails on piles up).
    // Not the plugin's `recommended`: its React Compiler checks doubled the whole lint's CPU time, for a
    // compiler the portal does not use.
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },

  // House rules (tools/eslint/: each rule file says why).
  { plugins: { skillbridge } },
  {
    files: ALL_CODE,
    // Migrations are fixed DDL, written once and reviewed; their text is never built from input.
    ignores: ['libs/db/src/migrations/**'],
    rules: { 'skillbridge/no-sql-assembly': 'error' },
  },
  {
    files: ['apps/**/*.{ts,tsx,js,mjs,cjs}', 'libs/**/*.{ts,tsx,js,mjs,cjs}'],
    rules: { 'skillbridge/no-relative-import-across-projects': ['error', { root: import.meta.dirname }] },
  },
  { files: ['libs/domain/**'], rules: restrictImports({ patterns: DOMAIN_ONLY_PLAIN }) },
  { files: ['libs/contracts/**'], rules: restrictImports({ patterns: [CONTRACTS_ONLY_ITSELF] }) },
  ...Object.entries(LIBRARY_IMPORTS)
    .filter(([library]) => library !== 'domain' && library !== 'contracts')
    .map(([library, allowed]) => ({
      files: [`libs/${library}/**`],
      rules: restrictImports({ patterns: [NO_APPS_IN_LIBS, onlyListedLibraries(library, allowed)] }),
    })),
  { files: ['apps/portal/**'], rules: restrictImports({ patterns: [PORTAL_ONLY_SHARED] }) },
  { files: ['apps/worker/**'], rules: restrictImports({ patterns: [WORKER_NOT_OTHER_APPS] }) },
  { files: ['apps/api/**'], rules: restrictImports({ patterns: [API_NOT_OTHER_APPS] }) },
  {
    // API_SOURCE: the api's code outside its policies, under both the app's layer rule and tenancy.
    files: ['apps/api/src/**'],
    ignores: ['apps/api/src/policies/**'],
    rules: restrictImports({ paths: TENANCY_PATHS, patterns: [API_NOT_OTHER_APPS, TENANCY_FOLDERS] }),
  },

  // Last: layout is Prettier's job (max-len included), so every stylistic rule stays off.
  prettier,
]);
