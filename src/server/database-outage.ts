import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../database/database-errors.js';
import { ErrorCode, serviceUnavailable } from '../errors.js';

/**
 * A result error caused by an unreachable Postgres, as the client should see it: SERVICE_UNAVAILABLE
 * with its retry delay (retryable), instead of a masked INTERNAL_SERVER_ERROR (a bug). Other errors pass
 * through unchanged. HTTP (Apollo's formatError) and WebSocket (graphql-ws's onNext) both use it.
 */
export function asServiceUnavailable(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  if (formatted.extensions?.code === ErrorCode.ServiceUnavailable || !isDatabaseUnavailable(error)) {
    return formatted;
  }
  const { message, extensions } = serviceUnavailable();
  return {
    ...formatted,
    message,
    extensions: { code: extensions.code, retryAfterSeconds: extensions.retryAfterSeconds },
  };
}
