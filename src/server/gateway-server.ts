import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { GatewayServices } from '../context.js';
import { createNotificationListener } from '../database/notification-listener.js';
import { buildGatewaySchema } from '../resolvers/build-schema.js';
import { SYNC_STATUS_CHANNEL } from '../sync/events/sync-status.js';
import { REVOCATION_CHANNEL } from '../tenancy/tenancy.service.js';
import { createApollo } from './apollo.js';
import { dashboardHtml, serveDashboardAsset } from './dashboard.js';
import { createGraphQLHttpHandler } from './graphql-http.js';
import { sendGraphQLError, sendJson } from './http-io.js';
import { createKeyRateLimiter } from './key-rate-limiter.js';
import { playgroundHtml, servePlaygroundAsset } from './playground.js';
import { serveGraphQLWebSockets } from './websocket.js';
import { createXeroConnectHandler } from './xero-connect.route.js';
import { createXeroWebhookHandler } from './xero-webhook.route.js';

export interface GatewayServerOptions {
  /** Prefilled in the playground (demo mode only). */
  demoApiKey?: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish, closes sockets with 1001. Leaves the database open. */
  stop(): Promise<void>;
  /** See GatewayWebSockets.subscriptionExecutions. */
  subscriptionExecutions(): number;
}

/** Starts the HTTP server: GraphQL over HTTP and graphql-ws on `/graphql`, the playground, health checks. */
export async function startGatewayServer(
  services: GatewayServices,
  options: GatewayServerOptions = {},
): Promise<RunningGateway> {
  const { config, logger, db } = services;
  const schema = await buildGatewaySchema();
  const apollo = createApollo(schema, config, logger);
  await apollo.start();
  // One bucket per key for HTTP and WebSocket operations alike.
  const keyLimiter = createKeyRateLimiter(config.RATE_LIMIT_PER_KEY_PER_MINUTE);
  const handleGraphQL = createGraphQLHttpHandler(apollo, services, keyLimiter);
  const handleXeroWebhook = createXeroWebhookHandler(services.sync, config.BODY_LIMIT_BYTES, logger);
  const handleXeroConnect = createXeroConnectHandler(services, () => url);
  const demoApiKey = config.demoMode ? options.demoApiKey : undefined;
  const pages = {
    withKey: { playground: playgroundHtml({ demoApiKey }), dashboard: dashboardHtml({ demoApiKey }) },
    withoutKey: { playground: playgroundHtml({}), dashboard: dashboardHtml({}) },
  };
  // DNS rebinding: a page of another site whose name now points at this machine reads our pages as its
  // own origin. The demo key goes only into pages asked for under a name that is this gateway's.
  const pagesFor = (request: IncomingMessage) =>
    demoApiKey && isGatewayHost(request.headers.host, config.PUBLIC_URL) ? pages.withKey : pages.withoutKey;

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://gateway.local');
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (url.pathname === '/healthz') return sendJson(response, 200, { status: 'ok' });
    if (url.pathname === '/readyz') return sendReadiness(response);
    if (
      url.pathname === '/playground' ||
      (url.pathname === '/graphql' && wantsHtml && !url.searchParams.has('query'))
    ) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void response.end(pagesFor(request).playground);
    }
    if (url.pathname === '/graphql') return handleGraphQL(request, response, url);
    if (url.pathname === '/webhooks/xero') return handleXeroWebhook(request, response);
    if (url.pathname.startsWith('/connect/xero')) return handleXeroConnect(request, response, url);
    if (url.pathname === '/dashboard') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void response.end(pagesFor(request).dashboard);
    }
    if (url.pathname.startsWith('/dashboard/assets/')) {
      if (await serveDashboardAsset(url.pathname.slice('/dashboard/assets/'.length), response)) return;
    }
    if (url.pathname.startsWith('/playground/assets/')) {
      if (await servePlaygroundAsset(url.pathname.slice('/playground/assets/'.length), response)) return;
    }
    if (url.pathname === '/') {
      response.writeHead(302, { location: '/playground' });
      return void response.end();
    }
    sendJson(response, 404, { error: 'Not found', path: url.pathname });
  };

  const sendReadiness = async (response: ServerResponse) => {
    try {
      await db.query('SELECT 1');
      const pending = await db.showMigrations();
      if (pending) return sendJson(response, 503, { status: 'migrations pending' });
      sendJson(response, 200, { status: 'ready' });
    } catch {
      sendJson(response, 503, { status: 'database unreachable' });
    }
  };

  const server = http.createServer((request, response) => {
    route(request, response).catch((error) => {
      logger.error({ err: error, path: request.url }, 'request failed');
      if (!response.headersSent)
        sendGraphQLError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
      else response.destroy();
    });
  });
  server.requestTimeout = 60_000;

  const wss = new WebSocketServer({ noServer: true, maxPayload: config.BODY_LIMIT_BYTES });
  const sockets = serveGraphQLWebSockets(wss, schema, services, keyLimiter);
  server.on('upgrade', (request, socket, head) => {
    const { pathname } = new URL(request.url ?? '/', 'http://gateway.local');
    if (pathname !== '/graphql') return void socket.destroy();
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  // After a lost LISTEN connection, event tails re-read the log and open sockets' keys are checked
  // again: NOTIFYs sent meanwhile (events, revocations) are gone.
  const listener = createNotificationListener(db, logger, () => {
    services.events.pollAll();
    void sockets.recheckKeys();
  });
  await listener.on(REVOCATION_CHANNEL, (appId) => sockets.closeApp(appId));
  await services.events.start(listener);
  await listener.on(SYNC_STATUS_CHANNEL, (payload) => services.statusHub.receive(payload));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
  services.publicUrl = url;

  return {
    url,
    port,
    subscriptionExecutions: () => sockets.subscriptionExecutions(),
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await sockets.closeAll();
      services.events.stop();
      await listener.close();
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, config.SHUTDOWN_TIMEOUT_MS).unref());
      await Promise.race([closed, timeout]);
      server.closeAllConnections();
      await apollo.stop();
    },
  };
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a Host header names this gateway: a loopback name, or the host of PUBLIC_URL. */
export function isGatewayHost(host: string | undefined, publicUrl: string | undefined): boolean {
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (LOOPBACK_NAMES.has(hostname)) return true;
  return publicUrl !== undefined && new URL(publicUrl).hostname.toLowerCase() === hostname;
}
