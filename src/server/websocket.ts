import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  type ExecutionArgs,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { bearerKey, hashApiKey } from '../auth/api-key.js';
import type { AuthContext } from '../auth/auth-context.js';
import { liveKeyHashes } from '../auth/authenticate.js';
import { KeyCache } from '../auth/key-cache.js';
import { createContext, eventContext, type GatewayContext, type GatewayServices } from '../context.js';
import { isDatabaseUnavailable } from '../database/database-errors.js';
import { ErrorCode, forbidden, rateLimited, serviceUnavailable, tooManySubscriptions } from '../errors.js';
import { nulCharacterError } from '../resolvers/input-errors.js';
import { checkQueryLimits } from '../resolvers/query-limits.js';
import { Scope } from '../schema/scope.js';
import { asServiceUnavailable } from './database-outage.js';
import { createKeyRateLimiter, type KeyRateLimiter } from './key-rate-limiter.js';
import { SharedSubscriptionExecution, variablesAffectingExecution } from './shared-execution.js';

type SocketExtra = {
  socket: WebSocket;
  request: IncomingMessage;
  auth?: AuthContext;
  /** The hash of the key sent in connection_init: every operation checks it again. */
  keyHash?: string;
};

/** RFC 6455 "try again later": the gateway could not check the key because its database is unreachable. */
export const CLOSE_TRY_AGAIN_LATER = 1013;
const REVOKED_REASON = 'Unauthorized: the API key was revoked';

export interface GatewayWebSockets {
  /** Closes every socket opened with a key of this app (after a revocation). */
  closeApp(appId: string): void;
  /**
   * After revocation notices may have been lost (the LISTEN connection was re-established): forgets every
   * key's state and re-checks the keys of open sockets now, closing those revoked meanwhile.
   */
  recheckKeys(): Promise<void>;
  /** Closes every socket with 1001 (going away), for shutdown. */
  closeAll(): Promise<void>;
  /** How many times a subscription's selection was executed for an event (subscribers sharing one count once). */
  subscriptionExecutions(): number;
}

