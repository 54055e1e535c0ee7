import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertEntities } from '../../src/cache/upsert.js';
import { createDataSource } from '../../src/database/data-source.js';
import { Scope } from '../../src/schema/scope.js';
import { collect, writeItems } from '../support/events.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { spawnGateway, waitFor } from '../support/process.js';
import { connectWs } from '../support/ws-client.js';

const SUBSCRIPTION = `subscription($since: String, $types: [EntityType!], $own: Boolean) {
  entityChanged(since: $since, types: $types, includeOwnChanges: $own) {
    cursor entityType entityId action origin changedFields
    entity { __typename ... on Item { code } }
  }
}`;

interface Change {
  entityChanged: {
    cursor: string;
    entityType: string;
    entityId: string;
    action: string;
    origin: string;
    entity: { code: string } | null;
  };
}

describe('entityChanged subscriptions', () => {
  let gateway: TestGateway;
  let tenantId: string;
  let otherTenantId: string;
  let key: string;
  let appId: string;
  const clients: Client[] = [];
  const subscribe = (apiKey: string, variables: Record<string, unknown> = {}) => {
    const { client } = connectWs(gateway.url, apiKey);
    clients.push(client);
    return client.iterate({ query: SUBSCRIPTION, variables });
  };
  const db = () => gateway.gateway.services.db;
  /** The tenant's newest cursor: subscribing from it cannot miss a change written next, however long the socket takes to subscribe. */
  const head = async () =>
    String(
      (await db().query('SELECT last_seq FROM tenant_event_counters WHERE tenant_id = $1', [tenantId]))[0]
        ?.last_seq ?? 0,
    );

  beforeAll(async () => {
    gateway = await startTestGateway();
    key = await gateway.createKey('org-subs', [Scope.READ, Scope.SUBSCRIBE], 'crm');
    await gateway.createKey('org-subs-other', [Scope.READ, Scope.SUBSCRIBE]);
    const rows = await db().query(
      `SELECT t.id, t.name, a.id AS app_id FROM tenants t JOIN apps a ON a.tenant_id = t.id WHERE t.name IN ('org-subs', 'org-subs-other')`,
    );
    tenantId = rows.find((row: { name: string }) => row.name === 'org-subs').id;
    appId = rows.find((row: { name: string }) => row.name === 'org-subs').app_id;
    otherTenantId = rows.find((row: { name: string }) => row.name === 'org-subs-other').id;
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await gateway.stop();
  });

  it('streams a change committed to the cache, with the record resolved from the cache', async () => {
    const events = subscribe(key, { since: await head() });
    const [id] = await writeItems(db(), tenantId, 1);
    const [event] = await collect<Change>(events, 1);
    expect(event.entityChanged).toMatchObject({
      entityType: 'Item',
      entityId: id,
      action: 'CREATED',
      origin: 'test',
    });
    expect(event.entityChanged.entity?.code).toMatch(/^T-/);
    await events.return?.();
  });

  it('executes the selection once per event for subscribers of the same operation, once per operation', async () => {
    const since = await head();
    const alike = [1, 2, 3].map(() => subscribe(key, { since }));
    const { client } = connectWs(gateway.url, key);
    clients.push(client);
    const other = client.iterate({
      query: 'subscription($since: String) { entityChanged(since: $since) { cursor entityId } }',
      variables: { since },
    });
    const streams = [...alike, other];
    // A first change brings every subscriber to the live tail (a replayed event is executed on its own).
    await writeItems(db(), tenantId, 1);
    await Promise.all(streams.map((stream) => collect(stream, 1)));
    const before = gateway.gateway.server.subscriptionExecutions();
    const [id] = await writeItems(db(), tenantId, 1);
    const received = await Promise.all(streams.map((stream) => collect<Change>(stream, 1)));
    expect(received.map(([event]) => event.entityChanged.entityId)).toEqual([id, id, id, id]);
    // Three subscribers of one operation over one socket each, and one of another: two executions, not four.
    expect(gateway.gateway.server.subscriptionExecutions() - before).toBe(2);
    await Promise.all(streams.map((stream) => stream.return?.()));
  });

  it('replays exactly the missed events, in order, when resuming from the last cursor', async () => {
    const live = subscribe(key, { since: await head() });
    await writeItems(db(), tenantId, 2);
    const seen = await collect<Change>(live, 2);
    await live.return?.(); // disconnect
    const missed = await writeItems(db(), tenantId, 5);
    const resumed = subscribe(key, { since: seen[1].entityChanged.cursor });
    const replayed = await collect<Change>(resumed, 5);
    expect(replayed.map((event) => event.entityChanged.entityId)).toEqual(missed);
    const cursors = replayed.map((event) => BigInt(event.entityChanged.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => (a < b ? -1 : 1)));
    // ...then continues live across the seam, with nothing twice.
    const [next] = await writeItems(db(), tenantId, 1);
    const [live2] = await collect<Change>(resumed, 1);
    expect(live2.entityChanged.entityId).toBe(next);
    await resumed.return?.();
  });

  it('delivers every event exactly once to a subscriber resuming from any cursor while ten writers commit concurrently', async () => {
    const start = (
      await db().query('SELECT last_seq FROM tenant_event_counters WHERE tenant_id = $1', [tenantId])
    )[0].last_seq;
    const live = subscribe(key, { since: String(start) });
    const written = (
      await Promise.all(Array.from({ length: 10 }, () => writeItems(db(), tenantId, 3)))
    ).flat();
    const received = await collect<Change>(live, 30);
    expect(new Set(received.map((event) => event.entityChanged.entityId))).toEqual(new Set(written));
    const cursors = received.map((event) => Number(event.entityChanged.cursor));
    expect(cursors).toEqual(cursors.map((_, index) => Number(start) + index + 1)); // gap-free, in order
    for (const from of [cursors[0], cursors[9], cursors[25]]) {
      const resumed = subscribe(key, { since: String(from) });
      const replay = await collect<Change>(resumed, cursors.at(-1)! - from);
      expect(replay.map((event) => Number(event.entityChanged.cursor))).toEqual(
        cursors.filter((cursor) => cursor > from),
      );
      await resumed.return?.();
    }
    await live.return?.();
  });

  it("never sends tenant B's events to tenant A's key, whatever cursor it passes", async () => {
    const events = subscribe(key, { since: '0', types: ['Item'] });
    const ownIds = new Set(
      (await db().query('SELECT id FROM items WHERE tenant_id = $1', [tenantId])).map(
        (row: { id: string }) => row.id,
      ),
    );
    await writeItems(db(), otherTenantId, 3);
    const [mine] = await writeItems(db(), tenantId, 1);
    const received = await collect<Change>(events, ownIds.size + 1);
    expect(
      received.every(
        (event) => ownIds.has(event.entityChanged.entityId) || event.entityChanged.entityId === mine,
      ),
    ).toBe(true);
    await events.return?.();
  });

  it("leaves out the subscribing app's own changes unless asked", async () => {
    const since = await head();
    const quiet = subscribe(key, { since });
    const loud = subscribe(key, { since, own: true });
    const [own] = await writeItems(db(), tenantId, 1, { source: 'crm', appId });
    const [foreign] = await writeItems(db(), tenantId, 1, { source: 'shop' });
    const [first] = await collect<Change>(quiet, 1);
    expect(first.entityChanged.entityId).toBe(foreign);
    const both = await collect<Change>(loud, 2);
    expect(both.map((event) => event.entityChanged.entityId)).toEqual([own, foreign]);
    await quiet.return?.();
    await loud.return?.();
  });

  it('reaches subscribers for changes committed by another process sharing the database', async () => {
    const events = subscribe(key, { since: await head() });
    const other = createDataSource({ url: gateway.database.url, poolSize: 2 });
    await other.initialize();
    try {
      const { ids } = await upsertEntities(
        other.manager,
        tenantId,
        'Item',
        [{ fields: { code: 'X-PROC', name: 'From elsewhere' } }],
        { source: 'other-process' },
      );
      const [event] = await collect<Change>(events, 1);
      expect(event.entityChanged).toMatchObject({ entityId: ids[0], origin: 'other-process' });
    } finally {
      await other.destroy();
    }
    await events.return?.();
  });

  it('fans out to subscribers of a second gateway process (a real OS process) on the same database', async () => {
    const child = spawnGateway({
      DATABASE_URL: gateway.database.url,
      PORT: '0',
      DEMO_MODE: 'false',
      ENCRYPTION_KEY: gateway.config.ENCRYPTION_KEY!,
    });
    try {
      const url = await waitFor(
        () => /"graphqlUrl":"([^"]+)\/graphql"/.exec(child.output())?.[1],
        60_000,
        child.output,
      );
      const { client } = connectWs(url, key);
      clients.push(client);
      const events = client.iterate({ query: SUBSCRIPTION, variables: { since: await head() } });
      const [id] = await writeItems(db(), tenantId, 1);
      const [event] = await collect<Change>(events, 1);
      expect(event.entityChanged.entityId).toBe(id);
      await events.return?.();
    } finally {
      child.child.kill('SIGTERM');
      await child.exited;
    }
  });

  it('refuses a subscription without the subscribe scope, and a malformed cursor naming `since`', async () => {
    const readOnly = await gateway.createKey('org-subs', [Scope.READ]);
    const denied = await collectError(subscribe(readOnly));
    expect(denied).toMatchObject([{ extensions: { code: 'FORBIDDEN', requiredScope: 'subscribe' } }]);
    const bad = await collectError(subscribe(key, { since: 'yesterday' }));
    expect(bad[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: 'since' }] });
  });
});

async function collectError(iterator: AsyncIterator<{ errors?: unknown }>) {
  try {
    const { value } = await iterator.next();
    return (value?.errors ?? []) as Array<{ extensions: Record<string, unknown> }>;
  } catch (error) {
    return error as Array<{ extensions: Record<string, unknown> }>;
  }
}
