import { Context, ROOT_CONTEXT, SpanContext, context, isSpanContextValid, trace } from '@opentelemetry/api';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The W3C traceparent of the active span, or null when there is none — always null unless an
 * OpenTelemetry SDK was registered (the API alone is a no-op), so untraced deployments pay nothing.
 */
export function currentTraceparent(active: Context = context.active()): string | null {
  const span = trace.getSpanContext(active);
  if (!span || !isSpanContextValid(span)) return null;
  return `00-${span.traceId}-${span.spanId}-${(span.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}

/** The remote span a stored traceparent names, or null when it is missing or malformed. */
export function spanContextOf(traceparent: string | null | undefined): SpanContext | null {
  const match = traceparent ? TRACEPARENT.exec(traceparent) : null;
  if (!match) return null;
  const span: SpanContext = { traceId: match[1], spanId: match[2], traceFlags: parseInt(match[3], 16), isRemote: true };
  return isSpanContextValid(span) ? span : null;
}

/** A context whose parent is the stored traceparent (the root context when there is none). */
export function contextOf(traceparent: string | null | undefined): Context {
  const span = spanContextOf(traceparent);
  return span ? trace.setSpanContext(ROOT_CONTEXT, span) : ROOT_CONTEXT;
}
