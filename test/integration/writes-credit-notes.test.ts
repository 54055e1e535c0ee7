import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOICE_FIELDS, startWriteHarness, type WriteHarness } from './writes-harness.js';

const FIELDS = `record { id type status remainingCredit syncStatus amount { totalAmount } } syncStatus warnings operationId`;
const CREATE = `mutation ($input: CreditNoteInput!) { createCreditNote(input: $input) { ${FIELDS} } }`;
const UPSERT = `mutation ($externalId: ExternalIdInput!, $input: CreditNoteInput!) {
  upsertCreditNote(externalId: $externalId, input: $input) { ${FIELDS} } }`;
const ALLOCATE = `mutation ($id: ID!, $input: CreditNoteAllocationInput!) {
  allocateCreditNote(id: $id, input: $input) { ${FIELDS} } }`;
const CREATE_INVOICE = `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { ${INVOICE_FIELDS} } }`;

interface Payload {
  record: {
    id: string;
    type: string;
    status: string;
    remainingCredit: string;
    amount: { totalAmount: string };
  };
  syncStatus: string;
}

let h: WriteHarness;
let customerId: string;
let otherCustomerId: string;
let sales: string;
let gst: string;
beforeAll(async () => {
  h = await startWriteHarness();
  customerId = await h.idOf('organizations', "status = 'ACTIVE' ORDER BY name");
  otherCustomerId = await h.idOf('organizations', "status = 'ACTIVE' ORDER BY name DESC");
  sales = await h.idOf('accounts', "code = '200'");
  gst = await h.idOf('tax_codes', "xero_id = 'OUTPUT'");
});
afterAll(async () => {
  await h?.stop();
});

const db = () => h.gateway.gateway.services.db;
const line = (unitPrice: string) => ({
  description: 'Refund',
  quantity: '1',
  unitPrice,
  accountId: sales,
  taxCodeId: gst,
});

async function creditNote(reference: string, organizationId = customerId): Promise<Payload> {
  const response = await h.graphql<{ createCreditNote: Payload }>(CREATE, {
    input: { organizationId, reference, status: 'AUTHORISED', lines: [line('50')] },
  });
  expect(response.errors).toBeUndefined();
  return response.data!.createCreditNote;
}
async function invoice(reference: string): Promise<string> {
  const response = await h.graphql<{ createInvoice: { record: { id: string } } }>(CREATE_INVOICE, {
    input: { organizationId: customerId, reference, status: 'AUTHORISED', lines: [line('200')] },
  });
  return response.data!.createInvoice.record.id;
}
const xeroIdOf = async (table: string, id: string) =>
  (await db().query(`SELECT xero_id FROM ${table} WHERE id = $1`, [id]))[0].xero_id as string;

describe('credit note writes', () => {
  it('creates a credit note in Xero with Xero’s totals and its remaining credit', async () => {
    const note = await creditNote('cn-1');
    expect(note.syncStatus).toBe('SYNCED');
    expect(note.record).toMatchObject({ type: 'CUSTOMER', status: 'AUTHORISED', remainingCredit: '55' });
    const { body } = await h.xero.accountingApi.getCreditNote(
      h.xeroTenantId,
      await xeroIdOf('credit_notes', note.record.id),
    );
    expect(body.creditNotes?.[0]).toMatchObject({ total: 55, reference: 'cn-1' });
    expect(String(body.creditNotes?.[0].type)).toBe('ACCRECCREDIT');
  });

  it('allocates credit to an invoice: Xero and the cache show the new credit and the new amount due', async () => {
    const note = await creditNote('cn-alloc');
    const invoiceId = await invoice('inv-alloc');
    const response = await h.graphql<{ allocateCreditNote: Payload }>(ALLOCATE, {
      id: note.record.id,
      input: { invoiceId, amount: '30' },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.allocateCreditNote.record.remainingCredit).toBe('25');
    const { body } = await h.xero.accountingApi.getInvoice(
      h.xeroTenantId,
      await xeroIdOf('invoices', invoiceId),
    );
    expect(body.invoices?.[0].amountDue).toBe(190);
    const [row] = await db().query('SELECT balance FROM invoices WHERE id = $1', [invoiceId]);
    expect(row.balance).toBe('190');
    expect(
      await h.count(
        'SELECT count(*) n FROM credit_note_allocations WHERE credit_note_id = $1 AND invoice_id = $2',
        [note.record.id, invoiceId],
      ),
    ).toBe(1);
  });

  it('refuses an allocation to another contact’s invoice, or more than the credit, and changes nothing', async () => {
    const note = await creditNote('cn-bad', otherCustomerId);
    const invoiceId = await invoice('inv-bad');
    const before = [
      await h.count('SELECT count(*) n FROM sync_events'),
      await h.count('SELECT count(*) n FROM outbound_ops'),
    ];
    const other = await h.graphql(ALLOCATE, { id: note.record.id, input: { invoiceId, amount: '10' } });
    expect(other.errors?.[0].extensions?.fieldErrors).toEqual([
      { path: 'invoiceId', message: 'The invoice and the credit note must have the same contact.' },
    ]);
    const tooMuch = await h.graphql(ALLOCATE, { id: note.record.id, input: { invoiceId, amount: '60' } });
    expect(tooMuch.errors?.[0].extensions?.fieldErrors).toContainEqual({
      path: 'amount',
      message: 'Must be at most the remaining credit (55).',
    });
    expect([
      await h.count('SELECT count(*) n FROM sync_events'),
      await h.count('SELECT count(*) n FROM outbound_ops'),
    ]).toEqual(before);
    const { body } = await h.xero.accountingApi.getInvoice(
      h.xeroTenantId,
      await xeroIdOf('invoices', invoiceId),
    );
    expect(body.invoices?.[0].amountDue).toBe(220);
  });

  it('refuses a credit note without a contact or lines', async () => {
    const response = await h.graphql(CREATE, { input: {} });
    expect(response.errors?.[0].extensions?.fieldErrors).toEqual([
      {
        path: 'organizationId',
        message: expect.stringContaining('A credit note needs a customer or supplier'),
      },
      { path: 'lines', message: 'A credit note needs at least one line.' },
    ]);
  });

  it('upserts by the app’s own id: the same call twice makes one credit note', async () => {
    const variables = {
      externalId: { provider: 'crm', id: 'CN-9' },
      input: { organizationId: customerId, reference: 'cn-upsert', lines: [line('5')] },
    };
    const first = await h.graphql<{ upsertCreditNote: Payload }>(UPSERT, variables);
    const second = await h.graphql<{ upsertCreditNote: Payload }>(UPSERT, variables);
    expect(second.data!.upsertCreditNote.record.id).toBe(first.data!.upsertCreditNote.record.id);
    const { body } = await h.xero.accountingApi.getCreditNotes(
      h.xeroTenantId,
      undefined,
      'Reference=="cn-upsert"',
    );
    expect(body.creditNotes).toHaveLength(1);
  });
});
