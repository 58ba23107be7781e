/**
 * 个人信息访问记录 — the personal-data access log: who read which students' personal data, what and why,
 * written wherever enterprise staff, officers or the platform admin are shown it.
 */
export * from './access-log';
