import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOICE_FIELDS, startWriteHarness, type WriteHarness } from './writes-harness.js';

const PAYMENT_FIELDS = `record { id status amount accountId invoiceId syncStatus } syncStatus warnings operationId`;
const CREATE = `mutation ($input: PaymentInput!) { createPayment(input: $input) { ${PAYMENT_FIELDS} } }`;
const UPSERT = `mutation ($externalId: ExternalIdInput!, $input: PaymentInput!) {
  upsertPayment(externalId: $externalId, input: $input) { ${PAYMENT_FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deletePayment(id: $id) { ${PAYMENT_FIELDS} } }`;
const CREATE_INVOICE = `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { ${INVOICE_FIELDS} } }`;

interface PaymentPayload {
  record: {
    id: string;
    status: string;
    amount: string;
    accountId: string;
    invoiceId: string;
    syncStatus: string;
  };
  syncStatus: string;
  warnings: string[];
  operationId: string | null;
}

let h: WriteHarness;
let customerId: string;
let sales: string;
let gst: string;
let bank090: string;
beforeAll(async () => {
  h = await startWriteHarness();
  customerId = await h.idOf('organizations', "status = 'ACTIVE' ORDER BY name");
  sales = await h.idOf('accounts', "code = '200'");
  gst = await h.idOf('tax_codes', "xero_id = 'OUTPUT'");
  bank090 = await h.idOf('accounts', "code = '090'");
});
afterAll(async () => {
  await h?.stop();
});

const db = () => h.gateway.gateway.services.db;

/** An AUTHORISED invoice of 220.00, through the gateway. */
async function authorisedInvoice(reference: string): Promise<{ id: string; xeroId: string }> {
  const response = await h.graphql<{ createInvoice: { record: { id: string } } }>(CREATE_INVOICE, {
    input: {
      organizationId: customerId,
      reference,
      status: 'AUTHORISED',
      lines: [{ description: 'Work', quantity: '2', unitPrice: '100', accountId: sales, taxCodeId: gst }],
    },
  });
  expect(response.errors).toBeUndefined();
  const id = response.data!.createInvoice.record.id;
  const [row] = await db().query('SELECT xero_id FROM invoices WHERE id = $1', [id]);
  return { id, xeroId: row.xero_id };
}

async function xeroInvoice(xeroId: string) {
  return (await h.xero.accountingApi.getInvoice(h.xeroTenantId, xeroId)).body.invoices![0];
}
async function cachedInvoice(id: string) {
  const [row] = await db().query('SELECT status, balance FROM invoices WHERE id = $1', [id]);
  return row as { status: string; balance: string };
}

