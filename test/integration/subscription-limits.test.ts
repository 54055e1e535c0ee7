import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../src/schema/scope.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { type ClosedEvent, connectWs } from '../support/ws-client.js';

const LIMIT = 3;
const CHANGES = 'subscription { entityChanged(since: "0") { cursor } }';

/** Starts a subscription and resolves with its first error, or with 'accepted' once it has run a while. */
function subscribe(client: Client): { outcome: Promise<unknown>; stop: () => void } {
  let stop = () => {};
  const outcome = new Promise<unknown>((resolve) => {
    stop = client.subscribe({ query: CHANGES }, { next: () => {}, error: resolve, complete: () => {} });
    setTimeout(() => resolve('accepted'), 500);
  });
  return { outcome, stop };
}

describe('subscriptions per socket', () => {
  let gateway: TestGateway;
  let key: string;
  beforeAll(async () => {
    gateway = await startTestGateway({ MAX_SUBSCRIPTIONS_PER_SOCKET: String(LIMIT) });
    key = await gateway.createKey('org-sub-limits', [Scope.READ, Scope.SUBSCRIBE]);
  });
  afterAll(() => gateway.stop());

  it('refuses one more than MAX_SUBSCRIPTIONS_PER_SOCKET with TOO_MANY_SUBSCRIPTIONS, keeps the socket, and takes a new one once another completes', async () => {
    const { client, closed } = connectWs(gateway.url, key);
    let closedWith: ClosedEvent | undefined;
    closed.then((event) => {
      closedWith = event;
    });
    const running = Array.from({ length: LIMIT }, () => subscribe(client));
    for (const subscription of running) expect(await subscription.outcome).toBe('accepted');

    const refused = await subscribe(client).outcome;
    expect(JSON.stringify(refused)).toContain('"code":"TOO_MANY_SUBSCRIPTIONS"');
    expect(closedWith).toBeUndefined();

    // Another socket of the same key has its own allowance.
    const other = connectWs(gateway.url, key);
    expect(await subscribe(other.client).outcome).toBe('accepted');
    await other.client.dispose();

    running[0].stop();
    await new Promise((resolve) => setTimeout(resolve, 200)); // the server sees the complete
    expect(await subscribe(client).outcome).toBe('accepted');
    expect(closedWith).toBeUndefined();
    await client.dispose();
  });
});
