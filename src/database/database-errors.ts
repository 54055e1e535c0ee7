/** Node socket errors meaning Postgres could not be reached or the connection broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/**
 * SQLSTATEs of an unavailable server: class 08 (connection exception), 57P01-57P03 (admin shutdown,
 * crash shutdown, cannot connect now: starting or stopping) and 53300 (too many connections).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|53300)$/;

/** What pg and pg-pool say when a connection ends under a query or none can be had in time. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|the database system is (starting up|shutting down)/i;

/**
 * Whether `error` (or what it wraps: a GraphQLError's originalError, TypeORM's driverError, a cause, an
 * AggregateError's errors) says the database is unreachable, as opposed to refusing a statement. Such an
 * error is the outage's, not the request's: the client should retry, not fix its request or its key.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const candidate = error as {
    code?: unknown;
    message?: unknown;
    originalError?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof candidate.code === 'string') {
    if (NETWORK_CODES.has(candidate.code) || UNAVAILABLE_STATES.test(candidate.code)) return true;
  }
  if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGES.test(candidate.message)) return true;
  const wrapped = [candidate.originalError, candidate.driverError, candidate.cause];
  if (Array.isArray(candidate.errors)) wrapped.push(...candidate.errors);
  return wrapped.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
