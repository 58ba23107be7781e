import { ApiError } from '../api/client';
import { isNetworkFailure, queryRetryDelay, QUERY_RETRIES, shouldRetryQuery } from './query-retry';

const problem = (status: number, code: string, retryAfterSeconds?: number) =>
  new ApiError({ type: 'about:blank', title: code, status, detail: code, code }, retryAfterSeconds);

describe('shouldRetryQuery', () => {
  it.each([
    ['a dropped connection', problem(0, 'NETWORK_ERROR')],
    ['a proxy that could not reach the API', problem(502, 'UNAVAILABLE')],
    ['a server error', problem(500, 'INTERNAL')],
    ['a rate limit', problem(429, 'RATE_LIMITED')],
  ])('asks again after %s', (_what, error) => {
    expect(shouldRetryQuery(0, error)).toBe(true);
    expect(shouldRetryQuery(QUERY_RETRIES - 1, error)).toBe(true);
  });

  it('gives up after the last retry', () => {
    expect(shouldRetryQuery(QUERY_RETRIES, problem(0, 'NETWORK_ERROR'))).toBe(false);
  });

  it.each([400, 401, 403, 404, 409, 422])('never asks again after a %i: the answer will not change', (status) => {
    expect(shouldRetryQuery(0, problem(status, 'REFUSED'))).toBe(false);
  });

  it('does not retry an error that is not the API’s (a bug in the page)', () => {
    expect(shouldRetryQuery(0, new TypeError('x is undefined'))).toBe(false);
  });
});

describe('queryRetryDelay', () => {
  it('doubles from a second and stops growing at thirty', () => {
    const network = problem(0, 'NETWORK_ERROR');
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => queryRetryDelay(attempt, network))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });

  it('waits as long as a 429 asks, within the cap', () => {
    expect(queryRetryDelay(0, problem(429, 'RATE_LIMITED', 5))).toBe(5000);
    expect(queryRetryDelay(0, problem(429, 'RATE_LIMITED', 600))).toBe(30000);
  });
});

describe('isNetworkFailure', () => {
  it('tells a dropped connection from a refusal', () => {
    expect(isNetworkFailure(problem(0, 'NETWORK_ERROR'))).toBe(true);
    expect(isNetworkFailure(problem(503, 'UNAVAILABLE'))).toBe(false);
    expect(isNetworkFailure(new Error('offline'))).toBe(false);
  });
});
