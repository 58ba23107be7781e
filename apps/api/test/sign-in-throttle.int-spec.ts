import type { LoginResponse } from '@skillbridge/contracts';
import { DEMO_PASSWORD, Reply, TestApi, demo } from '../../../test/support/test-api';

/** A browser of its own: its address (through the trusted proxy header) and the cookies it was given. */
class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly api: TestApi,
    readonly address: string,
  ) {}

  async login(email: string, password: string): Promise<Reply<LoginResponse>> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const reply = await this.api.request<LoginResponse>('POST', '/auth/login', {
      body: { email, password },
      headers: { 'x-forwarded-for': this.address, ...(cookie ? { cookie } : {}) },
    });
    for (const set of reply.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return reply;
  }

  /** Signs in as the owner does: waiting as long as each refusal's Retry-After says; answers the seconds waited. */
  async loginWaiting(email: string, password: string): Promise<{ reply: Reply<LoginResponse>; waitedSeconds: number }> {
    let waitedSeconds = 0;
    for (;;) {
      const reply = await this.login(email, password);
      if (reply.status !== 429) return { reply, waitedSeconds };
      const retryAfter = Number(reply.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      waitedSeconds += retryAfter;
      if (waitedSeconds > 60) return { reply, waitedSeconds };
      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    }
  }
}

const addresses = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => `${prefix}.${Math.floor(i / 250)}.${(i % 250) + 1}`);

