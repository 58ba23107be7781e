/**
 * Opaque keyset cursors: base64url of the last row's sort key. Clients pass them back unchanged.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] | null {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(key) || key.length !== arity) return null;
    if (!key.every((part) => typeof part === 'string' || typeof part === 'number')) return null;
    return key;
  } catch {
    return null;
  }
}
