import { TestApi, demo } from '../../../test/support/test-api';
import {
  RawReply,
  Route,
  Schema,
  databaseFingerprint,
  documentedRoutes,
  fillPath,
  inParallel,
  problemShapeFault,
  requiredQuery,
  resolve,
  sampleOf,
  send,
} from './support/openapi';

/**
 * Hostile input on every documented route, as every role: wrong types, nulls, huge strings and
 * arrays, prototype keys, deep nesting, malformed JSON, wrong content types, and hostile ids and
 * query values. The API must never answer 5xx or hang, must answer errors as problem details, must
 * refuse what is plainly invalid, and must write nothing when it refuses.
 *
 * Generated from /api/docs-json, so a new route is attacked the day it is documented.
 */

const ROLES = ['admin', 'miit', 'sasac', 'edu', 'school', 'teacher', 'student', 'hr', 'hr-soe'] as const;
/** Bearer tokens no one was given: forged (unsigned, or signed with another secret) or junk. */
const FORGED = ['forged-unsigned', 'forged-secret', 'junk-token'] as const;
type Who = (typeof ROLES)[number] | (typeof FORGED)[number] | 'anonymous';

const CONCURRENCY = 6;
const MEGABYTE_STRING = 'x'.repeat(1_000_000);
const BIG_ARRAY = Array.from({ length: 10_000 }, (_, i) => `v${i}`);
const deepObject = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const deepArray = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** Path ids no route should take: each is put in the URL as written here (already encoded). */
const HOSTILE_IDS = [
  'not-a-uuid',
  encodeURIComponent("1' OR '1'='1"),
  encodeURIComponent("'; DROP TABLE users; --"),
  encodeURIComponent('技能桥😀\u202e'),
  '%00',
  'abc%00def',
  'x'.repeat(4000),
  '-1',
  '0',
  '99999999999999999999999',
  '1e309',
  '..%2F..%2Fetc%2Fpasswd',
  '%2E%2E',
  '%E0%A4%A',
  '00000000-0000-0000-0000-000000000000',
  '{id}',
];

/** Query values: none of them may break a route; the ones in MUST_REFUSE_QUERY must be refused. */
const HOSTILE_QUERY_VALUES = [
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('技能桥😀'),
  '-1',
  '1e309',
  '99999999999999999999',
  'NaN',
  '%5Bobject%20Object%5D',
  '',
  '%00',
  'y'.repeat(10_000),
];
const MUST_REFUSE_QUERY = new Set(['%00', 'y'.repeat(10_000)]);

/**
 * Cursors as a client could forge them: the API's own encoding around keys its SQL would choke on.
 * The first two are lawful where the list is sorted by a text column (then any text is a key).
 */
const cursorOf = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
const FORGED_CURSORS: Array<[string, boolean]> = [
  [cursorOf(['not-a-date', '6f1c1b2a-3d4e-4f50-8a9b-0c1d2e3f4a5b']), false],
  [cursorOf(['0000-01-01', '6f1c1b2a-3d4e-4f50-8a9b-0c1d2e3f4a5b']), false],
  [cursorOf(['a\u0000b', '6f1c1b2a-3d4e-4f50-8a9b-0c1d2e3f4a5b']), true],
  [cursorOf([1e308, 'not-a-uuid']), true],
];

interface Attempt {
  route: string;
  who: Who;
  method: string;
  path: string;
  raw?: string;
  contentType?: string;
  /** What the attempt is, for the failure message. */
  what: string;
  /** The request is plainly invalid: it must be refused with a 4xx. */
  mustRefuse: boolean;
  /**
   * Over the body limit, the server answers 413 and closes the connection without reading the
   * rest: a client still uploading may see the reset instead of the answer. Either is a refusal.
   */
  resetIsRefusal?: boolean;
}

interface Outcome {
  attempt: Attempt;
  reply: RawReply;
}

