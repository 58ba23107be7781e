import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { TestApi } from '../../../test/support/test-api';

/**
 * The contract outside clients read: /api/docs-json of the built API, linted by Redocly with the
 * recommended rules (redocly.yaml), as CI runs it. No error, and no warning about responses or
 * security; and every operation documents its success, its problem codes and its security.
 */

const ROOT = path.resolve(__dirname, '../../..');
const REDOCLY = path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
/** The rules about what an operation answers and what it needs: none of them may even warn. */
const RESPONSE_OR_SECURITY = /response|security|server/i;

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer?: string }>;
}

interface ProblemSchema {
  allOf?: Array<{ $ref?: string; properties?: { code?: { enum?: string[] } } }>;
}

interface Operation {
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { content?: Record<string, { schema?: ProblemSchema }> }>;
}

type Document = {
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

/** Where the document is linted: redocly.yaml names it, and .redocly.lint-ignore.yaml's exceptions are keyed by it. */
const LINTED = path.join(ROOT, 'apps/api/dist/openapi.json');

/** Redocly's findings on a document, as its JSON report lists them (exceptions of .redocly.lint-ignore.yaml left out). */
async function redoclyLint(document: Document): Promise<LintProblem[]> {
  const written = `${LINTED}.${process.pid}`;
  fs.writeFileSync(written, JSON.stringify(document, null, 2));
  fs.renameSync(written, LINTED);
  // lint exits 1 when it finds errors: the report on stdout is what matters.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [REDOCLY, 'lint', LINTED, '--config', path.join(ROOT, 'redocly.yaml'), '--format', 'json'],
    {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  ).catch((error: { stdout?: string }) => {
    if (!error.stdout) throw error;
    return { stdout: error.stdout };
  });
  return (JSON.parse(stdout) as { problems: Array<LintProblem & { ignored?: boolean }> }).problems.filter((p) => !p.ignored);
}

/** Domain codes no HTTP request can meet. */
const NOT_HTTP = new Set([
  // The matching engine's file format: `npm run match:solve` and the customer's vectors read it, no route does.
  'MALFORMED_HR_INSTANCE',
  'INVALID_HR_INSTANCE',
  // An invariant of rankByCriteria: the API hands it one row per applicant, from one query.
  'DUPLICATE_APPLICANT',
]);

const where = (p: LintProblem) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`;

function operations(document: Document): Array<{ label: string; operation: Operation }> {
  return Object.entries(document.paths).flatMap(([route, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ label: `${method.toUpperCase()} ${route}`, operation })),
  );
}

/** The codes an operation documents for a status, read off its problem details schema. */
function codesOf(operation: Operation, status: string): string[] {
  const schema = operation.responses[status]?.content?.['application/problem+json']?.schema;
  return schema?.allOf?.flatMap((part) => part.properties?.code?.enum ?? []) ?? [];
}

describe('the OpenAPI document (/api/docs-json)', () => {
  let api: TestApi;
  let document: Document;

  beforeAll(async () => {
    api = await TestApi.start();
    const response = await fetch(`${api.url.replace(/\/v1$/, '')}/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as Document;
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('passes redocly lint with the recommended rules: no error, and no warning about responses, security or servers', async () => {
    const problems = await redoclyLint(document);
    expect(problems.filter((p) => p.severity === 'error').map(where)).toEqual([]);
    expect(problems.filter((p) => RESPONSE_OR_SECURITY.test(p.ruleId)).map(where)).toEqual([]);
  });

  it('names a server', () => {
    expect(document.servers?.length).toBeGreaterThan(0);
  });

  it('gives every operation a 2xx answer and its 4xx answers as problem details listing their codes', () => {
    const faults: string[] = [];
    for (const { label, operation } of operations(document)) {
      const statuses = Object.keys(operation.responses);
      if (!statuses.some((s) => /^2\d\d$/.test(s))) faults.push(`${label}: no 2xx answer`);
      const problems = statuses.filter((s) => /^[45]\d\d$/.test(s));
      // The health probes take no input, need no token and name nothing: no 4xx exists for them.
      if (!problems.some((s) => s.startsWith('4')) && !label.includes('/health/')) faults.push(`${label}: no 4xx answer`);
      for (const status of problems) {
        const schema = operation.responses[status].content?.['application/problem+json']?.schema;
        if (!schema?.allOf?.some((part) => part.$ref === '#/components/schemas/ProblemDetails'))
          faults.push(`${label}: ${status} is not problem details`);
        const codes = codesOf(operation, status);
        if (!codes.length || codes.some((code) => !/^[A-Z][A-Z0-9_]*$/.test(code)))
          faults.push(`${label}: ${status} lists no codes (${codes.join(', ')})`);
      }
    }
    expect(faults).toEqual([]);
    expect(document.components.schemas.ProblemDetails).toBeDefined();
  });

  it('says the security of every operation: public routes `security: []`, the others bearer with 401 UNAUTHENTICATED', () => {
    const faults: string[] = [];
    for (const { label, operation } of operations(document)) {
      if (!operation.security) faults.push(`${label}: no security`);
      else if (operation.security.length === 0) continue;
      else if (!operation.security.some((requirement) => 'bearer' in requirement)) faults.push(`${label}: not bearer`);
      else if (!codesOf(operation, '401').includes('UNAUTHENTICATED')) faults.push(`${label}: no 401 UNAUTHENTICATED`);
    }
    expect(faults).toEqual([]);
    const publicOnes = operations(document)
      .filter(({ operation }) => operation.security?.length === 0)
      .map(({ label }) => label)
      .sort();
    expect(publicOnes).toEqual(
      [
        'GET /api/v1/health/live',
        'GET /api/v1/health/ready',
        'POST /api/v1/auth/activate',
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/password-reset',
        'POST /api/v1/auth/password-reset/confirm',
        'POST /api/v1/auth/refresh',
        'POST /api/v1/enterprises',
        'POST /api/v1/enterprises/confirm',
        // The agreement (issue 18): the guardian's one-time link and verification need no account.
        'GET /api/v1/agreements/{id}/verify',
        'POST /api/v1/agreements/verify',
        'POST /api/v1/guardian-signatures',
        'POST /api/v1/guardian-signatures/pdf',
        'POST /api/v1/guardian-signatures/view',
      ].sort(),
    );
  });

  it('documents the codes the routes really answer: a few taken from the domain', () => {
    const op = (method: string, route: string) => document.paths[`/api/v1${route}`][method];
    expect(codesOf(op('post', '/applications/{id}/accept'), '409')).toEqual(expect.arrayContaining(['SLOT_FULL', 'OFFER_EXPIRED']));
    expect(codesOf(op('post', '/applications/{id}/accept'), '403')).toEqual(['FORBIDDEN']);
    expect(codesOf(op('post', '/applications/{id}/accept'), '429')).toEqual(['RATE_LIMITED']);
    expect(codesOf(op('post', '/placements/{id}/activate'), '422')).toEqual(
      expect.arrayContaining(['SCHOOL_APPROVAL_REQUIRED', 'INSURANCE_REQUIRED']),
    );
    expect(codesOf(op('post', '/auth/login'), '401')).toEqual(['INVALID_CREDENTIALS']);
    // Registration tells nothing of e-mails: only the link's confirmation can find one taken.
    expect(codesOf(op('post', '/enterprises'), '409')).toEqual(['USCC_TAKEN']);
    expect(codesOf(op('post', '/enterprises/confirm'), '409')).toEqual(expect.arrayContaining(['USCC_TAKEN', 'EMAIL_TAKEN']));
  });

  it('documents every problem code the API throws on at least one route', () => {
    const documented = new Set(
      operations(document).flatMap(({ operation }) => Object.keys(operation.responses).flatMap((status) => codesOf(operation, status))),
    );
    const thrown = new Set<string>();
    for (const dir of ['apps/api/src', 'libs/domain/src']) {
      for (const file of fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
        for (const [, code] of fs.readFileSync(path.join(ROOT, dir, file), 'utf8').matchAll(/DomainError\(\s*'([A-Z][A-Z0-9_]*)'/g))
          thrown.add(code);
      }
    }
    expect(thrown.size).toBeGreaterThan(50);
    expect([...thrown].filter((code) => !documented.has(code) && !NOT_HTTP.has(code)).sort()).toEqual([]);
    expect([...NOT_HTTP].filter((code) => documented.has(code) || !thrown.has(code))).toEqual([]);
  });
});
