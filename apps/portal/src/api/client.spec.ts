import type { TokenPair } from '@skillbridge/contracts';
import { api, ApiError, tokenStore } from './client';

/** Just enough of a browser for the client: localStorage and window events. */
class MemoryStorage {
  private data = new Map<string, string>();
  getItem = (key: string) => this.data.get(key) ?? null;
  setItem = (key: string, value: string) => void this.data.set(key, value);
  removeItem = (key: string) => void this.data.delete(key);
  clear = () => this.data.clear();
}
Object.assign(globalThis, {
  localStorage: new MemoryStorage(),
  window: { addEventListener: () => undefined, removeEventListener: () => undefined },
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const problem = (status: number, code: string, detail: string, extra: object = {}) =>
  json(status, { type: `urn:skillbridge:problem:${code}`, title: 'x', status, detail, code, ...extra });

interface Call {
  url: string;
  method: string;
  authorization?: string;
  body?: unknown;
}

/** A fake API: access token `valid-N` is accepted for the latest N only; refresh token `r-N` works once. */
function fakeApi({ refreshWorks = true } = {}) {
  const calls: Call[] = [];
  let generation = 1;
  const fetchMock = jest.fn(async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const body = init.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ url, method: init.method ?? 'GET', authorization: headers.Authorization, body });
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (url.endsWith('/auth/refresh')) {
      if (!refreshWorks || body.refreshToken !== `r-${generation}`)
        return problem(401, 'UNAUTHENTICATED', 'The refresh token is invalid, expired or revoked');
      generation += 1;
      const pair: TokenPair = { accessToken: `valid-${generation}`, refreshToken: `r-${generation}`, expiresIn: 900 };
      return json(200, pair);
    }
    if (headers.Authorization !== `Bearer valid-${generation}`) return problem(401, 'UNAUTHENTICATED', 'The access token has expired');
    return json(200, { ok: true, url });
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return { calls, refreshes: () => calls.filter((c) => c.url.endsWith('/auth/refresh')) };
}

describe('api client', () => {
  beforeEach(() => {
    localStorage.clear();
  });

  it('sends the bearer token and the query string under /api/v1', async () => {
    const sut = fakeApi();
    tokenStore.set({ accessToken: 'valid-1', refreshToken: 'r-1' });
    await api.get('/schools', { cursor: 'abc', limit: 20, q: undefined, district: '' });
    expect(sut.calls[0]).toMatchObject({ url: '/api/v1/schools?cursor=abc&limit=20', authorization: 'Bearer valid-1' });
  });

  it('refreshes once for concurrent 401s, stores the rotated pair and retries each request', async () => {
    const sut = fakeApi();
    tokenStore.set({ accessToken: 'stale', refreshToken: 'r-1' });
    const results = await Promise.all([api.get('/me'), api.get('/schools/1'), api.get('/schools/1/students')]);
    expect(results).toHaveLength(3);
    expect(sut.refreshes()).toHaveLength(1);
    expect(sut.refreshes()[0].body).toEqual({ refreshToken: 'r-1' });
    expect(tokenStore.get()).toEqual({ accessToken: 'valid-2', refreshToken: 'r-2' });
  });

  it('uses a pair another request already rotated instead of refreshing again', async () => {
    const sut = fakeApi();
    tokenStore.set({ accessToken: 'stale', refreshToken: 'r-1' });
    await api.get('/me');
    // A request that started with the old token and came back 401 after the rotation.
    tokenStore.set({ accessToken: 'valid-2', refreshToken: 'r-2' });
    await api.get('/schools');
    expect(sut.refreshes()).toHaveLength(1);
  });

  it('signs out when the refresh fails, and throws the original problem', async () => {
    fakeApi({ refreshWorks: false });
    tokenStore.set({ accessToken: 'stale', refreshToken: 'r-1' });
    const signedOut = jest.fn();
    tokenStore.listeners.add(signedOut);
    await expect(api.get('/me')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(tokenStore.get()).toBeNull();
    expect(signedOut).toHaveBeenLastCalledWith(null);
    tokenStore.listeners.delete(signedOut);
  });

  it('never refreshes for anonymous calls such as sign-in', async () => {
    const sut = fakeApi();
    globalThis.fetch = jest.fn(async () =>
      problem(401, 'INVALID_CREDENTIALS', 'The e-mail or password is wrong'),
    ) as unknown as typeof fetch;
    await expect(api.post('/auth/login', { email: 'a@b.cn', password: 'x' }, { anonymous: true })).rejects.toBeInstanceOf(ApiError);
    expect(sut.refreshes()).toHaveLength(0);
  });

  it('carries the problem details with their field errors', async () => {
    globalThis.fetch = jest.fn(async () =>
      problem(400, 'VALIDATION_FAILED', 'Some fields are invalid', {
        errors: [{ field: 'uscc', message: 'uscc has a wrong check character' }],
      }),
    ) as unknown as typeof fetch;
    const error = (await api.post('/enterprises', {}, { anonymous: true }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.problem).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'uscc', message: 'uscc has a wrong check character' }],
    });
  });

  it('carries the numbers of a broken rule (facts), for the refusal to be told with them', async () => {
    globalThis.fetch = jest.fn(async () =>
      problem(422, 'PLACEMENT_NOT_STARTED', 'The placement starts on 2027-03-01', {
        facts: { startDate: '2027-03-01', today: '2026-12-07' },
      }),
    ) as unknown as typeof fetch;
    const error = (await api.post('/placements/x/activate', {}).catch((e: unknown) => e)) as ApiError;
    expect(error.problem.facts).toEqual({ startDate: '2027-03-01', today: '2026-12-07' });
  });

  it('reads Retry-After of a 429', async () => {
    globalThis.fetch = jest.fn(async () =>
      json(429, { type: 't', title: 'Too Many Requests', status: 429, detail: 'Too many', code: 'RATE_LIMITED' }, { 'retry-after': '900' }),
    ) as unknown as typeof fetch;
    const error = (await api.post('/auth/login', {}, { anonymous: true }).catch((e: unknown) => e)) as ApiError;
    expect(error.problem).toMatchObject({ status: 429, code: 'RATE_LIMITED', detail: 'Too many' });
    expect(error.retryAfterSeconds).toBe(900);
  });

  it('reports an unreachable server as a network error, and a bare proxy 502 as unavailable', async () => {
    globalThis.fetch = jest.fn(async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(api.get('/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    globalThis.fetch = jest.fn(async () => new Response('Bad gateway', { status: 502 })) as unknown as typeof fetch;
    await expect(api.get('/me')).rejects.toMatchObject({ status: 502, code: 'UNAVAILABLE' });
  });
});

describe('tokenStore.role (which home to fetch early; GET /me decides)', () => {
  const jwt = (claims: object) =>
    ['{"alg":"HS256"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') + '.signature';
  afterEach(() => localStorage.clear());

  it('reads the role claim of the stored access token', () => {
    tokenStore.set({ accessToken: jwt({ sub: 'u-1', role: 'school_admin', org: 'o-1' }), refreshToken: 'r' });
    expect(tokenStore.role()).toBe('school_admin');
  });

  it('is null without a session, for a token that is no JWT, and for a role the portal does not know', () => {
    expect(tokenStore.role()).toBeNull();
    tokenStore.set({ accessToken: 'valid-1', refreshToken: 'r' });
    expect(tokenStore.role()).toBeNull();
    tokenStore.set({ accessToken: jwt({ sub: 'u-1', role: 'root' }), refreshToken: 'r' });
    expect(tokenStore.role()).toBeNull();
  });
});
