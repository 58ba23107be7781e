/**
 * The problem codes of the API and the HTTP status each answers with: what the OpenAPI document
 * lists per route (see openapi.ts). Plain data and functions, no framework.
 */
import type { ProblemCode as ContractProblemCode } from '@skillbridge/contracts';

/**
 * The HTTP status of each problem code: every code of the contracts' one union, and no other. The
 * same code always answers the same status, except where a route says otherwise with a `[status, code]` pair.
 */
export const STATUS_OF_CODE = {
  // The request itself (the framework, the validation pipe, the paginator).
  MALFORMED_BODY: 400,
  MALFORMED_URL: 400,
  VALIDATION_FAILED: 400,
  INVALID_CURSOR: 400,
  INVALID_YEAR: 400,
  INVALID_RANGE: 400,
  INVALID_DEADLINE: 400,
  RESET_LINK_INVALID: 400,
  REGISTRATION_LINK_INVALID: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
  // Who is asking.
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_ACTIVATION_CODE: 401,
  REFRESH_TOKEN_REUSED: 401,
  FORBIDDEN: 403,
  ACCOUNT_NOT_ACTIVATED: 403,
  ENTERPRISE_NOT_VERIFIED: 403,
  NOT_FOUND: 404,
  NO_QUOTA_YET: 404,
  RATE_LIMITED: 429,
  // The state of things.
  ALREADY_APPLIED: 409,
  ALREADY_APPROVED: 409,
  ALREADY_PLACED: 409,
  BOOKING_NOT_STARTED: 409,
  BOOKING_OVERLAP: 409,
  BOOKING_STARTED: 409,
  CAPACITY_BELOW_TAKEN: 409,
  DEADLINE_PASSED: 409,
  EMAIL_TAKEN: 409,
  IMPORT_NOT_DONE: 409,
  INVALID_TRANSITION: 409,
  NOT_RUN: 409,
  OFFER_EXPIRED: 409,
  PLACEMENT_OVERLAP: 409,
  POST_CAP_EXCEEDED: 409,
  PREFERENCE_DEADLINE_PASSED: 409,
  QUOTA_CAP_EXCEEDED: 409,
  RESULT_NOT_PUBLISHED: 409,
  RESULT_UNSTABLE: 409,
  ROUND_NOT_COLLECTING: 409,
  ROUND_NOT_PUBLISHED: 409,
  ROUND_NOT_RANKING: 409,
  RUN_IN_PROGRESS: 409,
  SCHOOL_APPROVAL_REQUIRED: 409,
  SEATS_GONE: 409,
  SLOT_FULL: 409,
  SLOT_NOT_OPEN: 409,
  SLOT_PUBLISHED: 409,
  USCC_TAKEN: 409,
  // The rules (§ of the domain).
  BOOKING_IN_PAST: 422,
  BOOKING_OUTSIDE_WINDOW: 422,
  BOOKING_TOO_SHORT: 422,
  DATES_INVERTED: 422,
  DAYS_SERVED_EXCEED_BOOKING: 422,
  DAYS_SERVED_REQUIRED: 422,
  DEADLINE_AFTER_START: 422,
  DEADLINE_IN_PAST: 422,
  DUPLICATE_PREFERENCE: 422,
  DUPLICATE_RANKING: 422,
  FIRST_YEAR_STUDENT: 422,
  GUARDIAN_CONSENT_REQUIRED: 422,
  HOURS_EXCEEDED: 422,
  INSURANCE_REQUIRED: 422,
  INVALID_RULES: 422,
  NIGHT_SHIFT_NOT_ALLOWED: 422,
  NOT_AN_APPLICANT: 422,
  NOT_ELIGIBLE_FOR_ROUND: 422,
  NO_SEATS_LEFT: 422,
  PLACEMENT_NOT_ENDED: 422,
  PLACEMENT_NOT_STARTED: 422,
  PREFERENCES_EMPTY: 422,
  RESPOND_BY_PAST: 422,
  SLOT_NOT_ELIGIBLE: 422,
  SLOT_NOT_IN_ROUND: 422,
  STIPEND_BELOW_FLOOR: 422,
  STIPEND_REQUIRED: 422,
  TOO_MANY_PREFERENCES: 422,
  UNDER_MINIMUM_AGE: 422,
  USCC_VOID: 422,
  UNKNOWN_MAJOR: 422,
  WRONG_SLOT_TYPE: 422,
  // The tripartite agreement (issue 18).
  AGREEMENT_VERSION_OUTDATED: 409,
  ALREADY_SIGNED: 409,
  NOT_A_SIGNER: 403,
  SIGNING_NOT_OPEN: 409,
  SIGNING_CODE_INVALID: 422,
  SIGNING_PASSWORD_INVALID: 422,
  GUARDIAN_LINK_INVALID: 400,
  GUARDIAN_NOT_VIEWED: 409,
  GUARDIAN_CONTACT_MISSING: 422,
  GUARDIAN_CONTACT_SCHOOL_ONLY: 403,
  GUARDIAN_NOT_REQUIRED: 422,
  INSURANCE_NOT_COVERING: 422,
  INSURANCE_MISMATCH: 422,
  AGREEMENT_NOT_SIGNED: 409,
  AGREEMENT_VOID: 409,
  // The protocol's own, answered by the framework or the problem filter for a status with nothing more specific.
  BAD_REQUEST: 400,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  INTERNAL_ERROR: 500,
  NOT_READY: 503,
  // The matching engine's input checks: a match run's failure in the worker, never a request's answer.
  DUPLICATE_APPLICANT: 422,
  INVALID_HR_INSTANCE: 422,
  MALFORMED_HR_INSTANCE: 422,
} as const satisfies Record<ContractProblemCode, number>;

export type ProblemCode = keyof typeof STATUS_OF_CODE;

/** A code, or a code with the status this route answers it with (where it differs from STATUS_OF_CODE). */
export type DocumentedProblem = ProblemCode | readonly [status: number, code: ProblemCode];

/** What a request with a JSON body or a query can always be refused with. */
export const INPUT_PROBLEMS = ['MALFORMED_BODY', 'VALIDATION_FAILED'] as const satisfies readonly ProblemCode[];

export type CodesByStatus = Record<number, ProblemCode[]>;

/** The codes grouped by the status they answer with, added to (a copy of) those already known. */
export function codesByStatus(problems: readonly DocumentedProblem[], known: CodesByStatus = {}): CodesByStatus {
  const into: CodesByStatus = Object.fromEntries(Object.entries(known).map(([status, codes]) => [status, [...codes]]));
  for (const entry of problems) {
    const [status, code] = typeof entry === 'string' ? [STATUS_OF_CODE[entry as ProblemCode], entry as ProblemCode] : entry;
    const codes = (into[status] ??= []);
    if (!codes.includes(code)) codes.push(code);
  }
  return into;
}

/** The description of one status's problem response. */
export const problemsDescription = (codes: readonly ProblemCode[]): string =>
  `Problem details; \`code\` is one of: ${codes.map((c) => `\`${c}\``).join(', ')}`;
