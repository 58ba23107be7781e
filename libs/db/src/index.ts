/**
 * 数据库 — the schema and its access: TypeORM entities, committed migrations, the data source, named statements
 * with keyset cursors, and the demo content. Feature logic shared by the API and the worker lives in a library
 * named after its feature (quotas, notifications, accounts …), which depends on this one, never the reverse.
 */
export * from './data-source';
export * from './entities';
export * from './naming.strategy';
export * from './query/built-sql';
export * from './query/cursor';
export * from './query/prepared';
export * from './query/statement';
export { seedDemo, isSeeded } from './seed/demo';
export { DEMO_ROUND_TO_PUBLISH } from './seed/demo-year';
