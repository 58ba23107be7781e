// The part of autocannon's programmatic API the bench uses (the package publishes no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    /** What a request's hooks may keep per request: the bench keeps a label and an id there. */
    type Context = Record<string, unknown>;

    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      /** Only read by the bench's own bookkeeping (lib/load.mjs): latencies per label. */
      label?: string;
      setupRequest?: (request: Request, context: Context) => Request;
      onResponse?: (status: number, body: string, context: Context) => void;
    }

    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      overallRate?: number;
      timeout?: number;
      headers?: Record<string, string>;
      requests?: Request[];
      warmup?: { connections: number; duration: number };
    }

    interface Result {
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      requests: { average: number };
      latency: { p50: number; p99: number };
    }

    /** The client a 'response' event comes from: its request iterator holds the current request. */
    interface Client {
      requestIterator?: { context?: Context; currentRequest?: Request };
    }

    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void;
      on(event: 'start', listener: () => void): this;
      on(event: 'response', listener: (client: Client, statusCode: number, bytes: number, responseTime: number) => void): this;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
