/**
 * 数据库命令 — the database's one-shot commands (migrate, seed, setup), for `cli.js` and the tests' template
 * database: libs/db's migrations and demo content, with the accounts' password hash and the quotas' figures.
 */
export * from './database-command';
