/**
 * 通知 — notifications' logic shared by the API and the worker: an event recorded in the outbox in the
 * transaction of the change it announces (with its audience and trace), and the facts a message is written from.
 */
export * from './notification-facts';
export * from './outbox';
