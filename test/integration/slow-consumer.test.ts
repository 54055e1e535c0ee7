import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Scope } from '../../src/schema/scope.js';
import { collect, writeItems } from '../support/events.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { waitFor } from '../support/process.js';
import { connectWs } from '../support/ws-client.js';

const SUBSCRIPTION = `subscription($since: String) {
  entityChanged(since: $since) { cursor entityId entity { ... on Item { code name description } } }
}`;
/** Subscriptions on the one socket that stops reading: together they fill the TCP buffers sooner. */
const SUBSCRIPTIONS = 10;
const BUFFER_EVENTS = 20;

interface Next {
  entityChanged: { cursor: string; entityId: string };
}

/** A graphql-transport-ws client written by hand, so the test can stop reading from its socket. */
async function rawClient(url: string, apiKey: string) {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const received = new Map<string, Next['entityChanged'][]>();
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const acknowledged = new Promise<void>((resolve, reject) => {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'connection_ack') resolve();
      if (message.type === 'next') {
        const list = received.get(message.id) ?? [];
        list.push((message.payload.data as Next).entityChanged);
        received.set(message.id, list);
      }
      if (message.type === 'error') reject(new Error(JSON.stringify(message.payload)));
    });
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${apiKey}` } }));
  await acknowledged;
  return { socket, received, closed };
}

describe('a subscriber whose socket stops reading', () => {
  let gateway: TestGateway;
  let key: string;
  let tenantId: string;
  const db = () => gateway.gateway.services.db;
  const subscribers = () => gateway.gateway.services.events.subscriberCount();

  beforeAll(async () => {
    gateway = await startTestGateway({
      SUBSCRIPTION_BUFFER_EVENTS: String(BUFFER_EVENTS),
      // No keep-alive ping during the test: a paused client cannot answer one.
      WS_KEEPALIVE_MS: '600000',
    });
    key = await gateway.createKey('org-slow-consumer', [Scope.READ, Scope.SUBSCRIBE]);
    [{ id: tenantId }] = await db().query(`SELECT id FROM tenants WHERE name = 'org-slow-consumer'`);
  });
  afterAll(() => gateway.stop());

  it('is closed with 4290 and a cursor once it falls behind, and resuming from its cursors misses nothing', async () => {
    const client = await rawClient(gateway.url, key);
    const ids = Array.from({ length: SUBSCRIPTIONS }, (_, index) => `s${index}`);
    for (const id of ids) {
      client.socket.send(
        JSON.stringify({
          id,
          type: 'subscribe',
          payload: { query: SUBSCRIPTION, variables: { since: '0' } },
        }),
      );
    }
    await waitFor(async () => (subscribers() === SUBSCRIPTIONS ? true : undefined), 10_000);

    // The client stops reading. The gateway can only send until the TCP buffers between them are full;
    // then the events pile up in its buffer until it gives up on the socket.
    client.socket.pause();
    const written: string[] = [];
    while (subscribers() > 0) {
      expect(written.length, 'the gateway never gave up on the paused socket').toBeLessThan(100_000);
      written.push(...(await writeItems(db(), tenantId, 500)));
    }
    console.log(`the gateway gave up on the paused socket after ${written.length} events`);
    client.socket.resume();
    const closed = await client.closed;
    expect(closed.code).toBe(4290);
    const since = /resume with since: "(\d+)"/.exec(closed.reason)?.[1];
    expect(since, closed.reason).toBeDefined();
    expect(written.length).toBeGreaterThan(BUFFER_EVENTS);

    // Each subscription got an unbroken run of events from the start; the one that overflowed got exactly
    // up to the cursor the close named (what was sent before the close frame arrives before it).
    const lastCursors = ids.map((id) => {
      const got = client.received.get(id) ?? [];
      expect(got.map((event) => event.entityId)).toEqual(written.slice(0, got.length));
      return got.at(-1)?.cursor ?? '0';
    });
    expect(lastCursors).toContain(since);

    // A client resuming every subscription from its own last cursor gets the rest, in order, once.
    const { client: next } = connectWs(gateway.url, key);
    try {
      const streams = ids.map((_, index) =>
        next.iterate({ query: SUBSCRIPTION, variables: { since: lastCursors[index] } }),
      );
      await Promise.all(
        ids.map(async (id, index) => {
          const rest = written.slice(client.received.get(id)?.length ?? 0);
          const resumed = await collect<Next>(streams[index], rest.length, 30_000);
          expect(
            resumed.map((event) => event.entityChanged.entityId),
            id,
          ).toEqual(rest);
        }),
      );
      // Nothing was owed twice: the next event each stream delivers is a new change.
      const [fresh] = await writeItems(db(), tenantId, 1);
      const after = await Promise.all(streams.map((stream) => collect<Next>(stream, 1)));
      expect(after.map(([event]) => event.entityChanged.entityId)).toEqual(ids.map(() => fresh));
    } finally {
      await next.dispose();
    }
  }, 120_000);
});
