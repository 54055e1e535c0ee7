import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../src/schema/scope.js';
import { collect } from '../support/events.js';
import { connectWs } from '../support/ws-client.js';
import { startXeroHarness, type XeroHarness } from '../support/xero-harness.js';

const SUBSCRIPTION = `subscription($since: String) { entityChanged(types: [Organization, Invoice], since: $since) {
  cursor entityType entityId action origin changedFields
  entity { __typename ... on Organization { name } ... on Invoice { reference } }
} }`;

interface Change {
  entityChanged: {
    entityType: string;
    entityId: string;
    action: string;
    origin: string;
    entity: { name?: string; reference?: string };
  };
}

describe('events reach subscribers from every source', () => {
  let harness: XeroHarness;
  let tenantId: string;
  let dashboardKey: string;
  let crmKey: string;
  let client: Client;
  const db = () => harness.gateway.gateway.services.db;
  const idOf = async (sql: string) => (await db().query(sql, [tenantId]))[0].id as string;
  /** Subscribing from the newest cursor cannot miss what comes next, however long the socket takes. */
  const fromNow = async () => ({
    since: String(
      (await db().query('SELECT last_seq FROM tenant_event_counters WHERE tenant_id = $1', [tenantId]))[0]
        .last_seq,
    ),
  });

  beforeAll(async () => {
    harness = await startXeroHarness({ webhookBatchDelayMs: 50 }, { XERO_RATE_WINDOW_MS: '2000' });
    tenantId = await harness.link('org-sources', 'Demo Company (AU)');
    await harness.gateway.gateway.services.sync!.scheduler.trigger(tenantId);
    dashboardKey = await harness.gateway.createKey('org-sources', [Scope.READ, Scope.SUBSCRIBE], 'dashboard');
    crmKey = await harness.gateway.createKey('org-sources', [Scope.READ, Scope.WRITE], 'crm');
    client = connectWs(harness.gateway.url, dashboardKey).client;
  });
  afterAll(async () => {
    await client?.dispose();
    await harness?.stop();
  });

  it('a change made in Xero and brought in by a sync', async () => {
    const events = client.iterate({ query: SUBSCRIPTION, variables: await fromNow() });
    const [contact] = await db().query(
      `SELECT id, xero_id FROM organizations WHERE tenant_id = $1 AND status = 'ACTIVE' LIMIT 1`,
      [tenantId],
    );
    await new Promise((resolve) => setTimeout(resolve, 1100)); // newer than the watermark, to the second
    await harness.control(
      'POST',
      `/__emulator/orgs/${harness.organisation('Demo Company (AU)').tenantId}/contacts/${contact.xero_id}`,
      {
        Name: 'Changed For Subscribers Pty',
      },
    );
    await harness.gateway.gateway.services.sync!.scheduler.trigger(tenantId, { entities: ['Organization'] });
    const [event] = await collect<Change>(events, 1);
    expect(event.entityChanged).toMatchObject({
      entityType: 'Organization',
      entityId: contact.id,
      action: 'UPDATED',
      origin: 'xero',
    });
    expect(event.entityChanged.entity.name).toBe('Changed For Subscribers Pty');
    await events.return?.();
  });

  it("a mutation of another app, with that app's provider as origin", async () => {
    const events = client.iterate({ query: SUBSCRIPTION, variables: await fromNow() });
    const customerId = await idOf(
      `SELECT id FROM organizations WHERE tenant_id = $1 AND status = 'ACTIVE' ORDER BY name LIMIT 1`,
    );
    const accountId = await idOf(`SELECT id FROM accounts WHERE tenant_id = $1 AND code = '200'`);
    const taxCodeId = await idOf(`SELECT id FROM tax_codes WHERE tenant_id = $1 AND xero_id = 'OUTPUT'`);
    const response = await harness.gateway.graphql(
      'mutation($input: InvoiceInput!) { createInvoice(input: $input) { syncStatus record { id } } }',
      {
        input: {
          organizationId: customerId,
          reference: 'sub-1',
          status: 'AUTHORISED',
          lines: [{ description: 'Work', quantity: '1', unitPrice: '10.00', accountId, taxCodeId }],
        },
      },
      crmKey,
    );
    expect(response.errors).toBeUndefined();
    const [event] = await collect<Change>(events, 1);
    expect(event.entityChanged).toMatchObject({ entityType: 'Invoice', action: 'CREATED', origin: 'crm' });
    expect(event.entityChanged.entity.reference).toBe('sub-1');
    await events.return?.();
  });
});
