import { PROBLEM_CODES } from '@skillbridge/contracts';
import { INPUT_PROBLEMS, STATUS_OF_CODE, codesByStatus, problemsDescription } from './problem-codes';

describe('problem codes of the OpenAPI document', () => {
  it('groups a route’s codes by the status each answers with', () => {
    expect(codesByStatus([...INPUT_PROBLEMS, 'NOT_FOUND', 'SLOT_FULL', 'OFFER_EXPIRED'])).toEqual({
      400: ['MALFORMED_BODY', 'VALIDATION_FAILED'],
      404: ['NOT_FOUND'],
      409: ['SLOT_FULL', 'OFFER_EXPIRED'],
    });
  });

  it('adds to the codes already documented (a second decorator, @Roles, @RateLimit) without repeating any, and leaves them unchanged', () => {
    const known = codesByStatus(['OFFER_EXPIRED', 'NOT_FOUND']);
    const merged = codesByStatus(['SLOT_FULL', 'NOT_FOUND', 'FORBIDDEN', 'RATE_LIMITED'], known);
    expect(merged).toEqual({ 404: ['NOT_FOUND'], 409: ['OFFER_EXPIRED', 'SLOT_FULL'], 403: ['FORBIDDEN'], 429: ['RATE_LIMITED'] });
    expect(known).toEqual({ 404: ['NOT_FOUND'], 409: ['OFFER_EXPIRED'] });
  });

  it('takes a route’s own status for a code that answers differently there', () => {
    expect(codesByStatus([[422, 'SCHOOL_APPROVAL_REQUIRED'], 'SLOT_FULL'])).toEqual({
      422: ['SCHOOL_APPROVAL_REQUIRED'],
      409: ['SLOT_FULL'],
    });
  });

  it('every code answers a client error (or 500/503 for ours or a dependency), in upper-snake case', () => {
    for (const [code, status] of Object.entries(STATUS_OF_CODE)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect([400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429, 500, 503]).toContain(status);
    }
  });

  it('has a status for every code of the contracts, and only for those', () => {
    expect(Object.keys(STATUS_OF_CODE).sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it('lists the codes in the description', () => {
    expect(problemsDescription(['SLOT_FULL', 'OFFER_EXPIRED'])).toBe('Problem details; `code` is one of: `SLOT_FULL`, `OFFER_EXPIRED`');
  });
});
