/** What went wrong with a Xero call, as the sync engine and mutations need to tell it apart. */
export enum XeroErrorKind {
  RateLimited = 'RATE_LIMITED',
  Unauthorized = 'UNAUTHORIZED',
  Forbidden = 'FORBIDDEN',
  Validation = 'VALIDATION',
  NotFound = 'NOT_FOUND',
  Unavailable = 'UNAVAILABLE',
}

export class XeroApiError extends Error {
  constructor(
    readonly kind: XeroErrorKind,
    message: string,
    readonly statusCode: number,
    /** Xero's own validation messages, for XERO_REJECTED. */
    readonly validationMessages: string[] = [],
    /** Seconds Xero asked us to wait (429). */
    readonly retryAfterSeconds?: number,
    /** minute | day | appminute | concurrent (429). */
    readonly rateLimitProblem?: string,
  ) {
    super(message);
    this.name = 'XeroApiError';
  }

  /** Worth retrying later with the same request: Xero was busy, slow or down, or asked us to wait. */
  get retryable(): boolean {
    return this.kind === XeroErrorKind.Unavailable || this.kind === XeroErrorKind.RateLimited;
  }
}

interface RawRejection {
  response?: { statusCode?: number; body?: unknown; headers?: Record<string, string> };
  body?: unknown;
}

/**
 * xero-node rejects with a JSON *string* of `{response: {statusCode, body, headers}, body}` (statusCode 0
 * for network failures and timeouts); this turns any rejection into a typed XeroApiError.
 */
export function parseXeroError(rejection: unknown): XeroApiError {
  if (rejection instanceof XeroApiError) return rejection;
  const raw = toRaw(rejection);
  const status = raw.response?.statusCode ?? 0;
  const headers = raw.response?.headers ?? {};
  const body = raw.response?.body ?? raw.body;
  if (status === 429) {
    const retryAfter = Number(headers['retry-after']);
    const problem = headers['x-rate-limit-problem'];
    return new XeroApiError(
      XeroErrorKind.RateLimited,
      `Xero rate limit reached (${problem ?? 'unknown'})`,
      status,
      [],
      Number.isFinite(retryAfter) ? retryAfter : undefined,
      problem,
    );
  }
  if (status === 401)
    return new XeroApiError(XeroErrorKind.Unauthorized, describe(body, 'Unauthorized'), status);
  if (status === 403) return new XeroApiError(XeroErrorKind.Forbidden, describe(body, 'Forbidden'), status);
  if (status === 404)
    return new XeroApiError(XeroErrorKind.NotFound, 'The resource was not found in Xero', status);
  if (status === 400) {
    const messages = validationMessages(body);
    return new XeroApiError(
      XeroErrorKind.Validation,
      messages.join('; ') || describe(body, 'Bad request'),
      status,
      messages,
    );
  }
  const reason = status === 0 ? describe(body, 'network error') : `HTTP ${status}`;
  return new XeroApiError(XeroErrorKind.Unavailable, `Xero is unavailable: ${reason}`, status);
}

function toRaw(rejection: unknown): RawRejection {
  if (typeof rejection === 'string') {
    try {
      return JSON.parse(rejection) as RawRejection;
    } catch {
      return { response: { statusCode: 0, body: rejection } };
    }
  }
  if (rejection instanceof Error) return { response: { statusCode: 0, body: rejection.message } };
  if (rejection && typeof rejection === 'object') {
    const object = rejection as {
      response?: { status?: number; statusCode?: number; data?: unknown };
    } & RawRejection;
    // A non-2xx answer xero-node resolved into a rejection object (axios response, not JSON string)
    const response = object.response;
    if (response && 'status' in response) {
      return { response: { statusCode: response.status, body: response.data ?? object.body } };
    }
    return object;
  }
  return { response: { statusCode: 0 } };
}

/** Xero's ValidationException: `Elements[].ValidationErrors[].Message` (and a top-level Message). */
export function validationMessages(body: unknown): string[] {
  if (!body || typeof body !== 'object') return [];
  const record = body as {
    Elements?: Array<{ ValidationErrors?: Array<{ Message?: string }> }>;
    Message?: string;
  };
  const messages = (record.Elements ?? []).flatMap((element) =>
    (element.ValidationErrors ?? []).map((error) => error.Message ?? '').filter(Boolean),
  );
  if (messages.length === 0 && record.Message) messages.push(record.Message);
  return [...new Set(messages)];
}

function describe(body: unknown, fallback: string): string {
  if (typeof body === 'string') return body.slice(0, 300) || fallback;
  if (body && typeof body === 'object') {
    const record = body as { Detail?: string; Message?: string; Title?: string; error?: string };
    return record.Detail ?? record.Message ?? record.Title ?? record.error ?? fallback;
  }
  return fallback;
}
