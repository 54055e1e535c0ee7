import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INVOICE_FIELDS,
  startWriteHarness,
  type WriteHarness,
  waitForOpsDone,
  xeroInvoicesByReference,
} from './writes-harness.js';

const CREATE = `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { ${INVOICE_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: InvoiceInput!, $force: Boolean) {
  updateInvoice(id: $id, input: $input, force: $force) { ${INVOICE_FIELDS} } }`;
const UPSERT = `mutation ($externalId: ExternalIdInput!, $input: InvoiceInput!) {
  upsertInvoice(externalId: $externalId, input: $input) { ${INVOICE_FIELDS} } }`;

interface Payload {
  record: {
    id: string;
    syncStatus: string;
    status: string;
    updatedAt: string;
    transactionNumber: string | null;
    amount: { netAmount: string; taxAmount: string; totalAmount: string };
    lines: Array<{
      description: string;
      quantity: string;
      unitPrice: string;
      taxCodeId: string | null;
      amount: { totalAmount: string };
    }>;
  };
  syncStatus: string;
  warnings: string[];
  operationId: string | null;
}

let h: WriteHarness;
let customerId: string;
let itemId: string;
let salesAccountId: string;
let gstId: string;

beforeAll(async () => {
  h = await startWriteHarness();
  customerId = await h.idOf('organizations', "status = 'ACTIVE' ORDER BY name");
  itemId = await h.idOf('items', "code = 'DEV-HR'");
  salesAccountId = await h.idOf('accounts', "code = '200'");
  gstId = await h.idOf('tax_codes', "xero_id = 'OUTPUT'");
});

afterAll(async () => {
  await h?.stop();
});

const events = (entityId: string) =>
  h.count('SELECT count(*) n FROM sync_events WHERE tenant_id = $1 AND entity_id = $2', [
    h.tenantId,
    entityId,
  ]);

const line = (extra: Record<string, unknown> = {}) => ({
  description: 'Consulting',
  quantity: '2',
  unitPrice: '100.00',
  accountId: salesAccountId,
  taxCodeId: gstId,
  ...extra,
});

