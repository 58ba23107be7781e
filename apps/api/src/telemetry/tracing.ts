/**
 * OpenTelemetry tracing, on only when OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
 * is set. main.ts imports this module first, so that http, pg and ioredis are patched before anything
 * loads them. Without the variable no SDK is even loaded: every span is the API's no-op and outbox
 * rows carry no traceparent. OTLP over HTTP (JSON); the standard OTEL_* variables tune the exporter,
 * the batch processor (OTEL_BSP_*) and sampling (OTEL_TRACES_SAMPLER, default parent-based always-on).
 */
import type { Instrumentation } from '@opentelemetry/instrumentation';

type Shutdown = () => Promise<void>;

const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
const enabled = Boolean(endpoint) && process.env.OTEL_SDK_DISABLED !== 'true';

/** Paths nobody wants a trace of: probes and scrapes, every few seconds. */
const UNTRACED = /^\/(metrics|api\/v1\/health\/)/;

function start(): Shutdown {
  const { NodeTracerProvider, BatchSpanProcessor } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { IORedisInstrumentation } =
    require('@opentelemetry/instrumentation-ioredis') as typeof import('@opentelemetry/instrumentation-ioredis');

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || 'skillbridge-api' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  const instrumentations: Instrumentation[] = [
    new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED.test(request.url ?? '') }),
    // Only queries and commands made while serving something: not the pools' own chatter.
    new PgInstrumentation({ requireParentSpan: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ];
  registerInstrumentations({ tracerProvider: provider, instrumentations });
  return () => provider.shutdown();
}

/** Flushes the spans still buffered; a no-op when tracing is off. Call before the process exits. */
export const shutdownTracing: Shutdown = enabled ? start() : async () => undefined;
