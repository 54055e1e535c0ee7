import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationListener } from '../../src/database/notification-listener.js';
import { createLogger } from '../../src/logger.js';
import { EventHub } from '../../src/sync/events/event-hub.js';
import { ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { writeItems } from '../support/events.js';

describe('the event hub', () => {
  let database: TestDatabase;
  let hub: EventHub;
  let listener: ReturnType<typeof createNotificationListener>;
  let tenantId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    const logger = createLogger('silent');
    hub = new EventHub(database.dataSource, logger);
    listener = createNotificationListener(database.dataSource, logger);
    await hub.start(listener);
    tenantId = (await ensureTenant(database.dataSource, 'org-hub')).id;
  });
  afterAll(async () => {
    hub.stop();
    await listener.close();
    await database.drop();
  });

  it('cuts off a subscriber that falls more than its buffer behind, telling it where to resume, without slowing others', async () => {
    let overflowAt: bigint | undefined;
    const slow = await hub.subscribe(tenantId, {
      accept: () => true,
      maxQueued: 5,
      onOverflow: (seq) => (overflowAt = seq),
    });
    const fast = await hub.subscribe(tenantId, { accept: () => true, onOverflow: () => {} });
    const ids = await writeItems(database.dataSource, tenantId, 20);
    const received: string[] = [];
    while (received.length < 20) received.push((await fast.next()).value.entityId);
    expect(received).toEqual(ids);
    expect(overflowAt).toBe(0n); // it had read nothing: resume from the start
    expect((await slow.next()).done).toBe(true);
    expect(hub.subscriberCount()).toBe(1);
    await fast.return?.();
  });

  it('cuts off every subscriber that never reads once its buffer is full, keeping no events for it', async () => {
    const before = process.memoryUsage().heapUsed;
    const subscribers = await Promise.all(
      Array.from({ length: 200 }, () =>
        hub.subscribe(tenantId, { accept: () => true, maxQueued: 3, onOverflow: () => {} }),
      ),
    );
    await writeItems(database.dataSource, tenantId, 50);
    // Each is cut off at its fourth event, once the hub has fetched it: polled, as a loaded machine is slow.
    await expect.poll(() => hub.subscriberCount(), { timeout: 15_000 }).toBe(0);
    for (const subscriber of subscribers) expect((await subscriber.next()).done).toBe(true);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });
});
