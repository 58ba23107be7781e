/** Where the journeys run: `E2E_BASE_URL` when given, else a stack started by `./stack`. */
export interface E2eStack {
  baseUrl: string;
  /** The stack's own API with its database (a TypeORM DataSource), when `./stack` started it; absent with E2E_BASE_URL. */
  api?: { db: { query(sql: string, params?: unknown[]): Promise<unknown> } };
  /** The test SMTP server the stack's worker sends to, when `./stack` started it. */
  smtp?: { received: Array<{ to: string; subject: string; raw: string; messageId: string }> };
  stop(): Promise<void>;
}

interface StackModule {
  startStack(): Promise<E2eStack>;
}

export async function resolveStack(): Promise<E2eStack> {
  const given = process.env.E2E_BASE_URL;
  if (given) return { baseUrl: given.replace(/\/+$/, ''), stop: async () => undefined };
  // Loaded only when needed: `./stack` (database, API, `vite preview`) is heavy and owned by the API side.
  const stackModule = './stack';
  const { startStack } = (await import(stackModule)) as StackModule;
  return startStack();
}