describe('invoice writes', () => {
  it('creates an invoice in Xero with the same lines and totals, SYNCED with one event from the app', async () => {
    const response = await h.graphql<{ createInvoice: Payload }>(CREATE, {
      input: { organizationId: customerId, reference: 'rt-1', status: 'AUTHORISED', lines: [line()] },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createInvoice;
    expect(payload.syncStatus).toBe('SYNCED');
    expect(payload.record.syncStatus).toBe('SYNCED');
    const inXero = await xeroInvoicesByReference(h, 'rt-1');
    expect(inXero).toHaveLength(1);
    expect(payload.record.amount).toEqual({
      netAmount: String(inXero[0].subTotal),
      taxAmount: String(inXero[0].totalTax),
      totalAmount: String(inXero[0].total),
    });
    expect(inXero[0].total).toBe(220);
    expect(inXero[0].lineItems?.map((l) => [l.description, l.quantity, l.unitAmount])).toEqual([
      ['Consulting', 2, 100],
    ]);
    expect(payload.record.transactionNumber).toBe(inXero[0].invoiceNumber);
    const [row] = await h.gateway.gateway.services.db.query('SELECT xero_id FROM invoices WHERE id = $1', [
      payload.record.id,
    ]);
    expect(row.xero_id).toBe(inXero[0].invoiceID);
    const eventRows = await h.gateway.gateway.services.db.query(
      'SELECT action, origin, app_id FROM sync_events WHERE entity_id = $1',
      [payload.record.id],
    );
    expect(eventRows).toHaveLength(1);
    expect(eventRows[0]).toMatchObject({ action: 'CREATED', origin: 'crm' });
    expect(eventRows[0].app_id).not.toBeNull();
    const idMap = await h.count(
      "SELECT count(*) n FROM id_map WHERE connec_id = $1 AND provider = 'xero' AND external_id = $2 AND pushed_at IS NOT NULL",
      [payload.record.id, inXero[0].invoiceID],
    );
    expect(idMap).toBe(1);
  });

  it("gives a line without a tax code its item's sale tax code (rule 10)", async () => {
    const response = await h.graphql<{ createInvoice: Payload }>(CREATE, {
      input: { organizationId: customerId, reference: 'rule-10', lines: [{ itemId, quantity: '1' }] },
    });
    expect(response.errors).toBeUndefined();
    const [item] = await h.gateway.gateway.services.db.query(
      'SELECT sale_tax_code_id FROM items WHERE id = $1',
      [itemId],
    );
    expect(response.data!.createInvoice.record.lines[0].taxCodeId).toBe(item.sale_tax_code_id);
    const [inXero] = await xeroInvoicesByReference(h, 'rule-10');
    expect(inXero.lineItems?.[0].taxType).toBe('OUTPUT');
  });

  it('refuses an invoice without a customer and writes nothing (rule 12)', async () => {
    const before = await h.count('SELECT count(*) n FROM invoices');
    const response = await h.graphql(CREATE, { input: { reference: 'rule-12', lines: [line()] } });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'organizationId', message: expect.stringContaining('customer') }],
    });
    expect(await h.count('SELECT count(*) n FROM invoices')).toBe(before);
    expect(await xeroInvoicesByReference(h, 'rule-12')).toHaveLength(0);
  });

  it('refuses to edit a PAID invoice and changes nothing, in Xero or in the cache (rule 11)', async () => {
    const [paid] = await h.gateway.gateway.services.db.query(
      `SELECT id, xero_id, reference, updated_at FROM invoices WHERE tenant_id = $1 AND status = 'PAID' LIMIT 1`,
      [h.tenantId],
    );
    const eventsBefore = await events(paid.id);
    const response = await h.graphql(UPDATE, { id: paid.id, input: { reference: 'changed' } });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toContain('PAID');
    const [after] = await h.gateway.gateway.services.db.query(
      'SELECT reference, updated_at FROM invoices WHERE id = $1',
      [paid.id],
    );
    expect(after).toEqual({ reference: paid.reference, updated_at: paid.updated_at });
    expect(await events(paid.id)).toBe(eventsBefore);
    const { body } = await h.xero.accountingApi.getInvoice(h.xeroTenantId, paid.xero_id);
    expect(body.invoices?.[0].reference ?? null).toBe(paid.reference);
  });

  it('answers XERO_REJECTED with Xero’s messages and changes nothing when Xero refuses', async () => {
    const first = await h.graphql<{ createInvoice: Payload }>(CREATE, {
      input: { organizationId: customerId, reference: 'dup-1', transactionNumber: 'DUP-42', lines: [line()] },
    });
    expect(first.errors).toBeUndefined();
    const before = await h.count('SELECT count(*) n FROM invoices');
    const eventsBefore = await h.count('SELECT count(*) n FROM sync_events');
    const second = await h.graphql(CREATE, {
      input: { organizationId: customerId, reference: 'dup-2', transactionNumber: 'DUP-42', lines: [line()] },
    });
    expect(second.errors?.[0].extensions?.code).toBe('XERO_REJECTED');
    expect(second.errors?.[0].extensions?.xeroMessages).toEqual(['Invoice # must be unique.']);
    expect(await h.count('SELECT count(*) n FROM invoices')).toBe(before);
    expect(await h.count('SELECT count(*) n FROM sync_events')).toBe(eventsBefore);
    expect(await h.count('SELECT count(*) n FROM outbound_ops WHERE status = $1', ['PENDING'])).toBe(0);
    expect(await xeroInvoicesByReference(h, 'dup-2')).toHaveLength(0);
  });

  it('updates an invoice: Xero and the cache take the change, one event', async () => {
    const created = await h.graphql<{ createInvoice: Payload }>(CREATE, {
      input: { organizationId: customerId, reference: 'upd-1', lines: [line()] },
    });
    const id = created.data!.createInvoice.record.id;
    const response = await h.graphql<{ updateInvoice: Payload }>(UPDATE, {
      id,
      input: { reference: 'upd-1b', lines: [line({ quantity: '3' })] },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.updateInvoice.record.amount.totalAmount).toBe('330');
    const [inXero] = await xeroInvoicesByReference(h, 'upd-1b');
    expect(inXero.total).toBe(330);
    expect(await events(id)).toBe(2);
  });

  it('refuses an update based on an older version with CONFLICT, unless forced', async () => {
    const created = await h.graphql<{ createInvoice: Payload }>(CREATE, {
      input: { organizationId: customerId, reference: 'conflict-1', lines: [line()] },
    });
    const { id, updatedAt } = created.data!.createInvoice.record;
    const [row] = await h.gateway.gateway.services.db.query('SELECT xero_id FROM invoices WHERE id = $1', [
      id,
    ]);
    // Someone edits the invoice in Xero; the gateway has not synced it yet.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const edit = await fetch(`${h.emulator.url}/__emulator/orgs/${h.xeroTenantId}/invoices/${row.xero_id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Reference: 'conflict-edited-in-xero' }),
    });
    expect(edit.ok).toBe(true);
    const refused = await h.graphql(UPDATE, {
      id,
      input: { reference: 'conflict-2', expectedUpdatedAt: updatedAt },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      expectedUpdatedAt: updatedAt,
      currentUpdatedAt: expect.any(String),
    });
    expect(await xeroInvoicesByReference(h, 'conflict-2')).toHaveLength(0);
    const forced = await h.graphql<{ updateInvoice: Payload }>(UPDATE, {
      id,
      force: true,
      input: { reference: 'conflict-2', expectedUpdatedAt: updatedAt },
    });
    expect(forced.errors).toBeUndefined();
    expect(await xeroInvoicesByReference(h, 'conflict-2')).toHaveLength(1);
  });

  it('upserts by the app’s own id: the same call twice makes one invoice in the cache and in Xero', async () => {
    const variables = {
      externalId: { provider: 'crm', id: 'ORDER-77' },
      input: { organizationId: customerId, reference: 'upsert-77', lines: [line()] },
    };
    const first = await h.graphql<{ upsertInvoice: Payload }>(UPSERT, variables);
    const second = await h.graphql<{ upsertInvoice: Payload }>(UPSERT, variables);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data!.upsertInvoice.record.id).toBe(first.data!.upsertInvoice.record.id);
    expect(await xeroInvoicesByReference(h, 'upsert-77')).toHaveLength(1);
    expect(await h.count("SELECT count(*) n FROM invoices WHERE reference = 'upsert-77'")).toBe(1);
    expect(await events(first.data!.upsertInvoice.record.id)).toBe(1);
  });

  it('keeps the write PENDING while Xero fails every call, and it reaches Xero exactly once after', async () => {
    await h.fault({ kind: 'error', status: 503 });
    const response = await h.graphql<{ createInvoice: Payload }>(CREATE, {
      input: { organizationId: customerId, reference: 'outage-1', lines: [line()] },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createInvoice;
    expect(payload.syncStatus).toBe('PENDING');
    expect(payload.operationId).toEqual(expect.any(String));
    expect(payload.record.syncStatus).toBe('PENDING');
    expect(payload.record.amount.totalAmount).toBe('220');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the worker keeps failing meanwhile
    await h.clearFaults();
    await waitForOpsDone(h);
    expect(await xeroInvoicesByReference(h, 'outage-1')).toHaveLength(1);
    const [row] = await h.gateway.gateway.services.db.query(
      'SELECT sync_status, xero_id FROM invoices WHERE id = $1',
      [payload.record.id],
    );
    expect(row.sync_status).toBe('SYNCED');
    expect(row.xero_id).toBeTruthy();
    const actions = await h.gateway.gateway.services.db.query(
      'SELECT action, changed_fields FROM sync_events WHERE entity_id = $1 ORDER BY seq',
      [payload.record.id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['CREATED', 'UPDATED']);
  });

  it('pushes a dropped connection again with the same idempotency key: one invoice in Xero', async () => {
    // The first PUT reaches no handler (connection dropped), the retry goes through.
    await h.fault({ kind: 'drop', count: 1, method: 'PUT' });
    const response = await h.graphql<{ createInvoice: Payload }>(CREATE, {
      input: { organizationId: customerId, reference: 'drop-1', lines: [line()] },
    });
    expect(response.errors).toBeUndefined();
    await waitForOpsDone(h);
    expect(await xeroInvoicesByReference(h, 'drop-1')).toHaveLength(1);
  });

  it('queues an update behind a pending create and applies both in order', async () => {
    await h.fault({ kind: 'error', status: 500 });
    const created = await h.graphql<{ createInvoice: Payload }>(CREATE, {
      input: { organizationId: customerId, reference: 'order-1', lines: [line()] },
    });
    const id = created.data!.createInvoice.record.id;
    const updated = await h.graphql<{ updateInvoice: Payload }>(UPDATE, {
      id,
      input: { reference: 'order-2' },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateInvoice.syncStatus).toBe('PENDING');
    await h.clearFaults();
    await waitForOpsDone(h);
    expect(await xeroInvoicesByReference(h, 'order-1')).toHaveLength(0);
    expect(await xeroInvoicesByReference(h, 'order-2')).toHaveLength(1);
    const [row] = await h.gateway.gateway.services.db.query(
      'SELECT reference, sync_status FROM invoices WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ reference: 'order-2', sync_status: 'SYNCED' });
  });
  it('marks a pending write FAILED, with an event, when Xero definitely refuses it later', async () => {
    await h.fault({ kind: 'error', status: 503 });
    const response = await h.graphql<{ createInvoice: Payload }>(CREATE, {
      input: {
        organizationId: customerId,
        reference: 'late-no',
        transactionNumber: 'LATE-1',
        lines: [line()],
      },
    });
    const payload = response.data!.createInvoice;
    expect(payload.syncStatus).toBe('PENDING');
    await h.clearFaults();
    // Meanwhile someone takes the number in Xero: the retry is refused for good.
    const [contact] = await h.gateway.gateway.services.db.query(
      'SELECT xero_id FROM organizations WHERE id = $1',
      [customerId],
    );
    await h.xero.accountingApi.createInvoices(h.xeroTenantId, {
      invoices: [
        {
          type: 'ACCREC' as never,
          invoiceNumber: 'LATE-1',
          contact: { contactID: contact.xero_id },
          lineItems: [{ description: 'x', quantity: 1, unitAmount: 1 }],
        },
      ],
    });
    await waitForOpsDone(h);
    const [op] = await h.gateway.gateway.services.db.query(
      'SELECT status, last_error FROM outbound_ops WHERE id = $1',
      [payload.operationId],
    );
    expect(op).toEqual({ status: 'FAILED', last_error: 'Invoice # must be unique.' });
    const [row] = await h.gateway.gateway.services.db.query(
      'SELECT sync_status, xero_id FROM invoices WHERE id = $1',
      [payload.record.id],
    );
    expect(row).toEqual({ sync_status: 'FAILED', xero_id: null });
    expect(await events(payload.record.id)).toBe(2);
    expect(await xeroInvoicesByReference(h, 'late-no')).toHaveLength(0);
  });
});
