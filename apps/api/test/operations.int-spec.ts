import { TestApi } from '../../../test/support/test-api';

/** The routes of shared/api.md that exist so far: the OpenAPI document must describe each. */
const CONTRACT_ROUTES = [
  'post /api/v1/auth/login',
  'post /api/v1/auth/refresh',
  'post /api/v1/auth/logout',
  'get /api/v1/me',
  'post /api/v1/enterprises',
  'post /api/v1/enterprises/{id}/verify',
  'get /api/v1/enterprises/{id}',
  'patch /api/v1/enterprises/{id}',
  'put /api/v1/enterprises/{id}/headcounts/{year}',
  'post /api/v1/schools',
  'get /api/v1/schools/{id}',
  'post /api/v1/schools/{id}/students',
  'post /api/v1/schools/{id}/teachers',
  'get /api/v1/students/me',
  'patch /api/v1/students/me',
  'get /api/v1/health/live',
  'get /api/v1/health/ready',
];

describe('operations (integration)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('is ready when PostgreSQL and Redis answer', async () => {
    const reply = await api.request<{ status: string; info: Record<string, { status: string }> }>('GET', '/health/ready');
    expect(reply.status).toBe(200);
    expect(reply.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('reports not ready, naming Redis, when Redis does not answer', async () => {
    const broken = await TestApi.start({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const reply = await broken.request('GET', '/health/ready');
      expect(reply.status).toBe(503);
      expect(reply.body).toMatchObject({ code: 'NOT_READY', detail: expect.stringContaining('redis') });
    } finally {
      await broken.stop();
    }
  });

  it('serves an OpenAPI document describing every contract route', async () => {
    const reply = await api.request<{ paths: Record<string, Record<string, unknown>> }>('GET', '/../docs-json');
    expect(reply.status).toBe(200);
    const described = Object.entries(reply.body.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`));
    expect(described).toEqual(expect.arrayContaining(CONTRACT_ROUTES));
  });

  it('serves the browsable docs page', async () => {
    const reply = await api.request<string>('GET', '/../docs');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('swagger');
  });
});
