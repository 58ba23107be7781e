import { ROOT_CONTEXT, TraceFlags, trace } from '@opentelemetry/api';
import { contextOf, currentTraceparent, spanContextOf } from './traceparent';

describe('traceparent', () => {
  const span = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, isRemote: false };

  it('is null without an active span (tracing off)', () => {
    expect(currentTraceparent(ROOT_CONTEXT)).toBeNull();
  });

  it('writes the active span in W3C form and reads it back as the remote parent', () => {
    const written = currentTraceparent(trace.setSpanContext(ROOT_CONTEXT, span));
    expect(written).toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    expect(spanContextOf(written)).toEqual({ ...span, isRemote: true });
    expect(trace.getSpanContext(contextOf(written))?.traceId).toBe(span.traceId);
  });

  it.each([
    null,
    '',
    'garbage',
    '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  ])('ignores %p', (value) => {
    expect(spanContextOf(value)).toBeNull();
    expect(contextOf(value)).toBe(ROOT_CONTEXT);
  });
});
