import { describe, expect, it } from 'vitest';
import { parseXeroError, XeroErrorKind } from '../../../src/sync/xero/xero-error.js';

/** xero-node rejects with JSON strings of this shape (statusCode 0 for network errors). */
const rejection = (statusCode: number, body: unknown, headers: Record<string, string> = {}) =>
  JSON.stringify({ response: { statusCode, body, headers }, body });

describe('parsing xero-node rejections', () => {
  it.each([
    [429, {}, { 'retry-after': '37', 'x-rate-limit-problem': 'minute' }, XeroErrorKind.RateLimited],
    [
      401,
      { Title: 'Unauthorized', Detail: 'TokenExpired: token expired at 01/01/2026' },
      {},
      XeroErrorKind.Unauthorized,
    ],
    [403, { Detail: 'AuthenticationUnsuccessful' }, {}, XeroErrorKind.Forbidden],
    [404, "The resource you're looking for cannot be found", {}, XeroErrorKind.NotFound],
    [500, 'oops', {}, XeroErrorKind.Unavailable],
    [503, '', {}, XeroErrorKind.Unavailable],
    [0, 'timeout of 30000ms exceeded', {}, XeroErrorKind.Unavailable],
  ])('maps HTTP %i to its kind', (status, body, headers, kind) => {
    expect(parseXeroError(rejection(status, body, headers)).kind).toBe(kind);
  });

  it("reads a 429's Retry-After and problem", () => {
    const error = parseXeroError(
      rejection(429, {}, { 'retry-after': '37', 'x-rate-limit-problem': 'minute' }),
    );
    expect(error).toMatchObject({ retryAfterSeconds: 37, rateLimitProblem: 'minute' });
    expect(error.retryable).toBe(true);
  });

  it("collects every ValidationException message from Xero's elements", () => {
    const body = {
      ErrorNumber: 10,
      Type: 'ValidationException',
      Message: 'A validation exception occurred',
      Elements: [
        { ValidationErrors: [{ Message: 'Invoice not of valid status for modification' }] },
        {
          ValidationErrors: [
            { Message: 'Account code 999 is not a valid code' },
            { Message: 'Invoice not of valid status for modification' },
          ],
        },
      ],
    };
    const error = parseXeroError(rejection(400, body));
    expect(error.kind).toBe(XeroErrorKind.Validation);
    expect(error.validationMessages).toEqual([
      'Invoice not of valid status for modification',
      'Account code 999 is not a valid code',
    ]);
    expect(error.retryable).toBe(false);
  });

  it('treats a non-JSON rejection as a network failure', () => {
    expect(parseXeroError('socket hang up').kind).toBe(XeroErrorKind.Unavailable);
    expect(parseXeroError(new Error('ECONNRESET')).kind).toBe(XeroErrorKind.Unavailable);
  });
});