/** A JSON value of the wrong type for a property. */
function wrongTypeFor(schema: Schema): unknown[] {
  switch (schema.type) {
    case 'string':
      return [12345, true, ['a'], { a: 1 }];
    case 'number':
    case 'integer':
      return ['12', true, 1.5, 1e308, -1e308, [1], { n: 1 }];
    case 'boolean':
      return ['true', 1, [true]];
    case 'array':
      return ['not-an-array', 7, { 0: 'a' }];
    default:
      return ['not-an-object', 7, [1, 2]];
  }
}

describe('hostile input on every route, as every role', () => {
  let api: TestApi;
  let routes: Route[];
  let schemas: Record<string, Schema>;
  const tokens = new Map<Who, string | undefined>();
  const ids: Record<string, string> = {};
  const outcomes: Outcome[] = [];
  const refusedWithChanges: string[] = [];

  beforeAll(async () => {
    // The limits protect production; here they would answer 429 before the input is even read.
    api = await TestApi.start({
      LOGIN_ADDRESS_BURST: '100000',
      LOGIN_ACCOUNT_BURST: '100000',
      LOGIN_FREE_FAILURES: '100000',
      PASSWORD_RESET_PER_ACCOUNT: '100000',
      PASSWORD_RESET_PER_ADDRESS: '100000',
      RATE_LIMIT_APPLICATIONS: '100000',
      RATE_LIMIT_MESSAGES: '100000',
      RATE_LIMIT_REMINDERS: '100000',
    });
    ({ routes, schemas } = await documentedRoutes(api));
    tokens.set('anonymous', undefined);
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const adminClaims = encode({
      sub: await api.userId(demo('admin')),
      role: 'platform_admin',
      org: null,
      auth: null,
      iat: 1,
      exp: 4_102_444_800,
      iss: 'skillbridge',
    });
    tokens.set('forged-unsigned', `${encode({ alg: 'none', typ: 'JWT' })}.${adminClaims}.`);
    tokens.set(
      'forged-secret',
      `${encode({ alg: 'HS256', typ: 'JWT' })}.${adminClaims}.${Buffer.from('not the signature').toString('base64url')}`,
    );
    tokens.set('junk-token', `${'a'.repeat(8_000)}.b.c`);
    for (const who of ROLES) tokens.set(who, await api.token(demo(who)));

    // Real objects for the routes' ids, so that input which passes validation reaches the services.
    const hr = tokens.get('hr');
    const slot = await api.request<{ id: string }>('POST', '/slots', {
      token: hr,
      body: {
        ...(sampleOf(schemas.CreateSlotDto, schemas) as object),
        type: 'internship',
        capacity: 2,
        stipend: '3000.00',
        postWage: '3600.00',
        hoursPerDay: '8',
        applicationDeadline: '2027-02-20',
      },
    });
    if (slot.status !== 201) throw new Error(`fixture slot: ${JSON.stringify(slot.body)}`);
    await api.request('POST', `/slots/${slot.body.id}/publish`, { token: hr });
    const application = await api.request<{ id: string }>('POST', `/slots/${slot.body.id}/applications`, {
      token: tokens.get('student'),
      body: {},
    });
    if (application.status !== 201) throw new Error(`fixture application: ${JSON.stringify(application.body)}`);
    const [placement] = await api.db.query(`SELECT id FROM placements LIMIT 1`);
    Object.assign(ids, {
      enterprises: await api.organisationOf(demo('hr')),
      schools: await api.organisationOf(demo('school')),
      slots: slot.body.id,
      applications: application.body.id,
      placements: placement.id,
      teachers: await api.userId(demo('teacher')),
      year: '2027',
    });
  }, 60_000);

  afterAll(() => api?.stop());

  /** A real (or at least well-formed) value for a path parameter. */
  const idFor = (route: Route, name: string): string =>
    name === 'year' ? ids.year : (ids[route.path.split('/')[1]] ?? '6f1c1b2a-3d4e-4f50-8a9b-0c1d2e3f4a5b');

  /** The route's path with its parameters filled, one of them (optionally) by a hostile value. */
  const plainPath = (route: Route, hostile: Record<string, string> = {}): string =>
    fillPath(route.path, Object.fromEntries(route.pathParams.map((name) => [name, hostile[name] ?? idFor(route, name)]))) +
    requiredQuery(route, schemas);

  /** The route's path with its required query parameters, the named ones replaced or added as written. */
  const withQuery = (route: Route, query: string, replaced: string[] = []): string => {
    const path = fillPath(route.path, Object.fromEntries(route.pathParams.map((name) => [name, idFor(route, name)])));
    const required = route.query
      .filter((q) => q.required && !replaced.includes(q.name))
      .map((q) => `${q.name}=${encodeURIComponent(String(sampleOf(q.schema, schemas, q.name)))}`);
    return `${path}?${[...required, query].join('&')}`;
  };

  /**
   * Whether the role passes the route's role check: hostile bodies are sent in full only to those.
   * The probe carries an unknown field, so that a write route refuses it after the role check
   * instead of acting.
   */
  async function admitted(route: Route, who: Who): Promise<boolean> {
    const probe = route.method === 'GET' ? {} : { raw: '{"probe": 1}', contentType: 'application/json' };
    const reply = await send(api, { method: route.method, path: plainPath(route), token: tokens.get(who), ...probe });
    const code = (reply.body as { code?: string } | undefined)?.code;
    return !(
      reply.status === 401 ||
      (reply.status === 403 && code === 'FORBIDDEN' && /role/i.test(String((reply.body as { detail?: string }).detail)))
    );
  }

  function bodyAttempts(route: Route, who: Who, withHuge: boolean): Attempt[] {
    if (route.method === 'GET') return [];
    const path = plainPath(route);
    const at = (what: string, raw: string, mustRefuse = true, contentType = 'application/json'): Attempt => ({
      route: route.label,
      who,
      method: route.method,
      path,
      raw,
      contentType,
      what,
      mustRefuse,
    });
    const attempts: Attempt[] = [
      at('malformed JSON', '{"a": '),
      at('truncated JSON string', '{"a": "b'),
      at('JSON as text/plain', '{}', true, 'text/plain'),
      at('XML', '<a>1</a>', true, 'application/xml'),
      at('form-encoded', 'a=1&b=2', true, 'application/x-www-form-urlencoded'),
      at('__proto__ key', '{"__proto__": {"role": "platform_admin", "polluted": true}}'),
      at('constructor.prototype key', '{"constructor": {"prototype": {"polluted": true}}}'),
      at('prototype key', '{"prototype": {"polluted": true}}'),
      at('object nested 5,000 deep', deepObject(5_000)),
      at('array nested 5,000 deep', deepArray(5_000)),
      at('10,000 unknown keys', JSON.stringify(Object.fromEntries(BIG_ARRAY.map((k) => [k, 1])))),
      at('a JSON array', '[]'),
      at('a JSON string', '"hello"'),
      at('a JSON number', '42'),
    ];
    if (!route.body) {
      // A route without a body still refuses one it would silently ignore.
      attempts.push(at('a body on a route that takes none', '{"role": "platform_admin"}'));
      return attempts;
    }
    attempts.push(at('JSON null', 'null', route.body.required?.length ? true : false));
    const valid = sampleOf(route.body, schemas) as Record<string, unknown>;
    const withValue = (key: string, value: unknown) => JSON.stringify({ ...valid, [key]: value });
    attempts.push(at('an unknown field `role`', withValue('role', 'platform_admin')));
    for (const [key, property] of Object.entries(route.body.properties ?? {})) {
      const schema = resolve(property, schemas);
      for (const wrong of wrongTypeFor(schema)) attempts.push(at(`${key}: ${JSON.stringify(wrong).slice(0, 30)}`, withValue(key, wrong)));
      attempts.push(at(`${key}: null`, withValue(key, null)));
      attempts.push(at(`${key}: 10,000-element array`, withValue(key, BIG_ARRAY)));
      attempts.push(at(`${key}: object nested 500 deep`, withValue(key, '\u0001deep').replace('"\\u0001deep"', deepObject(500))));
      if (route.body.required?.includes(key)) {
        const { [key]: _, ...rest } = valid;
        attempts.push(at(`${key} missing`, JSON.stringify(rest)));
      }
      if (schema.type === 'string') {
        attempts.push(at(`${key}: NUL character`, withValue(key, 'a\u0000b')));
        // Values that may be lawful text: they must not break anything, but may be accepted.
        attempts.push(at(`${key}: SQL`, withValue(key, "x'); DELETE FROM users; --"), false));
        attempts.push(at(`${key}: unicode`, withValue(key, '技能桥 😀 \u202e \ud800'), false));
        if (withHuge) attempts.push(at(`${key}: 1 MB string`, withValue(key, MEGABYTE_STRING)));
        if (withHuge && key === Object.keys(route.body.properties ?? {})[0]) {
          attempts.push({
            ...at('a body over the 1 MiB limit', withValue(key, MEGABYTE_STRING + MEGABYTE_STRING.slice(0, 100_000))),
            resetIsRefusal: true,
          });
        }
      }
      if (schema.type === 'array' && schema.items) {
        attempts.push(at(`${key}: items of the wrong type`, withValue(key, [{ a: 1 }, 7, null])));
      }
    }
    return attempts;
  }

  function idAttempts(route: Route, who: Who): Attempt[] {
    return route.pathParams.flatMap((name) =>
      HOSTILE_IDS.map((id) => ({
        route: route.label,
        who,
        method: route.method,
        path: plainPath(route, { [name]: id }),
        raw: route.body ? '{}' : undefined,
        contentType: route.body ? 'application/json' : undefined,
        what: `${name} = ${decodeURIComponentSafe(id).slice(0, 30)}`,
        mustRefuse: true,
      })),
    );
  }

  function queryAttempts(route: Route, who: Who): Attempt[] {
    const attempts: Attempt[] = [
      // Routes that read a query refuse keys they do not know; the others ignore the query altogether.
      {
        route: route.label,
        who,
        method: route.method,
        path: withQuery(route, 'role=platform_admin'),
        what: 'unknown query parameter',
        mustRefuse: route.query.length > 0,
      },
      {
        route: route.label,
        who,
        method: route.method,
        path: withQuery(route, '__proto__[polluted]=1&constructor[prototype][polluted]=1'),
        what: 'prototype keys in the query',
        mustRefuse: false,
      },
    ];
    for (const { name } of route.query) {
      for (const value of HOSTILE_QUERY_VALUES) {
        attempts.push({
          route: route.label,
          who,
          method: route.method,
          path: withQuery(route, `${name}=${value}`, [name]),
          what: `?${name}=${decodeURIComponentSafe(value).slice(0, 30)}`,
          mustRefuse: MUST_REFUSE_QUERY.has(value),
        });
      }
      attempts.push({
        route: route.label,
        who,
        method: route.method,
        path: withQuery(route, `${name}=a&${name}=b`, [name]),
        what: `?${name} twice`,
        mustRefuse: false,
      });
      if (name === 'cursor') {
        for (const [cursor, mustRefuse] of FORGED_CURSORS)
          attempts.push({
            route: route.label,
            who,
            method: route.method,
            path: withQuery(route, `cursor=${cursor}`),
            what: 'a forged cursor',
            mustRefuse,
          });
      }
    }
    return attempts;
  }

  it('never answers 5xx, never hangs, always answers problem details, and refuses what is invalid', async () => {
    const started = Date.now();
    for (const route of routes) {
      const admittedRoles: Who[] = [];
      for (const who of ROLES) if (await admitted(route, who)) admittedRoles.push(who);
      // The plainly invalid first, with the database watched: none of it may write anything.
      const refusable: Attempt[] = [];
      const lawful: Attempt[] = [];
      const everyone: Who[] = ['anonymous', ...ROLES];
      for (const who of everyone) {
        const rank = admittedRoles.indexOf(who);
        // The first admitted role gets everything; the others (whose scoping code differs) half the
        // ids and a share of the bodies; roles the route refuses anyway get a sample, since the role
        // check must hold whatever the input.
        const bodies = bodyAttempts(route, who, rank === 0);
        const chosen =
          rank === 0
            ? [...bodies, ...idAttempts(route, who), ...(route.method === 'GET' ? queryAttempts(route, who) : [])]
            : rank > 0
              ? [
                  ...bodies.filter((_, i) => i % 4 === rank % 4),
                  ...idAttempts(route, who).filter((_, i) => i % 2 === rank % 2),
                  ...(route.method === 'GET' && rank === 1 ? queryAttempts(route, who) : []),
                ]
              : [...bodies, ...idAttempts(route, who)].filter((_, i) => i % 9 === 0);
        for (const attempt of chosen) (attempt.mustRefuse ? refusable : lawful).push(attempt);
      }
      // Forged tokens get nothing an anonymous caller would not.
      const isPublic = await admitted(route, 'anonymous');
      for (const who of FORGED) {
        refusable.push({
          route: route.label,
          who,
          method: route.method,
          path: plainPath(route),
          what: 'a forged token',
          mustRefuse: !isPublic,
          raw: route.method === 'GET' ? undefined : '{}',
          contentType: route.method === 'GET' ? undefined : 'application/json',
        });
      }
      const watched = route.method !== 'GET';
      const before = watched ? await databaseFingerprint(api, IGNORED_TABLES) : {};
      const refused = await inParallel(refusable, CONCURRENCY, async (attempt) => ({
        attempt,
        reply: await send(api, { ...attempt, token: tokens.get(attempt.who) }),
      }));
      const after = watched ? await databaseFingerprint(api, IGNORED_TABLES) : {};
      const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
      if (changed.length) refusedWithChanges.push(`${route.label}: refused requests changed ${changed.join(', ')}`);
      outcomes.push(...refused);
      outcomes.push(
        ...(await inParallel(lawful, CONCURRENCY, async (attempt) => ({
          attempt,
          reply: await send(api, { ...attempt, token: tokens.get(attempt.who) }),
        }))),
      );
    }
    const seconds = (Date.now() - started) / 1000;

    // One line per route and kind of fault, with the first example and how often it happened.
    const faults = new Map<string, { example: string; times: number }>();
    const fault = ({ attempt, reply }: Outcome, why: string) => {
      const key = `${attempt.route}: ${why}`;
      const seen = faults.get(key);
      if (seen) seen.times++;
      else faults.set(key, { example: `as ${attempt.who}, ${attempt.what}: ${reply.status} ${reply.text.slice(0, 200)}`, times: 1 });
    };
    for (const outcome of outcomes) {
      const { attempt, reply } = outcome;
      if (reply.status === 0 && attempt.resetIsRefusal && reply.ms < 10_000 && /fetch failed/.test(reply.text)) continue;
      if (reply.status === 0) fault(outcome, 'no answer');
      else if (reply.status >= 500) fault(outcome, '5xx');
      else if (attempt.mustRefuse && reply.status < 400) fault(outcome, 'accepted plainly invalid input');
      const shape = problemShapeFault(reply);
      if (shape) fault(outcome, `not problem details (${shape})`);
    }
    const report = [...[...faults].map(([key, { example, times }]) => `${key} ×${times} — ${example}`), ...refusedWithChanges];
    console.log(`hostile input: ${outcomes.length} requests over ${routes.length} routes in ${seconds.toFixed(0)} s`);
    if (report.length && process.env.SB_HOSTILE_LOG) console.log(api.process.output().slice(-30_000));
    expect(report).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(routes.length * 20);
  }, 600_000);
});

/** Tables that legitimately change while the test runs (sessions from sign-ins, the read log). */
const IGNORED_TABLES = ['refresh_tokens', 'access_log'];

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
