import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  type ExecutionArgs,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  validate,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { bearerKey } from '../auth/api-key.js';
import type { AuthContext } from '../auth/auth-context.js';
import { authenticate } from '../auth/authenticate.js';
import { createContext, eventContext, type GatewayContext, type GatewayServices } from '../context.js';
import { ErrorCode, forbidden, rateLimited } from '../errors.js';
import { checkQueryLimits } from '../resolvers/query-limits.js';
import { Scope } from '../schema/scope.js';
import { createKeyRateLimiter, type KeyRateLimiter } from './key-rate-limiter.js';
import { SharedSubscriptionExecution, variablesAffectingExecution } from './shared-execution.js';

type SocketExtra = {
  socket: WebSocket;
  request: IncomingMessage;
  auth?: AuthContext;
};

export interface GatewayWebSockets {
  /** Closes every socket opened with a key of this app (after a revocation). */
  closeApp(appId: string): void;
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
  const limits = {
    maxDepth: services.config.MAX_QUERY_DEPTH,
    maxComplexity: services.config.MAX_QUERY_COMPLEXITY,
  };

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
        try {
          ctx.extra.auth = await authenticate(
            services.db,
            bearerKey(typeof header === 'string' ? header : undefined),
          );
        } catch {
          ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized: a valid API key is required');
          return false;
        }
        const appId = ctx.extra.auth.app.id;
        const sockets = socketsByApp.get(appId) ?? new Set();
        sockets.add(ctx.extra.socket);
        socketsByApp.set(appId, sockets);
        ctx.extra.socket.once('close', () => {
          sockets.delete(ctx.extra.socket);
          if (sockets.size === 0) socketsByApp.delete(appId);
        });
        return true;
      },
      async onSubscribe(ctx, _id, payload) {
        const auth = ctx.extra.auth as AuthContext;
        const retryAfterSeconds = limiter.take(auth.app.id);
        if (retryAfterSeconds > 0) return [rateLimited(retryAfterSeconds)];
        let document: ReturnType<typeof parse>;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          return [
            new GraphQLError('Unknown operation.', { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }),
          ];
        }
        if (operation.operation === 'subscription' && !auth.scopes.has(Scope.SUBSCRIBE)) {
          return [forbidden(Scope.SUBSCRIBE)];
        }
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

  return {
    closeApp(appId) {
      for (const socket of socketsByApp.get(appId) ?? []) {
        socket.close(CloseCode.Unauthorized, 'Unauthorized: the API key was revoked');
      }
    },
    async closeAll() {
      for (const client of wss.clients) client.close(1001, 'Going away: the gateway is shutting down');
      await server.dispose();
    },
    subscriptionExecutions: () => shared.executions,
  };
}
