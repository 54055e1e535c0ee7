/**
 * The subscription baseline: a bare WebSocket server that LISTENs on the event channel with one `pg`
 * connection and sends every NOTIFY to every socket, framed like a graphql-ws `next` message. No auth,
 * no GraphQL, no read of the event row: what fan-out costs at the very least.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import { SYNC_EVENTS_CHANNEL } from '../../src/cache/sync-events.js';
import { serveParent } from './child.js';

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const server = http.createServer();
const sockets = new WebSocketServer({ server });
client.on('notification', (notification) => {
  const seq = notification.payload?.split(':')[1];
  if (!seq) return;
  const message = JSON.stringify({
    id: '1',
    type: 'next',
    payload: { data: { entityChanged: { cursor: seq } } },
  });
  for (const socket of sockets.clients) socket.send(message);
});
await client.query(`LISTEN ${SYNC_EVENTS_CHANNEL}`);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
serveParent({ url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}` }, {}, async () => {
  for (const socket of sockets.clients) socket.terminate();
  await new Promise((resolve) => server.close(resolve));
  await client.end();
});
