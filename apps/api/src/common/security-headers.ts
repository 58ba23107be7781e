import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's response headers, worked out once at boot: with fixed options they are the same for every
 * request, and running helmet's middleware per request (through @fastify/helmet) was ~6 % of a search
 * request's CPU. An onRequest hook then sets them as one object.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  let done = false;
  const response = { setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)), removeHeader: () => undefined };
  helmet(options)({} as never, response as never, () => void (done = true));
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be computed once');
  return headers;
}