describe('sign-in that no one can take away (integration: real PostgreSQL, Redis, HTTP)', () => {
  // One hop of proxy trusted, as behind the shipped nginx: the tests set each client's address in X-Forwarded-For.
  const limits = {
    TRUST_PROXY: '1',
    LOGIN_FREE_FAILURES: '3',
    LOGIN_DELAY_CAP_SECONDS: '60',
    LOGIN_ADDRESS_BURST: '30',
    LOGIN_ADDRESS_REFILL_SECONDS: '6',
    LOGIN_ACCOUNT_BURST: '10',
    LOGIN_ACCOUNT_REFILL_SECONDS: '10',
  };
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start(limits);
  });
  afterAll(() => api.stop());

  it('sets a device cookie on sign-in: HttpOnly, SameSite=Strict, for the auth routes', async () => {
    const reply = await new Browser(api, '198.51.100.1').login(demo('student6'), DEMO_PASSWORD);
    expect(reply.status).toBe(200);
    const [cookie] = reply.headers.getSetCookie();
    expect(cookie).toMatch(/^sb_device_[\w-]{16}=[\w-]+\.[\w-]+; Path=\/api\/v1\/auth; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
  });

  it('slows a pair of account and address with growing delays, and the right password starts it again', async () => {
    const email = demo('teacher2');
    const browser = new Browser(api, '198.51.100.2');
    for (let i = 0; i < 3; i++) expect((await browser.login(email, `wrong-${i}`)).status).toBe(401);
    const slowed = await browser.login(email, DEMO_PASSWORD);
    expect(slowed.status).toBe(429);
    expect(slowed.body).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(Number(slowed.headers.get('retry-after'))).toBe(2);
    // Another address is not held by this pair's failures, nor is another account from this address.
    expect((await new Browser(api, '198.51.100.3').login(email, DEMO_PASSWORD)).status).toBe(200);
    expect((await browser.login(demo('teacher3'), DEMO_PASSWORD)).status).toBe(200);
    // The owner waits the 2 s and gets in; then the pair starts again from nothing.
    const { reply, waitedSeconds } = await browser.loginWaiting(email, DEMO_PASSWORD);
    expect(reply.status).toBe(200);
    expect(waitedSeconds).toBeLessThanOrEqual(2);
    expect((await browser.login(email, 'wrong-again')).status).toBe(401);
  });

  it('limits failures per address across accounts, never a right password for long', async () => {
    const strict = await TestApi.start({ ...limits, LOGIN_ADDRESS_BURST: '4', LOGIN_ADDRESS_REFILL_SECONDS: '3' });
    try {
      const room = new Browser(strict, '203.0.113.7');
      for (let i = 0; i < 4; i++) expect((await room.login(demo(`student${i + 10}`), 'wrong-pass-1')).status).toBe(401);
      // The computer room's address has spent its failures: the next try waits at most one refill.
      const refused = await room.login(demo('student'), 'wrong-pass-1');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(3);
      // Rights cost nothing: a classmate with the right password gets in after that short wait, and so does the next.
      const first = await room.loginWaiting(demo('student'), DEMO_PASSWORD);
      expect(first.reply.status).toBe(200);
      expect(first.waitedSeconds).toBeLessThanOrEqual(3);
      const next = await room.loginWaiting(demo('student2'), DEMO_PASSWORD);
      expect(next.reply.status).toBe(200);
      expect(next.waitedSeconds).toBeLessThanOrEqual(3);
    } finally {
      await strict.stop();
    }
  });

  it('1,000 wrong guesses over 50 addresses: the guesser gets no more than the limits, the owner gets in', async () => {
    const email = demo('student7');
    const known = new Browser(api, '192.0.2.200');
    expect((await known.login(email, DEMO_PASSWORD)).status).toBe(200);

    const guessers = addresses(50, '10.66').map((address) => new Browser(api, address));
    const started = Date.now();
    const outcomes = new Map<number, number>();
    let next = 0;
    // 20 guesses in flight at a time, spread over the 50 addresses.
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < 1000) {
          const i = next++;
          const { status } = await guessers[i % 50].login(email, `Guess#${i}x`);
          outcomes.set(status, (outcomes.get(status) ?? 0) + 1);
        }
      }),
    );
    const elapsedSeconds = (Date.now() - started) / 1000;
    expect([...outcomes.keys()].sort()).toEqual([401, 429]);
    // Every password actually tried (401) came out of the account's bucket: its burst and one per refill.
    const allowed = Number(limits.LOGIN_ACCOUNT_BURST) + Math.ceil(elapsedSeconds / Number(limits.LOGIN_ACCOUNT_REFILL_SECONDS)) + 1;
    expect(outcomes.get(401)).toBeLessThanOrEqual(allowed);
    expect(outcomes.get(429)).toBeGreaterThanOrEqual(1000 - allowed);

    // The owner's browser that signed in before: at once, even from an address the guessers used.
    expect((await known.login(email, DEMO_PASSWORD)).status).toBe(200);
    // A new browser of the owner's: within 30 s of Retry-After.
    const fresh = await new Browser(api, '192.0.2.201').loginWaiting(email, DEMO_PASSWORD);
    expect(fresh.reply.status).toBe(200);
    expect(fresh.waitedSeconds).toBeLessThanOrEqual(30);
  }, 180_000);

  it('a known browser is slowed by its own failures only, and a cookie of another account or a forged one is no pass', async () => {
    const email = demo('student8');
    const owner = new Browser(api, '192.0.2.210');
    expect((await owner.login(email, DEMO_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await owner.login(email, `typo-${i}`)).status).toBe(401);
    expect((await owner.login(email, DEMO_PASSWORD)).status).toBe(429);

    // Another account's cookie in the same browser means nothing for this one.
    const other = new Browser(api, '192.0.2.211');
    expect((await other.login(demo('student9'), DEMO_PASSWORD)).status).toBe(200);
    const stolenName = (await other.login(demo('student9'), DEMO_PASSWORD)).headers.getSetCookie()[0].split('=')[0];
    const forged = await api.request('POST', '/auth/login', {
      body: { email: demo('student9'), password: DEMO_PASSWORD },
      headers: { 'x-forwarded-for': '192.0.2.212', cookie: `${stolenName}=${'A'.repeat(22)}.${'B'.repeat(43)}` },
    });
    expect(forged.status).toBe(200);
    expect(forged.headers.getSetCookie()[0]).not.toContain(`${'A'.repeat(22)}.`); // a new device, not the forged one
  });
});
