import type { LoginResponse, MeView, TokenPair } from '@skillbridge/contracts';
import { DEMO_PASSWORD, TestApi, demo, isProblem } from '../../../test/support/test-api';

describe('signing in (integration: real PostgreSQL, Redis, HTTP)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('signs in every demo role and tells who they are', async () => {
    const expected: Array<[string, string, string | null]> = [
      ['admin', 'platform_admin', null],
      ['miit', 'bureau_officer', 'MIIT'],
      ['sasac', 'bureau_officer', 'SASAC'],
      ['edu', 'bureau_officer', 'EDU'],
      ['school', 'school_admin', null],
      ['teacher', 'teacher', null],
      ['student', 'student', null],
      ['hr', 'enterprise_admin', null],
      ['hr-soe', 'enterprise_admin', null],
    ];
    for (const [local, role, authority] of expected) {
      const { user, accessToken, refreshToken } = await api.login(demo(local));
      expect(user).toMatchObject({ email: demo(local), role, authority });
      expect(accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(refreshToken.length).toBeGreaterThan(30);
    }
  });

  it('GET /me returns the user with their organisation', async () => {
    const token = await api.token(demo('hr-soe'));
    const me = await api.request<MeView>('GET', '/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      email: demo('hr-soe'),
      role: 'enterprise_admin',
      organisation: { kind: 'enterprise', name: '兰州市公共交通集团有限公司' },
    });
  });

  it('accepts the e-mail in any case', async () => {
    const reply = await api.request<LoginResponse>('POST', '/auth/login', {
      body: { email: 'Student@Demo.SkillBridge.cn', password: DEMO_PASSWORD },
    });
    expect(reply.status).toBe(200);
  });

  it('refuses a wrong password and an unknown e-mail alike, with 401', async () => {
    const wrong = await api.request('POST', '/auth/login', { body: { email: demo('teacher'), password: 'nope-1234' } });
    const unknown = await api.request('POST', '/auth/login', { body: { email: 'nobody@demo.skillbridge.cn', password: 'nope-1234' } });
    for (const reply of [wrong, unknown]) {
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
    }
  });

  describe('refresh tokens', () => {
    it('rotate: a refresh gives a new pair that works, and the old refresh token does not work again', async () => {
      const first = await api.login(demo('school'));
      const second = await api.request<TokenPair>('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect((await api.request('GET', '/me', { token: second.body.accessToken })).status).toBe(200);

      const third = await api.request<TokenPair>('POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
      expect(third.status).toBe(200);
    });

    it('reuse of a spent refresh token revokes the whole family, including the newest token', async () => {
      const first = await api.login(demo('student2'));
      const rotated = await api.request<TokenPair>('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(rotated.status).toBe(200);

      const replay = await api.request('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(replay.status).toBe(401);
      expect(replay.body).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });

      const legitimate = await api.request('POST', '/auth/refresh', { body: { refreshToken: rotated.body.refreshToken } });
      expect(legitimate.status).toBe(401);

      // Other sessions of the same user are untouched.
      const other = await api.login(demo('student2'));
      expect((await api.request('POST', '/auth/refresh', { body: { refreshToken: other.refreshToken } })).status).toBe(200);
    });

    it('of parallel refreshes with one token exactly one succeeds', async () => {
      const { refreshToken } = await api.login(demo('student3'));
      const replies = await Promise.all(Array.from({ length: 8 }, () => api.request('POST', '/auth/refresh', { body: { refreshToken } })));
      expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
      expect(replies.filter((r) => r.status === 401)).toHaveLength(7);
    });

    it('refuses an unknown refresh token', async () => {
      const reply = await api.request('POST', '/auth/refresh', { body: { refreshToken: 'x'.repeat(43) } });
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('logout revokes the refresh token', async () => {
      const session = await api.login(demo('student4'));
      const out = await api.request('POST', '/auth/logout', { token: session.accessToken, body: { refreshToken: session.refreshToken } });
      expect(out.status).toBe(204);
      const after = await api.request('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } });
      expect(after.status).toBe(401);
    });

    it('stores refresh tokens only as hashes', async () => {
      const { refreshToken } = await api.login(demo('student5'));
      const rows = await api.db.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = $1', [refreshToken]);
      expect(rows[0].n).toBe(0);
    });
  });

  it('refuses requests without a valid access token with 401 UNAUTHENTICATED', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-jwt' }, { authorization: 'Basic abc' }]) {
      const reply = await api.request('GET', '/me', { headers });
      expect(reply.status).toBe(401);
      expect(isProblem(reply.body) && reply.body.code).toBe('UNAUTHENTICATED');
    }
  });
});
