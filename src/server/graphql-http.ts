import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import { bearerKey } from '../auth/api-key.js';
import { authenticate } from '../auth/authenticate.js';
import { createContext, type GatewayContext, type GatewayServices } from '../context.js';
import { isDatabaseUnavailable } from '../database/database-errors.js';
import { enterStatementCounter } from '../database/statement-counter.js';
import { DATABASE_RETRY_AFTER_SECONDS, rateLimited, serviceUnavailable } from '../errors.js';
import { BodyTooLargeError, readBody, sendGraphQLError } from './http-io.js';
import { createKeyRateLimiter, type KeyRateLimiter } from './key-rate-limiter.js';

/**
 * Serves GraphQL over HTTP through Apollo's integration API: this module owns body reading (limits,
 * malformed JSON) and authentication; Apollo owns parsing, validation, execution and CSRF prevention.
 */
export function createGraphQLHttpHandler(
  apollo: ApolloServer<GatewayContext>,
  services: GatewayServices,
  limiter: KeyRateLimiter = createKeyRateLimiter(services.config.RATE_LIMIT_PER_KEY_PER_MINUTE),
) {
  return async function handleGraphQL(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> {
    const requestId = headerValue(request, 'x-request-id') ?? randomUUID();
    response.setHeader('x-request-id', requestId);
    let body: unknown;
    if (request.method === 'POST') {
      const parsed = await readJsonBody(request, response, services.config.BODY_LIMIT_BYTES);
      if (!parsed.ok) return;
      body = parsed.value;
    }
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    enterStatementCounter();
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        const auth = await authenticate(services.db, bearerKey(request.headers.authorization)).catch(
          (error) => {
            // Without this, an outage reads as a bug (500) to the client, which then does not retry.
            if (!isDatabaseUnavailable(error)) throw error;
            response.setHeader('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
            throw serviceUnavailable();
          },
        );
        const retryAfterSeconds = limiter.take(auth.app.id);
        if (retryAfterSeconds > 0) {
          response.setHeader('retry-after', String(retryAfterSeconds));
          throw rateLimited(retryAfterSeconds);
        }
        return createContext(services, auth, requestId);
      },
    });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}

type Parsed = { ok: true; value: unknown } | { ok: false };

async function readJsonBody(
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
): Promise<Parsed> {
  let raw: Buffer;
  try {
    raw = await readBody(request, limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      response.setHeader('connection', 'close');
      sendGraphQLError(response, 413, 'PAYLOAD_TOO_LARGE', error.message);
      return { ok: false };
    }
    throw error;
  }
  if (raw.length === 0) return { ok: true, value: undefined };
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.includes('json')) return { ok: true, value: raw.toString('utf8') };
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) };
  } catch {
    sendGraphQLError(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    return { ok: false };
  }
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^[\w.:-]{1,128}$/.test(text) ? text : undefined;
}