/** Serves graphql-ws on the given WebSocket server: authentication on connection_init, scopes per operation. */
export function serveGraphQLWebSockets(
  wss: WebSocketServer,
  schema: GraphQLSchema,
  services: GatewayServices,
  limiter: KeyRateLimiter = createKeyRateLimiter(services.config.RATE_LIMIT_PER_KEY_PER_MINUTE),
): GatewayWebSockets {
  const socketsByApp = new Map<string, Set<WebSocket>>();
  const keyHashOf = new Map<WebSocket, string>();
  const keys = new KeyCache(services.db, services.config.KEY_RECHECK_MS);
  const limits = {
    maxDepth: services.config.MAX_QUERY_DEPTH,
    maxComplexity: services.config.MAX_QUERY_COMPLEXITY,
  };

  // As over HTTP (Apollo's `introspection` and `hideSchemaDetailsFromClientErrors`).
  const introspection = services.config.introspection;
  const validationRules = introspection
    ? specifiedRules
    : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  // Each event executes with a fresh request cache: a loader kept for the subscription's lifetime would
  // serve every later event the entity as the first event loaded it.
  const shared = new SharedSubscriptionExecution((context) => eventContext(context as GatewayContext));
  const shareKeys = new WeakMap<ExecutionArgs, string>();

  const server = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      subscribe: (args) => shared.subscribe(args, shareKeys.get(args) ?? randomUUID()),
      async onConnect(ctx) {
        const params = ctx.connectionParams ?? {};
        const header = params.Authorization ?? params.authorization;
        const key = bearerKey(typeof header === 'string' ? header : undefined);
        const refuse = () => {
          ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: a valid API key is required');
          return false;
        };
        if (!key) return refuse();
        const keyHash = hashApiKey(key);
        try {
          ctx.extra.auth = await keys.check(keyHash);
        } catch (error) {
          if (!isDatabaseUnavailable(error)) return refuse();
          // 4401 tells the client to fix its key; an outage is no reason to, and 1013 says to come back.
          ctx.extra.socket.close(CLOSE_TRY_AGAIN_LATER, 'Try again later: the database is unavailable');
          return false;
        }
        ctx.extra.keyHash = keyHash;
        const appId = ctx.extra.auth.app.id;
        const sockets = socketsByApp.get(appId) ?? new Set();
        sockets.add(ctx.extra.socket);
        socketsByApp.set(appId, sockets);
        keyHashOf.set(ctx.extra.socket, keyHash);
        ctx.extra.socket.once('close', () => {
          sockets.delete(ctx.extra.socket);
          if (sockets.size === 0) socketsByApp.delete(appId);
          keyHashOf.delete(ctx.extra.socket);
        });
        return true;
      },
      async onSubscribe(ctx, id, payload) {
        // graphql-ws keeps one entry per operation the socket runs, this one included.
        const running = Object.keys(ctx.subscriptions).filter((other) => other !== id).length;
        if (running >= services.config.MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [tooManySubscriptions(services.config.MAX_SUBSCRIPTIONS_PER_SOCKET)];
        }
        let auth: AuthContext;
        try {
          // The key as Postgres held it at most KEY_RECHECK_MS ago, not as it was at connection_init.
          auth = await keys.check(ctx.extra.keyHash as string);
        } catch (error) {
          if (isDatabaseUnavailable(error)) return [serviceUnavailable()];
          if ((error as GraphQLError).extensions?.code !== ErrorCode.Unauthenticated) throw error;
          ctx.extra.socket.close(CloseCode.Unauthorized, REVOKED_REASON);
          return [error as GraphQLError];
        }
        ctx.extra.auth = auth;
        const retryAfterSeconds = limiter.take(auth.app.id);
        if (retryAfterSeconds > 0) return [rateLimited(retryAfterSeconds)];
        let document: ReturnType<typeof parse>;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document, validationRules);
        if (errors.length > 0) return introspection ? errors : errors.map(withoutSuggestions);
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          return [
            new GraphQLError('Unknown operation.', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }),
          ];
        }
        if (operation.operation === 'subscription' && !auth.scopes.has(Scope.SUBSCRIBE)) {
          return [forbidden(Scope.SUBSCRIBE)];
        }
        const nulError = nulCharacterError(document, payload.operationName, payload.variables);
        if (nulError) return [nulError];
        const limitError = checkQueryLimits(
          schema,
          document,
          payload.operationName,
          payload.variables ?? {},
          limits,
        );
        if (limitError) return [limitError];
        const contextValue: GatewayContext = {
          ...createContext(services, auth, randomUUID()),
          closeSocket: (code, reason) => ctx.extra.socket.close(code, reason),
        };
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
        // Subscribers that would execute the same thing per event share one execution of it.
        shareKeys.set(
          args,
          JSON.stringify([
            auth.tenant.id,
            auth.app.id,
            [...auth.scopes].sort(),
            payload.query,
            payload.operationName ?? null,
            [...variablesAffectingExecution(document, payload.operationName)]
              .sort()
              .map((name) => [name, payload.variables?.[name] ?? null]),
          ]),
        );
        return args;
      },
      onNext(_ctx, _id, _payload, _args, result) {
        // As over HTTP: a resolver that found the database unreachable says so, retryably.
        if (!result.errors?.some((error) => isDatabaseUnavailable(error))) return;
        return {
          ...result,
          errors: result.errors.map((error) => asServiceUnavailable(error.toJSON(), error)),
        };
      },
      onError(_ctx, _id, _payload, errors) {
        for (const error of errors) {
          const code = error.extensions?.code;
          if (code === undefined || code === ErrorCode.Internal) {
            services.logger.error({ err: error }, 'subscription operation failed');
          }
        }
      },
    },
    wss,
    services.config.WS_KEEPALIVE_MS,
  );

  /** Closes the open sockets whose key Postgres no longer holds as live; an outage closes none. */
  let rechecking: Promise<void> | undefined;
  const recheckOpenSockets = () => {
    rechecking ??= (async () => {
      const live = await liveKeyHashes(services.db, [...new Set(keyHashOf.values())]);
      for (const [socket, keyHash] of keyHashOf) {
        if (!live.has(keyHash)) socket.close(CloseCode.Unauthorized, REVOKED_REASON);
      }
    })()
      .catch((error) => {
        if (!isDatabaseUnavailable(error)) services.logger.error({ err: error }, 'key re-check failed');
      })
      .finally(() => {
        rechecking = undefined;
      });
    return rechecking;
  };
  // Subscriptions run no operation per event: this bounds how long one outlives a revocation whose
  // NOTIFY never arrived.
  const recheckTimer = setInterval(recheckOpenSockets, services.config.KEY_RECHECK_MS);
  recheckTimer.unref();

  return {
    closeApp(appId) {
      keys.forgetApp(appId);
      for (const socket of socketsByApp.get(appId) ?? []) {
        socket.close(CloseCode.Unauthorized, REVOKED_REASON);
      }
    },
    recheckKeys() {
      keys.forgetAll();
      return recheckOpenSockets();
    },
    async closeAll() {
      clearInterval(recheckTimer);
      for (const client of wss.clients) client.close(1001, 'Going away: the gateway is shutting down');
      await server.dispose();
    },
    subscriptionExecutions: () => shared.executions,
  };
}

/** A validation error without graphql-js's "Did you mean ...?" (which names fields of the schema). */
function withoutSuggestions(error: GraphQLError): GraphQLError {
  const message = error.message.replace(/ ?Did you mean(.+?)\?$/, '');
  if (message === error.message) return error;
  return new GraphQLError(message, { nodes: error.nodes, extensions: error.extensions });
}
