/**
 * Lookups by a name that came from outside (a route parameter, a header, a code in a file, a row of
 * the database): only what the table holds itself, never what every object inherits. With a plain
 * `table[name]`, `constructor`, `__proto__`, `toString` or `valueOf` find Object.prototype's members
 * and a route that should answer 404 throws instead.
 */
export const ownValue = <T>(table: Readonly<Record<string, T>>, name: string): T | undefined =>
  Object.hasOwn(table, name) ? table[name] : undefined;

/** Whether `name` is one of the table's own keys (for narrowing a string to the table's key type). */
export const isOwnKey = <K extends string>(table: Readonly<Record<K, unknown>>, name: string): name is K => Object.hasOwn(table, name);
