/**
 * 账号 — the secrets of accounts, shared by the API, the worker and the demo seed: password hashes, the
 * activation codes of imported accounts, and the one-time links of password resets and registrations.
 */
export * from './activation';
export * from './one-time-link';
export * from './passwords';
