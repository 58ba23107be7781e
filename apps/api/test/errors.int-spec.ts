import { TestApi, demo, isProblem } from '../../../test/support/test-api';

describe('one error shape for the whole API (RFC 9457)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.stop());

  it('malformed JSON is 400 MALFORMED_BODY as application/problem+json', async () => {
    const reply = await api.request('POST', '/auth/login', { raw: '{"email": "a@b.c", ', headers: { 'content-type': 'application/json' } });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({ code: 'MALFORMED_BODY', status: 400, title: 'Bad Request' });
  });

  it('an empty JSON body is MALFORMED_BODY', async () => {
    const reply = await api.request('POST', '/auth/login', { raw: '', headers: { 'content-type': 'application/json' } });
    expect(reply.body).toMatchObject({ code: 'MALFORMED_BODY' });
  });

  it('a body that is not JSON is 415', async () => {
    const reply = await api.request('POST', '/auth/login', { raw: 'email=a', headers: { 'content-type': 'text/plain' } });
    expect(reply.status).toBe(415);
    expect(reply.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('validation names every bad field, and unknown fields are refused, not dropped', async () => {
    const reply = await api.request('POST', '/auth/login', { body: { email: 'not-an-email', password: 'x', role: 'platform_admin' } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const errors = (reply.body as { errors: Array<{ field: string; message: string }> }).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'role', message: 'is not a known field' },
        { field: 'email', message: 'email must be an email' },
      ]),
    );
    expect(errors.map((e) => e.field)).not.toContain('password');
  });

  it('a missing field is reported as required', async () => {
    const reply = await api.request('POST', '/auth/login', { body: { email: demo('student') } });
    expect((reply.body as { errors: unknown[] }).errors).toEqual([{ field: 'password', message: 'password is required' }]);
  });

  it('an unknown route is 404 NOT_FOUND', async () => {
    const reply = await api.request('GET', '/no-such-thing');
    expect(reply.status).toBe(404);
    expect(isProblem(reply.body) && reply.body.code).toBe('NOT_FOUND');
  });

  it('a role that may not call a route gets 403 FORBIDDEN', async () => {
    const token = await api.token(demo('student'));
    const reply = await api.request('POST', '/schools', { token, body: { name: '某学校', level: 'higher', district: '城关区' } });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('every response carries a request id, the caller’s own when it sends a sane one', async () => {
    const mine = await api.request('GET', '/health/live', { headers: { 'x-request-id': 'abc-123' } });
    expect(mine.headers.get('x-request-id')).toBe('abc-123');
    const generated = await api.request('GET', '/no-such-thing', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((generated.body as { requestId: string }).requestId).toBe(generated.headers.get('x-request-id'));
  });

  it('sends security headers', async () => {
    const reply = await api.request('GET', '/health/live');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(reply.headers.get('strict-transport-security')).toBeTruthy();
  });
});
