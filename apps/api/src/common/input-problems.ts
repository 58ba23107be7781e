import type { ProblemFieldError } from '@skillbridge/contracts';

// Plain TypeScript (no Nest import), so that it is unit-tested without the framework.

/**
 * Names every object answers to without holding them (`constructor`, `__proto__`, `toString`,
 * `valueOf`, `hasOwnProperty`, …), and `prototype`. class-transformer drops some; class-validator's
 * whitelist looks field names up in a plain object, so `?toString=1` passed as a known field.
 */
const PROTOTYPE_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Half of a UTF-16 pair: not text (JSON allows it as `\ud800`); validator.js's isEmail throws on it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const UNICODE_MESSAGE = 'must be valid Unicode text';

/** Deeper than any DTO goes: past it, a body is an attack on the parser, not data. */
const MAX_DEPTH = 8;

/**
 * What class-validator lets through or chokes on: a body that is not an object (null, an array,
 * a string), `null` for an optional field (IsOptional skips null, and the service then writes or
 * trims it), `__proto__`/`constructor`/`toString`/`prototype` keys (dropped without a word, or
 * taken for known fields), NUL characters
 * (PostgreSQL refuses them in text: a 500), lone UTF-16 surrogates, and deep nesting (class-
 * transformer recurses through it until the stack overflows).
 */
export function inputProblems(value: unknown, metadata: { type: string }): ProblemFieldError[] {
  if (metadata.type === 'body' && value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    return [{ field: 'body', message: 'The request body must be a JSON object' }];
  }
  const problems: ProblemFieldError[] = [];
  const walk = (node: unknown, path: string, depth: number): void => {
    if (typeof node === 'string') {
      if (node.includes('\u0000')) problems.push({ field: path, message: 'must not contain NUL characters' });
      else if (LONE_SURROGATE.test(node)) problems.push({ field: path, message: UNICODE_MESSAGE });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (depth > MAX_DEPTH) {
      problems.push({ field: path, message: 'is nested too deeply' });
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      const field = path ? `${path}.${key}` : key;
      // class-transformer drops these silently (its guard against prototype pollution): refuse them
      // like any other unknown field rather than act as if they had not been sent.
      if (PROTOTYPE_KEYS.has(key)) problems.push({ field, message: 'is not a known field' });
      else if (child === null)
        problems.push({ field, message: Array.isArray(node) ? 'must not be null' : `${key} must be left out rather than null` });
      else walk(child, field, depth + 1);
    }
  };
  if (metadata.type === 'body' || metadata.type === 'query') walk(value, '', 0);
  return problems;
}
