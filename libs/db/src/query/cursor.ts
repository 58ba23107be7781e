/**
 * Opaque keyset cursors: base64url of the last row's sort key. Clients pass them back unchanged.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each part of a key is compared with in SQL. A cursor comes back from the client: a part
 * that does not fit its column (`'x'::timestamptz`, a NUL in text) would be a database error.
 */
export type CursorPart = 'text' | 'date' | 'timestamp' | 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Years PostgreSQL and the API both take (there is no year 0 in PostgreSQL).
const DATE = /^(19|20|21)\d{2}-\d{2}-\d{2}$/;
const TIMESTAMP = /^(19|20|21)\d{2}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

function fits(part: unknown, kind: CursorPart): boolean {
  if (typeof part === 'number') return kind === 'text' && Number.isFinite(part);
  if (typeof part !== 'string' || part.includes('\u0000')) return false;
  switch (kind) {
    case 'text':
      return true;
    case 'uuid':
      return UUID.test(part);
    case 'date':
      return (
        DATE.test(part) && !Number.isNaN(Date.parse(`${part}T00:00:00Z`)) && new Date(`${part}T00:00:00Z`).toISOString().startsWith(part)
      );
    case 'timestamp':
      return TIMESTAMP.test(part) && !Number.isNaN(Date.parse(part));
  }
}

/** The key of a cursor of this shape (its parts' kinds, or just how many there are); null when it is not one. */
export function decodeCursor(cursor: string, shape: number | readonly CursorPart[]): (string | number)[] | null {
  const kinds: readonly CursorPart[] = typeof shape === 'number' ? Array.from({ length: shape }, () => 'text' as const) : shape;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(key) || key.length !== kinds.length) return null;
    if (!key.every((part, i) => fits(part, kinds[i]))) return null;
    return key;
  } catch {
    return null;
  }
}
