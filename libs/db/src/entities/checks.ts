/**
 * The SQL of a CHECK that a column holds one of a list: built from the list in libs/contracts, so
 * that a status list is declared once (contracts), and the entity's CHECK and the domain's type
 * follow it. The text is the committed migrations' own (a test holds them together); a new value
 * still needs a migration.
 */
export const oneOf = (column: string, values: readonly string[]): string =>
  `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;
