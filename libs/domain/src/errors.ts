import type { NumericFacts, NumericProblemCode, ProblemCode } from '@skillbridge/contracts';

/**
 * A broken business rule. Each carries a stable upper-snake `code` (one of ProblemCode, in
 * libs/contracts, which the portal words) that clients may rely on;
 * the API turns `kind` into an HTTP status (conflict → 409, unprocessable → 422, …).
 */
export type DomainErrorKind =
  | 'invalid' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'unprocessable' // 422
  | 'rate_limited'; // 429

export class DomainError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', 'not_found', `${what} was not found`);

/**
 * A refusal of a numeric rule: its facts are the numbers the contract names for the code
 * (`NUMERIC_PROBLEM_FACTS`), so that no such refusal reaches a user without its limit and the value refused.
 */
export const numericRefusal = <C extends NumericProblemCode>(
  code: C,
  kind: DomainErrorKind,
  message: string,
  facts: NumericFacts<C>,
): DomainError => new DomainError(code, kind, message, facts);
