import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { waitFor } from '../support/process.js';
import { INVOICE_FIELDS, startWriteHarness, type WriteHarness } from './writes-harness.js';

/**
 * Xero answers unit amounts with two decimals unless asked for four (`unitdp=4`). The gateway writes
 * with four; its sync and webhook reads must ask for four too, or a price of 0.3333 comes back as 0.33,
 * is cached so and published as a change nobody made.
 */
const CREATE_ITEM = `mutation ($input: ItemInput!) { createItem(input: $input) {
  record { id salePrice { netAmount } purchasePrice { netAmount } } syncStatus } }`;
const CREATE_INVOICE = `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { ${INVOICE_FIELDS} } }`;

let h: WriteHarness;
const db = () => h.gateway.gateway.services.db;
const sync = () => h.gateway.gateway.services.sync!;
const actions = async (entityId: string) =>
  (
    await db().query('SELECT action FROM sync_events WHERE tenant_id = $1 AND entity_id = $2 ORDER BY seq', [
      h.tenantId,
      entityId,
    ])
  ).map((row: { action: string }) => row.action);
const control = (path: string, method: string, body?: unknown) =>
  fetch(`${h.emulator.url}/__emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const itemPrices = async (id: string) =>
  (
    await h.graphql<{
      item: { salePrice: { netAmount: string } | null; purchasePrice: { netAmount: string } | null };
    }>('query($id: ID!) { item(id: $id) { salePrice { netAmount } purchasePrice { netAmount } } }', { id })
  ).data!.item;
const invoiceUnitPrices = async (id: string) =>
  (
    await h.graphql<{ invoice: { lines: Array<{ unitPrice: string }> } }>(
      'query($id: ID!) { invoice(id: $id) { lines { unitPrice } } }',
      { id },
    )
  ).data!.invoice.lines.map((line) => line.unitPrice);

beforeAll(async () => {
  h = await startWriteHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe('unit amounts with four decimals (unitdp=4)', () => {
  it('keeps an item and an invoice priced 0.3333 through the next sync and the webhook echo, with no change event', async () => {
    const invoiceReads = async () =>
      ((await (await control('calls', 'GET')).json()) as Record<string, number>)[
        'GET /api.xro/2.0/Invoices/{id}'
      ] ?? 0;
    // Xero's webhooks go to the gateway from the start: the new invoice's comes back to it.
    await control('webhook', 'PUT', { url: `${h.gateway.url}/webhooks/xero` });
    onTestFinished(async () => {
      await control('webhook', 'PUT', { url: '' });
    });
    const item = await h.graphql<{ createItem: { record: { id: string }; syncStatus: string } }>(
      CREATE_ITEM,
      {
        input: { code: 'THIRD', name: 'A third', salePrice: '0.3333', purchasePrice: '0.1234' },
      },
    );
    expect(item.data?.createItem.syncStatus, JSON.stringify(item.errors)).toBe('SYNCED');
    const itemId = item.data!.createItem.record.id;
    const invoice = await h.graphql<{ createInvoice: { record: { id: string }; syncStatus: string } }>(
      CREATE_INVOICE,
      {
        input: {
          organizationId: await h.idOf('organizations', "status = 'ACTIVE' ORDER BY name"),
          reference: 'unitdp-1',
          status: 'AUTHORISED',
          lines: [
            {
              description: 'Thirds',
              quantity: '3',
              unitPrice: '0.3333',
              accountId: await h.idOf('accounts', "code = '200'"),
              taxCodeId: await h.idOf('tax_codes', "xero_id = 'OUTPUT'"),
            },
          ],
        },
      },
    );
    expect(invoice.data?.createInvoice.syncStatus, JSON.stringify(invoice.errors)).toBe('SYNCED');
    const invoiceId = invoice.data!.createInvoice.record.id;
    expect(await itemPrices(itemId)).toEqual({
      salePrice: { netAmount: '0.3333' },
      purchasePrice: { netAmount: '0.1234' },
    });
    expect(await invoiceUnitPrices(invoiceId)).toEqual(['0.3333']);

    // Xero's webhook for the new invoice: the gateway reads it back by id.
    const readsBefore = await invoiceReads();
    await control('webhook/flush', 'POST');
    await waitFor(
      async () => ((await invoiceReads()) > readsBefore ? true : undefined),
      10_000,
      () => 'no webhook read of the invoice',
    );
    await sync().webhooks.drain();
    // The next sync lists both again (changed since the watermark).
    await sync().scheduler.trigger(h.tenantId);

    expect(await itemPrices(itemId)).toEqual({
      salePrice: { netAmount: '0.3333' },
      purchasePrice: { netAmount: '0.1234' },
    });
    expect(await invoiceUnitPrices(invoiceId)).toEqual(['0.3333']);
    expect(await actions(itemId)).toEqual(['CREATED']);
    expect(await actions(invoiceId)).toEqual(['CREATED']);
  });

  it('syncs an item priced 0.3333 in Xero as 0.3333', async () => {
    const made = await control(`orgs/${h.xeroTenantId}/items`, 'POST', {
      Code: 'XTHIRD',
      Name: 'Made in Xero',
      SalesDetails: { UnitPrice: 0.3333 },
    });
    expect(made.status).toBe(200);
    await sync().scheduler.trigger(h.tenantId);
    const id = await h.idOf('items', "code = 'XTHIRD'");
    expect((await itemPrices(id)).salePrice).toEqual({ netAmount: '0.3333' });
    expect(await actions(id)).toEqual(['CREATED']);
  });
});