describe('payment writes', () => {
  it('pays an invoice into the given bank account: Xero and the cache show the payment and the new balance', async () => {
    const invoice = await authorisedInvoice('pay-1');
    const response = await h.graphql<{ createPayment: PaymentPayload }>(CREATE, {
      input: { invoiceId: invoice.id, accountId: bank090, amount: '20', reference: 'part' },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createPayment;
    expect(payload).toMatchObject({ syncStatus: 'SYNCED', warnings: [] });
    expect(payload.record).toMatchObject({ amount: '20', accountId: bank090, invoiceId: invoice.id });
    const inXero = await xeroInvoice(invoice.xeroId);
    expect(inXero.amountDue).toBe(200);
    expect(inXero.payments?.map((p) => p.amount)).toEqual([20]);
    expect(await cachedInvoice(invoice.id)).toEqual({ status: 'AUTHORISED', balance: '200' });
    const [row] = await db().query('SELECT xero_id FROM payments WHERE id = $1', [payload.record.id]);
    expect(row.xero_id).toBe(inXero.payments?.[0].paymentID);
    expect(
      await h.count('SELECT count(*) n FROM sync_events WHERE entity_id = $1', [payload.record.id]),
    ).toBe(1);
  });

  it("uses the organisation's default bank account when none is given, and says which (rule 13)", async () => {
    const invoice = await authorisedInvoice('pay-default');
    const response = await h.graphql<{ createPayment: PaymentPayload }>(CREATE, {
      input: { invoiceId: invoice.id, amount: '220' },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createPayment;
    expect(payload.warnings).toEqual([expect.stringContaining('default bank account 090')]);
    expect(payload.record.accountId).toBe(bank090);
    expect(String((await xeroInvoice(invoice.xeroId)).status)).toBe('PAID');
    expect(await cachedInvoice(invoice.id)).toEqual({ status: 'PAID', balance: '0' });
  });

  it('deletes a payment: Xero marks it DELETED, the invoice owes the amount again', async () => {
    const invoice = await authorisedInvoice('pay-del');
    const created = await h.graphql<{ createPayment: PaymentPayload }>(CREATE, {
      input: { invoiceId: invoice.id, accountId: bank090, amount: '50' },
    });
    const id = created.data!.createPayment.record.id;
    const response = await h.graphql<{ deletePayment: PaymentPayload }>(DELETE, { id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.deletePayment.record.status).toBe('DELETED');
    expect((await xeroInvoice(invoice.xeroId)).amountDue).toBe(220);
    expect(await cachedInvoice(invoice.id)).toEqual({ status: 'AUTHORISED', balance: '220' });
    const actions = await db().query('SELECT action FROM sync_events WHERE entity_id = $1 ORDER BY seq', [
      id,
    ]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['CREATED', 'DELETED']);
  });

  it('upserts by the app’s own id: the same call twice makes one payment', async () => {
    const invoice = await authorisedInvoice('pay-upsert');
    const variables = {
      externalId: { provider: 'crm', id: 'RCPT-1' },
      input: { invoiceId: invoice.id, accountId: bank090, amount: '10' },
    };
    const first = await h.graphql<{ upsertPayment: PaymentPayload }>(UPSERT, variables);
    const second = await h.graphql<{ upsertPayment: PaymentPayload }>(UPSERT, variables);
    expect(first.errors).toBeUndefined();
    expect(second.data!.upsertPayment.record.id).toBe(first.data!.upsertPayment.record.id);
    expect((await xeroInvoice(invoice.xeroId)).payments).toHaveLength(1);
    expect(await h.count('SELECT count(*) n FROM payments WHERE invoice_id = $1', [invoice.id])).toBe(1);
  });

  describe('bad input is refused and changes nothing', () => {
    let invoice: { id: string; xeroId: string };
    beforeAll(async () => {
      invoice = await authorisedInvoice('pay-bad');
    });
    const state = async () => ({
      payments: await h.count('SELECT count(*) n FROM payments'),
      events: await h.count('SELECT count(*) n FROM sync_events'),
      ops: await h.count('SELECT count(*) n FROM outbound_ops'),
      xero: (await h.xero.accountingApi.getPayments(h.xeroTenantId)).body.payments?.length,
    });
    it.each<[string, () => Record<string, unknown>, string, RegExp]>([
      ['a zero amount', () => ({ invoiceId: invoice.id, amount: '0' }), 'amount', /more than zero/],
      ['more than is due', () => ({ invoiceId: invoice.id, amount: '220.01' }), 'amount', /amount due \(220/],
      ['no invoice', () => ({ amount: '1' }), 'invoiceId', /needs the invoice/],
      [
        'a sales account',
        () => ({ invoiceId: invoice.id, accountId: sales, amount: '1' }),
        'accountId',
        /BANK account/,
      ],
    ])('refuses %s', async (_label, input, path, message) => {
      const before = await state();
      const response = await h.graphql(CREATE, { input: input() });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const fieldErrors = response.errors?.[0].extensions?.fieldErrors as Array<{
        path: string;
        message: string;
      }>;
      expect(fieldErrors.find((e) => e.path === path)?.message).toMatch(message);
      expect(await state()).toEqual(before);
    });

    it('refuses a payment of a DRAFT invoice', async () => {
      const draft = await h.idOf('invoices', "status = 'DRAFT'");
      const response = await h.graphql(CREATE, {
        input: { invoiceId: draft, accountId: bank090, amount: '1' },
      });
      expect(response.errors?.[0].extensions?.fieldErrors).toEqual([
        { path: 'invoiceId', message: expect.stringContaining('AUTHORISED invoices only') },
      ]);
    });

    // Last: it archives the organisation's bank accounts.
    it('refuses a payment with no bank account when the organisation has no default one; the invoice stays AUTHORISED (rule 13)', async () => {
      for (const code of ['090', '091']) {
        const [row] = await db().query('SELECT xero_id FROM accounts WHERE tenant_id = $1 AND code = $2', [
          h.tenantId,
          code,
        ]);
        const archived = await fetch(
          `${h.emulator.url}/__emulator/orgs/${h.xeroTenantId}/accounts/${row.xero_id}`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ Status: 'ARCHIVED' }),
          },
        );
        expect(archived.ok).toBe(true);
      }
      await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
      expect(await h.count("SELECT count(*) n FROM accounts WHERE type = 'BANK' AND status = 'ACTIVE'")).toBe(
        0,
      );
      const before = await state();
      const response = await h.graphql(CREATE, { input: { invoiceId: invoice.id, amount: '10' } });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toMatch(
        /no bank account and the organisation has no default bank account.*invoice stays AUTHORISED/,
      );
      expect(await state()).toEqual(before);
      expect(String((await xeroInvoice(invoice.xeroId)).status)).toBe('AUTHORISED');
      expect(await cachedInvoice(invoice.id)).toEqual({ status: 'AUTHORISED', balance: '220' });
    });
  });
});
