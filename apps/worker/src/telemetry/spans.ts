import { Attributes, Context, Link, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/** The worker's tracer: a no-op until tracing.ts registers an SDK. */
export const tracer = trace.getTracer('skillbridge-worker');

/**
 * Runs `work` inside a new active span under `parent` (e.g. the context of an outbox event's
 * traceparent), ending it with the outcome. With tracing off this costs a no-op span.
 */
export function inSpan<T>(
  name: string,
  parent: Context,
  options: { attributes?: Attributes; links?: Link[] },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(name, { kind: SpanKind.CONSUMER, ...options }, parent, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}
