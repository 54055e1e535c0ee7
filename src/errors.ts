import { GraphQLError } from 'graphql';

/** Every code a client can see in `extensions.code`. */
export const ErrorCode = {
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  BadUserInput: 'BAD_USER_INPUT',
  Conflict: 'CONFLICT',
  XeroRejected: 'XERO_REJECTED',
  XeroUnavailable: 'XERO_UNAVAILABLE',
  PayrollNotEnabled: 'PAYROLL_NOT_ENABLED',
  RateLimited: 'RATE_LIMITED',
  TooManySubscriptions: 'TOO_MANY_SUBSCRIPTIONS',
  QueryTooDeep: 'QUERY_TOO_DEEP',
  QueryTooComplex: 'QUERY_TOO_COMPLEX',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  BadRequest: 'BAD_REQUEST',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  path: string;
  message: string;
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  BAD_REQUEST: 400,
};

function gatewayError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) },
  });
}

export const unauthenticated = (
  message = 'A valid API key is required: send "Authorization: Bearer <key>".',
) => gatewayError(ErrorCode.Unauthenticated, message);

export const forbidden = (scope: string) =>
  gatewayError(
    ErrorCode.Forbidden,
    `This operation needs the "${scope}" scope, which this key does not have.`,
    {
      requiredScope: scope,
    },
  );

export const notFound = (entity: string, id: string) =>
  gatewayError(ErrorCode.NotFound, `${entity} ${id} was not found.`, { entity, id });

/** Bad input: names every field at fault. */
export const badUserInput = (fieldErrors: FieldError[], message?: string) =>
  gatewayError(
    ErrorCode.BadUserInput,
    message ?? fieldErrors.map((error) => `${error.path}: ${error.message}`).join('; '),
    { fieldErrors },
  );

export const badArgument = (path: string, message: string) => badUserInput([{ path, message }]);

/** A socket already runs as many operations as MAX_SUBSCRIPTIONS_PER_SOCKET allows. */
export const tooManySubscriptions = (limit: number) =>
  gatewayError(
    ErrorCode.TooManySubscriptions,
    `At most ${limit} subscriptions on one socket: complete one, or open another socket.`,
    { limit },
  );

export const rateLimited = (retryAfterSeconds: number) =>
  gatewayError(ErrorCode.RateLimited, `Too many requests for this key; retry in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
  });

/** A request GraphQL could parse but this endpoint does not serve (a subscription over HTTP). */
export const badRequest = (message: string) => gatewayError(ErrorCode.BadRequest, message);

/** Seconds a client is told to wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot be reached (down, restarting, no free connection): the request did nothing and may
 * be retried, unlike INTERNAL_SERVER_ERROR (a bug) or UNAUTHENTICATED (a bad key).
 */
export const serviceUnavailable = (retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS) =>
  gatewayError(
    ErrorCode.ServiceUnavailable,
    `The gateway cannot reach its database; retry in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );

/** Codes that are safe to show clients verbatim; everything else is masked outside development. */
export const CLIENT_SAFE_CODES: ReadonlySet<string> = new Set([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.Internal),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Xero answered with its own validation errors: nothing was changed. */
export const xeroRejected = (messages: string[]) =>
  gatewayError(
    ErrorCode.XeroRejected,
    `Xero refused the change: ${messages.join('; ') || 'no reason given'}`,
    {
      xeroMessages: messages,
    },
  );

/** Xero could not be reached and the write was not kept (only when keeping it makes no sense). */
export const xeroUnavailable = (message: string) => gatewayError(ErrorCode.XeroUnavailable, message);

/** The record changed since the version the client based its update on. */
export const conflict = (message: string, details: Record<string, unknown>) =>
  gatewayError(ErrorCode.Conflict, message, details);

export const payrollNotEnabled = (message: string) => gatewayError(ErrorCode.PayrollNotEnabled, message);
