import type { LoginResponse, TokenPair } from '@skillbridge/contracts';
import { uniqueSuffix } from '../../../test/support/database';
import { TestApi, demo, isProblem } from '../../../test/support/test-api';

/** The names every plain object answers to without holding them: a lookup by them once found Object.prototype's members. */
const INHERITED = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];

describe('smaller holes: inherited names, no-store answers, what production serves (integration)', () => {
  let api: TestApi;
  let school: string;
  const base = () => api.url.replace(/\/api\/v1$/, '');

  beforeAll(async () => {
    api = await TestApi.start();
    school = await api.token(demo('school'));
  }, 60_000);
  afterAll(() => api?.stop());

  describe('a name from outside never finds an inherited key', () => {
    it.each(INHERITED)('GET /imports/templates/%s is a 404 problem, not a 500', async (name) => {
      const reply = await api.request('GET', `/imports/templates/${name}`, { token: school });
      expect(reply.status).toBe(404);
      expect(isProblem(reply.body) && reply.body.code).toBe('NOT_FOUND');
    });

    it('the real templates are still there, in either language, whatever else `lang` says', async () => {
      for (const query of ['', '?lang=en', '?lang=constructor', '?lang=__proto__']) {
        const reply = await fetch(`${api.url}/imports/templates/students${query}`, { headers: { authorization: `Bearer ${school}` } });
        expect(reply.status).toBe(200);
        expect((await reply.text()).replace(/^\uFEFF/, '').split(',')[0]).toBe(query === '?lang=en' ? 'Name' : '姓名');
      }
    });

    it.each(INHERITED)('a query or body field named %s is refused by name (400), never a crash', async (name) => {
      const query = await api.request('GET', `/slots?${name}=1`, { token: school });
      expect(query.status).toBe(400);
      expect(isProblem(query.body) && query.body.code).toBe('VALIDATION_FAILED');
      const kind = await api.request('PUT', '/me/notification-preferences', {
        token: school,
        body: { preferences: [{ kind: name, channels: ['inbox'], mode: 'immediate' }] },
      });
      expect(kind.status).toBe(400);
      expect(isProblem(kind.body) && kind.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('Cache-Control: no-store on every answer that carries a token or personal data', () => {
    const noStore = (headers: Headers) => expect(headers.get('cache-control')).toBe('no-store');

    it('sign-in, refresh, activation and registration: answers with tokens and their refusals', async () => {
      const login = await api.request<LoginResponse>('POST', '/auth/login', { body: { email: demo('teacher'), password: 'Demo#2026' } });
      expect(login.status).toBe(200);
      noStore(login.headers);
      const refresh = await api.request<TokenPair>('POST', '/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
      expect(refresh.status).toBe(200);
      noStore(refresh.headers);
      noStore((await api.request('POST', '/auth/login', { body: { email: demo('teacher'), password: 'Wrong#2026x' } })).headers);
      noStore(
        (
          await api.request('POST', '/auth/activate', {
            body: { email: `nobody.${uniqueSuffix()}@x.cn`, code: 'AAAAA-AAAAA', password: 'Mine#2026x' },
          })
        ).headers,
      );
      noStore((await api.request('POST', '/enterprises', { body: { name: 'x' } })).headers);
    });

    it('every read behind auth, errors and unknown routes too; only the health probes may be cached', async () => {
      for (const path of ['/me', '/students/me', '/notifications', `/schools/${await api.organisationOf(demo('school'))}/students`]) {
        const reply = await api.request('GET', path, { token: await api.token(demo(path === '/students/me' ? 'student' : 'school')) });
        expect([path, reply.status]).toEqual([path, 200]);
        noStore(reply.headers);
      }
      noStore((await api.request('GET', '/me')).headers); // 401
      noStore((await api.request('GET', '/nowhere', { token: school })).headers); // 404
      noStore((await api.request('GET', '/slots?limit=x', { token: school })).headers); // 400
      noStore((await fetch(`${api.url}/%E0%A4%A`)).headers); // a URL Fastify's router refuses
      for (const probe of ['/health/live', '/health/ready']) {
        const reply = await api.request('GET', probe);
        expect(reply.status).toBe(200);
        expect(reply.headers.get('cache-control')).not.toBe('no-store');
      }
    });
  });

  describe('what a production API serves', () => {
    const secret = `production-secret-${uniqueSuffix()}-0123456789abcdef`;
    const production = (env: Record<string, string> = {}) =>
      TestApi.start({ NODE_ENV: 'production', ...env }, { database: api.database, jwtSecret: secret });
    const statusOf = async (url: string, authorization?: string) =>
      (await fetch(url, { headers: authorization ? { authorization } : {} })).status;

    it('in tests (as in development): the docs and open metrics', async () => {
      expect(await statusOf(`${base()}/api/docs-json`)).toBe(200);
      expect(await statusOf(`${base()}/api/docs`)).toBe(200);
      expect(await statusOf(`${base()}/metrics`)).toBe(200);
    });

    it('no API docs and no metrics without METRICS_TOKEN (404), the API itself serving', async () => {
      const prod = await production();
      try {
        const root = prod.url.replace(/\/api\/v1$/, '');
        for (const path of ['/api/docs-json', '/api/docs', '/metrics']) expect([path, await statusOf(root + path)]).toEqual([path, 404]);
        expect(await statusOf(`${root}/metrics`, 'Bearer anything-at-all-0123456789')).toBe(404);
        expect(await statusOf(`${prod.url}/health/ready`)).toBe(200);
      } finally {
        await prod.stopReplica();
      }
    });

    it('API_DOCS=on serves the docs; METRICS_TOKEN serves the metrics to its bearer only (401 otherwise)', async () => {
      const token = `scraper-${uniqueSuffix()}-0123456789`;
      const prod = await production({ API_DOCS: 'on', METRICS_TOKEN: token });
      try {
        const root = prod.url.replace(/\/api\/v1$/, '');
        expect(await statusOf(`${root}/api/docs-json`)).toBe(200);
        expect(await statusOf(`${root}/metrics`)).toBe(401);
        expect(await statusOf(`${root}/metrics`, 'Bearer wrong-token-0123456789')).toBe(401);
        const metrics = await fetch(`${root}/metrics`, { headers: { authorization: `Bearer ${token}` } });
        expect(metrics.status).toBe(200);
        expect(await metrics.text()).toContain('http_requests_total');
      } finally {
        await prod.stopReplica();
      }
    });
  });
});
