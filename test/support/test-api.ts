import type { LoginResponse, Problem } from '@skillbridge/contracts';
import { createDataSource } from '@skillbridge/db';
import { createHmac } from 'crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase, uniqueSuffix } from './database';
import { RunningProcess, freePort, startProcess, waitUntilUp } from './processes';

export const DEMO_PASSWORD = 'Demo#2026';
export const demo = (local: string): string => `${local}@demo.skillbridge.cn`;

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * The built API (apps/api/dist, as production runs it) in a process of its own on a real port,
 * over a database of this test file's own (a copy of the migrated, demo-seeded template) and the
 * real Redis under a key prefix of its own.
 */
export class TestApi {
  private constructor(
    readonly process: RunningProcess,
    readonly url: string,
    readonly database: TestDatabase,
    readonly db: DataSource,
    private readonly jwtSecret: string,
    private readonly env: Record<string, string>,
  ) {}

  static async start(env: Record<string, string> = {}, existing?: { database: TestDatabase; jwtSecret: string }): Promise<TestApi> {
    const database = existing?.database ?? (await createTestDatabase());
    const port = await freePort();
    const jwtSecret = existing?.jwtSecret ?? `test-secret-${uniqueSuffix()}-0123456789abcdef0123456789`;
    const api = startProcess('apps/api/dist/main.js', {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      REDIS_URL: process.env.REDIS_URL,
      REDIS_KEY_PREFIX: `sb-test-${uniqueSuffix()}:`,
      JWT_SECRET: jwtSecret,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    });
    const url = `http://127.0.0.1:${port}/api/v1`;
    await waitUntilUp(`${url}/health/live`, api);
    const db = await createDataSource(database.url, { extra: { max: 2 } }).initialize();
    return new TestApi(api, url, database, db, jwtSecret, env);
  }

  /** Another API process over the same database and secret, as a second replica behind a load balancer; stop it with stopReplica(). */
  replica(): Promise<TestApi> {
    return TestApi.start(this.env, { database: this.database, jwtSecret: this.jwtSecret });
  }

  /** Stops a replica's process, leaving the shared database alone. */
  async stopReplica(): Promise<void> {
    await this.db.destroy();
    await this.process.stop();
  }

  /** A new API process over the same database (after the old one was stopped or killed). */
  async restart(): Promise<TestApi> {
    await this.process.stop('SIGKILL');
    await this.db.destroy();
    return TestApi.start(this.env, { database: this.database, jwtSecret: this.jwtSecret });
  }

  async stop(): Promise<void> {
    await this.db.destroy();
    await this.process.stop();
    await this.database.drop();
  }

  /** A request as a client sends it: JSON in, JSON (or problem+json) out. */
  async request<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.url + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<LoginResponse> {
    const reply = await this.request<LoginResponse>('POST', '/auth/login', { body: { email, password } });
    if (reply.status !== 200) throw new Error(`login as ${email} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  async token(email: string): Promise<string> {
    return (await this.login(email)).accessToken;
  }

  /**
   * An access token for any user, signed as the API signs them: for tests that act as hundreds of
   * users at once, where signing in each (argon2) would take most of the test's time.
   */
  async tokenFor(userId: string): Promise<string> {
    const [user] = await this.db.query('SELECT role, organisation_id, authority FROM users WHERE id = $1', [userId]);
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: userId, role: user.role, org: user.organisation_id, auth: user.authority, iat: now, exp: now + 900, iss: 'skillbridge' })}`;
    return `${body}.${createHmac('sha256', this.jwtSecret).update(body).digest('base64url')}`;
  }

  /** The id of the demo organisation an account belongs to. */
  async organisationOf(email: string): Promise<string> {
    const [row] = await this.db.query('SELECT organisation_id FROM users WHERE email = $1', [email]);
    return row.organisation_id;
  }

  async userId(email: string): Promise<string> {
    const [row] = await this.db.query('SELECT id FROM users WHERE email = $1', [email]);
    return row.id;
  }
}

export const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && 'code' in body && 'status' in body && 'type' in body && 'title' in body && 'detail' in body;
