/**
 * OpenTelemetry tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
 * is set. main.ts imports this module first, so that pg and ioredis are patched before anything loads
 * them. Without the variable no SDK is even loaded and every span below is the API's no-op.
 * The jobs' spans (spans.ts) join the trace of the request that recorded their outbox event.
 */
import type { Instrumentation } from '@opentelemetry/instrumentation';

type Shutdown = () => Promise<void>;

const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
const enabled = Boolean(endpoint) && process.env.OTEL_SDK_DISABLED !== 'true';

function start(): Shutdown {
  const { NodeTracerProvider, BatchSpanProcessor } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { IORedisInstrumentation } =
    require('@opentelemetry/instrumentation-ioredis') as typeof import('@opentelemetry/instrumentation-ioredis');

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || 'skillbridge-worker' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  // Only inside a job's span: the relay's polling and BullMQ's own blocking reads would drown the traces.
  const instrumentations: Instrumentation[] = [
    new PgInstrumentation({ requireParentSpan: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ];
  registerInstrumentations({ tracerProvider: provider, instrumentations });
  return () => provider.shutdown();
}

/** Flushes the spans still buffered; a no-op when tracing is off. Call before the process exits. */
export const shutdownTracing: Shutdown = enabled ? start() : async () => undefined;
