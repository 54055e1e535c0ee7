import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Config } from '../config.js';
import type { GatewayContext } from '../context.js';
import { currentStatementCount } from '../database/statement-counter.js';
import { badRequest, CLIENT_SAFE_CODES, DATABASE_RETRY_AFTER_SECONDS, ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { describeInvalidInput, nulCharacterError } from '../resolvers/input-errors.js';
import { checkQueryLimits } from '../resolvers/query-limits.js';
import { asServiceUnavailable } from './database-outage.js';

/** Apollo Server over the gateway schema, with error masking, query limits and request logging. */
export function createApollo(
  schema: GraphQLSchema,
  config: Config,
  logger: Logger,
): ApolloServer<GatewayContext> {
  return new ApolloServer<GatewayContext>({
    schema,
    csrfPrevention: true,
    introspection: config.introspection,
    // Suggestions name fields and types: with introspection off they would give the schema away piecemeal.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: config.isDevelopment,
    allowBatchedHttpRequests: false,
    // The gateway drains HTTP first and stops Apollo last; Apollo's own signal handlers would stop it early.
    stopOnTerminationSignals: false,
    logger,
    formatError: (formatted, error) =>
      maskError(describeInvalidInput(asServiceUnavailable(formatted, error), error), config.isDevelopment),
    // No HTTP caching of GraphQL answers (they are per key), so the per-field cache-control bookkeeping is
    // pure overhead.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin(config),
      requestLogPlugin(logger),
      databaseOutagePlugin(),
    ],
  });
}

/**
 * An answer that is nothing but an outage gets 503 and Retry-After, so HTTP clients and proxies retry
 * it; one with data keeps 200 (part of it was answered).
 */
function databaseOutagePlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.some((error) => error.extensions?.code === ErrorCode.ServiceUnavailable)) return;
          response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
          if (data === null || data === undefined) response.http.status = 503;
        },
      };
    },
  };
}

/** Errors without a client-safe code are replaced, outside development, by a generic message. */
export function maskError(formatted: GraphQLFormattedError, isDevelopment: boolean): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && CLIENT_SAFE_CODES.has(code)) return formatted;
  if (isDevelopment) return formatted;
  return {
    message: 'Internal server error.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.Internal },
  };
}

function queryLimitsPlugin(config: Config): ApolloServerPlugin<GatewayContext> {
  const limits = { maxDepth: config.MAX_QUERY_DEPTH, maxComplexity: config.MAX_QUERY_COMPLEXITY };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema, operation }) {
          // Subscriptions need a stream back: over HTTP graphql-js would fail inside execution (a 500).
          if (operation?.operation === 'subscription') {
            throw badRequest(
              'Subscriptions are served over WebSocket (the graphql-ws protocol on /graphql), not over HTTP.',
            );
          }
          const nulError = nulCharacterError(document, request.operationName, request.variables);
          if (nulError) throw nulError;
          const error = checkQueryLimits(schema, document, request.operationName, request.variables, limits);
          // Apollo answers errors thrown from this hook with 500 unless they name a status: a refused
          // query is the client's fault.
          if (error)
            throw new GraphQLError(error.message, {
              extensions: { ...error.extensions, http: { status: 400 } },
            });
        },
      };
    },
  };
}

function requestLogPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (typeof code === 'string' && CLIENT_SAFE_CODES.has(code)) continue;
            (contextValue?.logger ?? logger).error(
              { err: error.originalError ?? error, path: error.path },
              'resolver failed',
            );
          }
        },
        async willSendResponse({ operationName, response }) {
          const statements = currentStatementCount();
          if (response.body.kind === 'single' && statements !== undefined) {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              sqlStatements: statements,
            };
          }
          (contextValue?.logger ?? logger).info(
            { operationName, durationMs: Math.round(performance.now() - started), sqlStatements: statements },
            'graphql request',
          );
        },
      };
    },
  };
}
