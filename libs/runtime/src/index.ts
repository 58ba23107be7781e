/**
 * 运行环境 — what every process of ours (the API, the worker) shares to run: the validated configuration
 * read from the environment, and the W3C trace context carried through the outbox and the queues.
 */
export * from './service-config';
export * from './traceparent';
