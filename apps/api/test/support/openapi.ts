import type { TestApi } from '../../../../test/support/test-api';

/** Just enough of OpenAPI 3 for generating requests. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
}

interface Operation {
  parameters?: Array<{ name: string; in: 'path' | 'query'; required?: boolean; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface Route {
  method: string;
  /** Under /api/v1, OpenAPI style: `/slots/{id}/applications`. */
  path: string;
  pathParams: string[];
  query: Array<{ name: string; required: boolean; schema: Schema }>;
  /** The JSON body's schema, resolved; none when the route takes no body. */
  body?: Schema;
  /** The route takes a file as multipart/form-data (an import), not JSON. */
  multipart: boolean;
  label: string;
}

export interface ApiDocument {
  routes: Route[];
  schemas: Record<string, Schema>;
}

/** Every route the running API documents at /api/docs-json (the contract outside clients read). */
export async function documentedRoutes(api: TestApi): Promise<ApiDocument> {
  const response = await fetch(`${api.url.replace(/\/v1$/, '')}/docs-json`);
  if (!response.ok) throw new Error(`GET /api/docs-json answered ${response.status}`);
  const document = (await response.json()) as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  const schemas = document.components.schemas;
  const routes: Route[] = [];
  for (const [fullPath, operations] of Object.entries(document.paths)) {
    const path = fullPath.replace(/^\/api\/v1/, '');
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      const json = operation.requestBody?.content['application/json']?.schema;
      routes.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: resolve(p.schema ?? {}, schemas) })),
        body: json ? resolve(json, schemas) : undefined,
        multipart: operation.requestBody?.content['multipart/form-data'] !== undefined,
        label: `${method.toUpperCase()} ${path}`,
      });
    }
  }
  return { routes, schemas };
}

export function resolve(schema: Schema, schemas: Record<string, Schema>): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const found = schemas[name];
  if (!found) throw new Error(`unknown schema ${schema.$ref}`);
  return found;
}

/**
 * A plausible valid value for a schema, from its example, enum or bounds: hostile variants change
 * one property of it, so that the rest of the body does not hide what that property does.
 */
export function sampleOf(schema: Schema, schemas: Record<string, Schema>, name = ''): unknown {
  const s = resolve(schema, schemas);
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  switch (s.type) {
    case 'object':
    case undefined:
      if (!s.properties) return {};
      return Object.fromEntries(Object.entries(s.properties).map(([key, value]) => [key, sampleOf(value, schemas, key)]));
    case 'array':
      return s.items ? [sampleOf(s.items, schemas, name)] : [];
    case 'number':
    case 'integer':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      if (/date/i.test(name)) return '2027-07-01';
      if (/password/i.test(name)) return 'Hostile-Test-2026';
      if (/email/i.test(name)) return `sample-${name.toLowerCase()}@example.cn`;
      return `样例 ${name || 'text'}`;
  }
}

/** `?name=value&…` for the route's required query parameters, from their examples: a request that is otherwise valid. */
export function requiredQuery(route: Route, schemas: Record<string, Schema>): string {
  const pairs = route.query
    .filter((q) => q.required)
    .map((q) => `${q.name}=${encodeURIComponent(String(sampleOf(q.schema, schemas, q.name)))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** The path with its parameters filled in (values are put in the URL as given: encode them first). */
export const fillPath = (path: string, values: Record<string, string>): string =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? name);

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface RawReply {
  status: number;
  contentType: string;
  retryAfter: string | null;
  text: string;
  body: unknown;
  ms: number;
}

/**
 * One request exactly as given (raw body, any content type), with a deadline: a request that
 * hangs fails the test as status 0 rather than stalling it.
 */
/** A multipart/form-data body of text fields, and its content type. */
export function multipartForm(fields: Record<string, string>): { raw: string; contentType: string } {
  const boundary = 'sb-form-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return { raw: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function send(
  api: TestApi,
  request: { method: string; path: string; token?: string; raw?: string; contentType?: string; timeoutMs?: number },
): Promise<RawReply> {
  const headers: Record<string, string> = {};
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.contentType) headers['content-type'] = request.contentType;
  const started = Date.now();
  try {
    const response = await fetch(api.url + request.path, {
      method: request.method,
      headers,
      body: request.raw,
      signal: AbortSignal.timeout(request.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      retryAfter: response.headers.get('retry-after'),
      text,
      body,
      ms: Date.now() - started,
    };
  } catch (error) {
    return { status: 0, contentType: '', retryAfter: null, text: String(error), body: undefined, ms: Date.now() - started };
  }
}

/** What is wrong with an error reply's shape, or null when it is a proper problem document. */
export function problemShapeFault(reply: RawReply): string | null {
  if (reply.status < 400) return null;
  if (!reply.contentType.startsWith('application/problem+json')) return `content-type ${reply.contentType || '(none)'}`;
  const body = reply.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return 'body is not a JSON object';
  for (const [field, type] of [
    ['type', 'string'],
    ['title', 'string'],
    ['status', 'number'],
    ['detail', 'string'],
    ['code', 'string'],
  ] as const) {
    if (typeof body[field] !== type) return `no ${field}`;
  }
  if (body.status !== reply.status) return `status ${String(body.status)} in a ${reply.status} reply`;
  if (!/^[A-Z][A-Z0-9_]*$/.test(body.code as string)) return `code ${String(body.code)} is not upper-snake`;
  return null;
}

/** Row counts and a digest of every table, to show that refused requests wrote nothing. */
export async function databaseFingerprint(api: TestApi, ignore: string[] = []): Promise<Record<string, string>> {
  const tables: Array<{ name: string }> = await api.db.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> ALL($1) ORDER BY 1`,
    [['migrations', ...ignore]],
  );
  const select = tables
    .map(
      (t) =>
        `SELECT '${t.name}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS digest FROM "${t.name}" x`,
    )
    .join(' UNION ALL ');
  const rows: Array<{ name: string; digest: string }> = await api.db.query(select);
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}
