import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_EVENTS_CHANNEL } from '../../src/cache/sync-events.js';
import { tombstone, upsertEntities } from '../../src/cache/upsert.js';
import { SyncAction } from '../../src/schema/sync-event.entity.js';
import { ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const xero = (id: string) => [{ provider: 'xero', realm: 'xero-org-1', id }];
const origin = { source: 'xero' };

async function events(tenantId: string) {
  return database.dataSource.query(
    `SELECT seq::int AS seq, entity_type, entity_id, action, origin, changed_fields
       FROM sync_events WHERE tenant_id = $1 ORDER BY seq`,
    [tenantId],
  );
}

describe('cache writes', () => {
  it('creates records with an event each, and appends nothing when the same content is written again', async () => {
    const tenant = await ensureTenant(database.dataSource, 'org-writes');
    const manager = database.dataSource.manager;
    const records = [
      { externalIds: xero('c-1'), fields: { name: 'Acme', status: 'ACTIVE', isCustomer: true } },
      { externalIds: xero('c-2'), fields: { name: 'Bolt', status: 'ACTIVE' } },
    ];
    const created = await upsertEntities(manager, tenant.id, 'Organization', records, origin);
    expect(created.events.map((event) => [event.seq, event.action])).toEqual([
      ['1', 'CREATED'],
      ['2', 'CREATED'],
    ]);
    const again = await upsertEntities(manager, tenant.id, 'Organization', records, origin);
    expect(again.events).toEqual([]);
    expect(again.ids).toEqual(created.ids); // matched by Xero id
    const idMap = await database.dataSource.query(
      'SELECT entity, provider, realm, external_id, pulled_at IS NOT NULL AS pulled FROM id_map WHERE connec_id = $1',
      [created.ids[0]],
    );
    expect(idMap).toEqual([
      { entity: 'Organization', provider: 'xero', realm: 'xero-org-1', external_id: 'c-1', pulled: true },
    ]);
  });

  it("moves Xero's version forward when the same content comes back newer, with no event and the gateway's version kept", async () => {
    const tenant = await ensureTenant(database.dataSource, 'org-versions');
    const manager = database.dataSource.manager;
    const record = (at: string) => ({
      externalIds: xero('v-1'),
      remoteUpdatedAt: new Date(at),
      fields: { name: 'Acme', status: 'ACTIVE' },
    });
    const [id] = (
      await upsertEntities(manager, tenant.id, 'Organization', [record('2025-01-01T00:00:00Z')], origin)
    ).ids;
    const row = async () =>
      (
        await database.dataSource.query(
          'SELECT remote_updated_at, updated_at FROM organizations WHERE id = $1',
          [id],
        )
      )[0];
    const before = await row();
    const newer = await upsertEntities(
      manager,
      tenant.id,
      'Organization',
      [record('2025-02-01T00:00:00Z')],
      origin,
    );
    expect(newer.events).toEqual([]);
    expect(await row()).toEqual({ ...before, remote_updated_at: new Date('2025-02-01T00:00:00Z') });
    await upsertEntities(manager, tenant.id, 'Organization', [record('2025-01-15T00:00:00Z')], origin);
    expect((await row()).remote_updated_at).toEqual(new Date('2025-02-01T00:00:00Z')); // never backwards
  });

  it('names the changed fields, and calls an archive an archive', async () => {
    const tenant = await ensureTenant(database.dataSource, 'org-changes');
    const manager = database.dataSource.manager;
    const [id] = (
      await upsertEntities(
        manager,
        tenant.id,
        'Organization',
        [{ fields: { name: 'Acme', currency: 'AUD' } }],
        origin,
      )
    ).ids;
    await upsertEntities(manager, tenant.id, 'Organization', [{ id, fields: { name: 'Acme Ltd' } }], origin);
    await upsertEntities(
      manager,
      tenant.id,
      'Organization',
      [{ id, fields: { status: 'ARCHIVED' } }],
      origin,
    );
    const [row] = await database.dataSource.query(
      'SELECT name, currency, status FROM organizations WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ name: 'Acme Ltd', currency: 'AUD', status: 'ARCHIVED' }); // partial updates keep the rest
    expect(
      (await events(tenant.id)).map((event: { action: string; changed_fields: string[] }) => [
        event.action,
        event.changed_fields,
      ]),
    ).toEqual([
      ['CREATED', ['currency', 'name']],
      ['UPDATED', ['name']],
      ['ARCHIVED', ['status']],
    ]);
  });

  it('replaces lines only when they changed', async () => {
    const tenant = await ensureTenant(database.dataSource, 'org-lines');
    const manager = database.dataSource.manager;
    const lines = [{ description: 'A', quantity: '2', unitPrice: '10.00', netAmount: '20.00' }];
    const [id] = (
      await upsertEntities(
        manager,
        tenant.id,
        'Invoice',
        [{ fields: { transactionNumber: 'INV-1', lines } }],
        origin,
      )
    ).ids;
    const lineIds = async () =>
      (await database.dataSource.query('SELECT id, line_number FROM invoice_lines WHERE invoice_id = $1', [
        id,
      ])) as Array<{ id: string; line_number: number }>;
    const before = await lineIds();
    expect(before).toHaveLength(1);
    expect(before[0].line_number).toBe(1);
    await upsertEntities(
      manager,
      tenant.id,
      'Invoice',
      [{ id, fields: { transactionNumber: 'INV-1', lines } }],
      origin,
    );
    expect(await lineIds()).toEqual(before);
    const changed = await upsertEntities(
      manager,
      tenant.id,
      'Invoice',
      [{ id, fields: { lines: [...lines, { description: 'B' }] } }],
      origin,
    );
    expect(changed.events[0].changedFields).toEqual(['lines']);
    expect(await lineIds()).toHaveLength(2);
  });

  it('keeps tombstones: a deleted person is hidden but kept, and comes back when written again', async () => {
    const tenant = await ensureTenant(database.dataSource, 'org-tombstones');
    const manager = database.dataSource.manager;
    const [id] = (
      await upsertEntities(manager, tenant.id, 'Person', [{ fields: { firstName: 'Ann' } }], origin)
    ).ids;
    const deleted = await tombstone(manager, tenant.id, 'Person', [id], SyncAction.DELETED, origin);
    expect(deleted.events.map((event) => event.action)).toEqual(['DELETED']);
    expect((await tombstone(manager, tenant.id, 'Person', [id], SyncAction.DELETED, origin)).events).toEqual(
      [],
    );
    const [row] = await database.dataSource.query(
      'SELECT deleted_at IS NOT NULL AS gone FROM people WHERE id = $1',
      [id],
    );
    expect(row.gone).toBe(true);
    const back = await upsertEntities(
      manager,
      tenant.id,
      'Person',
      [{ id, fields: { firstName: 'Ann' } }],
      origin,
    );
    expect(back.events.map((event) => event.action)).toEqual(['UPDATED']);
    const [invoiceId] = (
      await upsertEntities(manager, tenant.id, 'Invoice', [{ fields: { status: 'AUTHORISED' } }], origin)
    ).ids;
    const voided = await tombstone(manager, tenant.id, 'Invoice', [invoiceId], SyncAction.VOIDED, origin);
    expect(voided.events.map((event) => [event.action, event.changedFields])).toEqual([
      ['VOIDED', ['status']],
    ]);
    const [invoice] = await database.dataSource.query('SELECT status FROM invoices WHERE id = $1', [
      invoiceId,
    ]);
    expect(invoice.status).toBe('VOIDED');
  });

  it('joins the caller transaction: a rollback leaves no row, no event and no used seq', async () => {
    const tenant = await ensureTenant(database.dataSource, 'org-rollback');
    await expect(
      database.dataSource.transaction(async (manager) => {
        await upsertEntities(manager, tenant.id, 'Item', [{ fields: { code: 'A', name: 'A' } }], origin);
        throw new Error('the sync step failed after the write');
      }),
    ).rejects.toThrow('failed after the write');
    expect(await events(tenant.id)).toEqual([]);
    const next = await upsertEntities(
      database.dataSource.manager,
      tenant.id,
      'Item',
      [{ fields: { code: 'B', name: 'B' } }],
      origin,
    );
    expect(next.events[0].seq).toBe('1');
  });

  it('gives 10 concurrent writer transactions gap-free seq numbers in commit order', async () => {
    const tenant = await ensureTenant(database.dataSource, 'org-concurrent');
    const commitOrder: string[] = [];
    const writers = Array.from({ length: 10 }, (_, writer) =>
      database.dataSource
        .transaction(async (manager) => {
          const records = Array.from({ length: 1 + (writer % 3) }, (__, index) => ({
            fields: { code: `W${writer}-${index}`, name: `Writer ${writer}` },
          }));
          const result = await upsertEntities(manager, tenant.id, 'Item', records, {
            source: `writer-${writer}`,
          });
          // Hold the transaction open a little, so the others queue behind the counter lock.
          await new Promise((resolve) => setTimeout(resolve, (writer * 7) % 20));
          return result;
        })
        .then(() => commitOrder.push(`writer-${writer}`)),
    );
    await Promise.all(writers);
    const log: Array<{ seq: number; origin: string }> = await events(tenant.id);
    expect(log.map((event) => event.seq)).toEqual(
      Array.from({ length: log.length }, (_, index) => index + 1),
    );
    const originsInSeqOrder = log
      .map((event) => event.origin)
      .filter((value, index, all) => all.indexOf(value) === index);
    expect(originsInSeqOrder).toEqual(commitOrder);
    // Each writer's events are contiguous: no other transaction interleaves.
    expect(log.map((event) => event.origin)).toEqual(
      originsInSeqOrder.flatMap((name) => log.filter((event) => event.origin === name).map(() => name)),
    );
  });

  it('notifies listeners with tenant and last seq, only once the transaction commits', async () => {
    const tenant = await ensureTenant(database.dataSource, 'org-notify');
    const listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    const payloads: string[] = [];
    listener.on('notification', (message) => payloads.push(message.payload ?? ''));
    await listener.query(`LISTEN ${SYNC_EVENTS_CHANNEL}`);
    try {
      await database.dataSource.transaction(async (manager) => {
        await upsertEntities(
          manager,
          tenant.id,
          'TaxCode',
          [{ fields: { name: 'GST', taxType: 'OUTPUT' } }],
          origin,
        );
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(payloads).toEqual([]);
      });
      await expect.poll(() => payloads, { timeout: 10_000 }).toEqual([`${tenant.id}:1`]);
    } finally {
      await listener.end();
    }
  });
});
