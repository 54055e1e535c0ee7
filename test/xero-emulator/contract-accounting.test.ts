import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreditNote, Invoice, LineAmountTypes, type XeroClient } from 'xero-node';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { mintTokens, xeroClientFor, xeroError } from './support/emulator-client.js';
import { validateResponse } from './support/spec-validator.js';

let emu: RunningXeroEmulator;
let xero: XeroClient;
let tenant: string;

const valid = (path: string, method: string, res: { response: { status: number; data: unknown } }) =>
  expect(
    validateResponse('xero_accounting.yaml', path, method, res.response.status, res.response.data),
  ).toEqual([]);

beforeAll(async () => {
  emu = await startXeroEmulator({ today: REFERENCE_TODAY, limits: { perMinute: 10_000, perDay: 100_000 } });
  xero = await xeroClientFor(emu);
  tenant = emu.organisations[0].tenantId;
});
afterAll(() => emu.stop());

describe('Accounting through the real xero-node client', () => {
  it('reads the organisation', async () => {
    const res = await xero.accountingApi.getOrganisations(tenant);
    valid('/Organisation', 'get', res);
    expect(res.body.organisations?.[0].name).toBe('Demo Company (AU)');
    expect(res.body.organisations?.[0].baseCurrency).toBe('AUD');
  });

  it('lists contacts with paging, where, order and includeArchived', async () => {
    const page = await xero.accountingApi.getContacts(
      tenant,
      undefined,
      undefined,
      'Name ASC',
      undefined,
      1,
      false,
      undefined,
      undefined,
      3,
    );
    valid('/Contacts', 'get', page);
    expect(page.body.contacts).toHaveLength(3);
    expect(page.body.pagination).toMatchObject({ page: 1, pageSize: 3, itemCount: 8, pageCount: 3 });
    const names = page.body.contacts!.map((c) => c.name);
    expect([...names].sort()).toEqual(names);
    const archived = await xero.accountingApi.getContacts(
      tenant,
      undefined,
      'ContactStatus=="ARCHIVED"',
      undefined,
      undefined,
      1,
      true,
    );
    expect(archived.body.contacts!.map((c) => c.name)).toEqual(['Old Supplier Co']);
    const bayside = await xero.accountingApi.getContacts(tenant, undefined, 'Name=="Bayside Club"');
    expect(bayside.body.contacts![0].contactPersons).toHaveLength(2);
  });

  it('lists invoices by status, contact, date and If-Modified-Since', async () => {
    const all = await xero.accountingApi.getInvoices(tenant);
    valid('/Invoices', 'get', all);
    const contactId = all.body.invoices!.find((i) => i.type === Invoice.TypeEnum.ACCREC)!.contact!.contactID!;
    const byContact = await xero.accountingApi.getInvoices(
      tenant,
      undefined,
      `Contact.ContactID==guid("${contactId}") AND Type=="ACCREC"`,
    );
    expect(byContact.body.invoices!.every((i) => i.contact!.contactID === contactId)).toBe(true);
    const authorised = await xero.accountingApi.getInvoices(
      tenant,
      undefined,
      'Status=="AUTHORISED" OR Status=="PAID"',
    );
    expect(authorised.body.invoices!.every((i) => ['AUTHORISED', 'PAID'].includes(String(i.status)))).toBe(
      true,
    );
    const dated = await xero.accountingApi.getInvoices(tenant, undefined, 'Date >= DateTime(2026, 02, 01)');
    expect(dated.body.invoices!.length).toBeGreaterThan(0);
    // xero-node turns any `/Date(` string into a Date (#746), even fields typed string.
    expect(
      dated.body.invoices!.every(
        (i) => new Date(i.date as unknown as string).getTime() >= Date.UTC(2026, 1, 1),
      ),
    ).toBe(true);
    const since = new Date(Date.now() - 1000);
    const created = await xero.accountingApi.createInvoices(tenant, {
      invoices: [
        {
          type: Invoice.TypeEnum.ACCREC,
          contact: { contactID: contactId },
          lineItems: [{ description: 'Fresh', quantity: 1, unitAmount: 10, accountCode: '200' }],
        },
      ],
    });
    const changed = await xero.accountingApi.getInvoices(tenant, since);
    expect(changed.body.invoices!.map((i) => i.invoiceID)).toContain(created.body.invoices![0].invoiceID);
    expect(changed.body.invoices!.length).toBeLessThan(all.body.invoices!.length);
  });

  it('creates, reads and updates an invoice with totals computed by the emulator', async () => {
    const res = await xero.accountingApi.createInvoices(
      tenant,
      {
        invoices: [
          {
            type: Invoice.TypeEnum.ACCREC,
            contact: { name: 'Brand New Customer' },
            date: '2026-03-01',
            dueDate: '2026-03-31',
            lineAmountTypes: LineAmountTypes.Exclusive,
            status: Invoice.StatusEnum.AUTHORISED,
            lineItems: [
              { description: 'Consulting', quantity: 2, unitAmount: 100, accountCode: '200' },
              {
                description: 'Discounted',
                quantity: 1,
                unitAmount: 50,
                discountRate: 10,
                accountCode: '200',
              },
            ],
          },
        ],
      },
      undefined,
      undefined,
      undefined,
      false,
    );
    valid('/Invoices', 'put', res);
    const inv = res.body.invoices![0];
    expect(inv.subTotal).toBe(245);
    expect(inv.totalTax).toBe(24.5);
    expect(inv.total).toBe(269.5);
    expect(inv.amountDue).toBe(269.5);
    expect(inv.invoiceNumber).toMatch(/^INV-\d{4}$/);
    expect(inv.updatedDateUTC).toBeInstanceOf(Date);
    const got = await xero.accountingApi.getInvoice(tenant, inv.invoiceID!);
    valid('/Invoices/{InvoiceID}', 'get', got);
    const upd = await xero.accountingApi.updateInvoice(tenant, inv.invoiceID!, {
      invoices: [{ reference: 'PO 42' }],
    });
    valid('/Invoices/{InvoiceID}', 'post', upd);
    expect(upd.body.invoices![0].reference).toBe('PO 42');
    expect(upd.body.invoices![0].updatedDateUTC!.getTime()).toBeGreaterThan(inv.updatedDateUTC!.getTime());
  });

  it('answers unit amounts with 2 decimals unless asked for 4 (unitdp=4)', async () => {
    const made = await xero.accountingApi.createInvoices(
      tenant,
      {
        invoices: [
          {
            type: Invoice.TypeEnum.ACCREC,
            contact: { name: 'Thirds Customer' },
            lineAmountTypes: LineAmountTypes.NoTax,
            lineItems: [{ description: 'Thirds', quantity: 3, unitAmount: 0.3333, accountCode: '200' }],
          },
        ],
      },
      undefined,
      4,
    );
    const id = made.body.invoices![0].invoiceID!;
    expect(made.body.invoices![0].lineItems![0].unitAmount).toBe(0.3333);
    // The amounts Xero computes are those of the 4-decimal unit amount, whichever way it is shown.
    expect(made.body.invoices![0].subTotal).toBe(1);
    const line = async (p: Promise<{ body: { invoices?: Invoice[] } }>) =>
      (await p).body.invoices!.find((i) => i.invoiceID === id)!.lineItems![0];
    expect((await line(xero.accountingApi.getInvoice(tenant, id))).unitAmount).toBe(0.33);
    expect((await line(xero.accountingApi.getInvoice(tenant, id, 4))).unitAmount).toBe(0.3333);
    expect((await line(xero.accountingApi.getInvoice(tenant, id))).lineAmount).toBe(1);
    const list = (unitdp?: number) =>
      xero.accountingApi.getInvoices(
        tenant,
        undefined,
        undefined,
        undefined,
        [id],
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        unitdp,
      );
    expect((await line(list())).unitAmount).toBe(0.33);
    expect((await line(list(4))).unitAmount).toBe(0.3333);

    const item = (
      await xero.accountingApi.createItems(
        tenant,
        {
          items: [
            { code: 'THIRDS', salesDetails: { unitPrice: 0.3333 }, purchaseDetails: { unitPrice: 0.6667 } },
          ],
        },
        undefined,
        4,
      )
    ).body.items![0];
    expect(item.salesDetails?.unitPrice).toBe(0.3333);
    const read = async (unitdp?: number) =>
      (await xero.accountingApi.getItem(tenant, item.itemID!, unitdp)).body.items![0];
    expect([(await read()).salesDetails?.unitPrice, (await read()).purchaseDetails?.unitPrice]).toEqual([
      0.33, 0.67,
    ]);
    expect([(await read(4)).salesDetails?.unitPrice, (await read(4)).purchaseDetails?.unitPrice]).toEqual([
      0.3333, 0.6667,
    ]);
    const listed = async (unitdp?: number) =>
      (await xero.accountingApi.getItems(tenant, undefined, 'Code=="THIRDS"', undefined, unitdp)).body
        .items![0];
    expect((await listed()).salesDetails?.unitPrice).toBe(0.33);
    expect((await listed(4)).salesDetails?.unitPrice).toBe(0.3333);
  });

  it('answers a batch with summarizeErrors=false element by element', async () => {
    const res = await xero.accountingApi.createContacts(
      tenant,
      { contacts: [{ name: 'Batch Contact One' }, { name: 'Bayside Club' }, { name: 'Batch Contact Two' }] },
      false,
    );
    valid('/Contacts', 'put', res);
    expect(res.response.status).toBe(200);
    expect(res.body.contacts!.map((c) => c.statusAttributeString)).toEqual(['OK', 'ERROR', 'OK']);
    expect(res.body.contacts![1].validationErrors![0].message).toContain(
      'is already assigned to another contact',
    );
  });

  it('replays the first answer for a repeated Idempotency-Key and creates nothing', async () => {
    const body = { contacts: [{ name: 'Idempotent Pty Ltd' }] };
    const a = await xero.accountingApi.createContacts(tenant, body, true, 'key-123');
    const b = await xero.accountingApi.createContacts(tenant, body, true, 'key-123');
    expect(b.body.contacts![0].contactID).toBe(a.body.contacts![0].contactID);
    const list = await xero.accountingApi.getContacts(tenant, undefined, 'Name=="Idempotent Pty Ltd"');
    expect(list.body.contacts).toHaveLength(1);
  });

  it('updates a contact and creates items, accounts, purchase orders', async () => {
    const contacts = await xero.accountingApi.getContacts(tenant, undefined, 'Name=="City Limousines"');
    const id = contacts.body.contacts![0].contactID!;
    const upd = await xero.accountingApi.updateContact(tenant, id, {
      contacts: [{ emailAddress: 'new@city.example.com' }],
    });
    valid('/Contacts/{ContactID}', 'post', upd);
    expect(upd.body.contacts![0].emailAddress).toBe('new@city.example.com');
    const items = await xero.accountingApi.createItems(tenant, {
      items: [{ code: 'NEW-1', name: 'New item', salesDetails: { unitPrice: 9.5, accountCode: '200' } }],
    });
    valid('/Items', 'put', items);
    valid('/Items', 'get', await xero.accountingApi.getItems(tenant));
    const account = await xero.accountingApi.createAccount(tenant, {
      code: '455',
      name: 'Software Subscriptions',
      type: 'OVERHEADS' as never,
    });
    valid('/Accounts', 'put', account);
    expect(account.body.accounts![0]._class).toBe('EXPENSE');
    valid('/Accounts', 'get', await xero.accountingApi.getAccounts(tenant, undefined, 'Type=="BANK"'));
    valid('/TaxRates', 'get', await xero.accountingApi.getTaxRates(tenant));
    valid('/TaxRates/{TaxType}', 'get', await xero.accountingApi.getTaxRateByTaxType(tenant, 'OUTPUT'));
    const rate = await xero.accountingApi.createTaxRates(tenant, {
      taxRates: [
        {
          name: 'CA State Tax',
          reportTaxType: 'OUTPUT' as never,
          taxComponents: [{ name: 'State Tax', rate: 2.25, isCompound: false }],
        },
      ],
    });
    valid('/TaxRates', 'put', rate);
    expect(rate.body.taxRates![0].taxType).toMatch(/^TAX\d{3}$/);
    const po = await xero.accountingApi.createPurchaseOrders(tenant, {
      purchaseOrders: [
        {
          contact: { contactID: id },
          lineItems: [{ description: 'Fuel', quantity: 10, unitAmount: 2, accountCode: '429' }],
        },
      ],
    });
    valid('/PurchaseOrders', 'put', po);
    expect(po.body.purchaseOrders![0].purchaseOrderNumber).toMatch(/^PO-/);
    valid(
      '/PurchaseOrders',
      'get',
      await xero.accountingApi.getPurchaseOrders(tenant, undefined, 'DRAFT' as never),
    );
  });

  it('allocates a credit note and records and deletes payments', async () => {
    const contact = (await xero.accountingApi.getContacts(tenant, undefined, 'Name=="Marine Systems"')).body
      .contacts![0];
    const inv = (
      await xero.accountingApi.createInvoices(tenant, {
        invoices: [
          {
            type: Invoice.TypeEnum.ACCREC,
            contact: { contactID: contact.contactID },
            status: Invoice.StatusEnum.AUTHORISED,
            lineItems: [{ description: 'Work', quantity: 1, unitAmount: 100, accountCode: '200' }],
          },
        ],
      })
    ).body.invoices![0];
    const cn = await xero.accountingApi.createCreditNotes(tenant, {
      creditNotes: [
        {
          type: CreditNote.TypeEnum.ACCRECCREDIT,
          contact: { contactID: contact.contactID },
          status: CreditNote.StatusEnum.AUTHORISED,
          lineItems: [{ description: 'Refund', quantity: 1, unitAmount: 20, accountCode: '200' }],
        },
      ],
    });
    valid('/CreditNotes', 'put', cn);
    const alloc = await xero.accountingApi.createCreditNoteAllocation(
      tenant,
      cn.body.creditNotes![0].creditNoteID!,
      { allocations: [{ invoice: { invoiceID: inv.invoiceID! }, amount: 22, date: '2026-03-02' }] },
    );
    valid('/CreditNotes/{CreditNoteID}/Allocations', 'put', alloc);
    valid('/CreditNotes', 'get', await xero.accountingApi.getCreditNotes(tenant));
    const pay = await xero.accountingApi.createPayment(tenant, {
      invoice: { invoiceID: inv.invoiceID },
      account: { code: '090' },
      amount: 88,
      date: '2026-03-03',
    });
    valid('/Payments', 'post', pay);
    const paid = await xero.accountingApi.getInvoice(tenant, inv.invoiceID!);
    expect(paid.body.invoices![0].status).toBe(Invoice.StatusEnum.PAID);
    valid(
      '/Payments',
      'get',
      await xero.accountingApi.getPayments(tenant, undefined, 'Status=="AUTHORISED"', undefined, 1, 10),
    );
    const del = await xero.accountingApi.deletePayment(tenant, pay.body.payments![0].paymentID!, {
      status: 'DELETED',
    });
    valid('/Payments/{PaymentID}', 'post', del);
    const reopened = await xero.accountingApi.getInvoice(tenant, inv.invoiceID!);
    expect(reopened.body.invoices![0].status).toBe(Invoice.StatusEnum.AUTHORISED);
    expect(reopened.body.invoices![0].amountDue).toBe(88);
  });

  it('computes a trial balance and a balance sheet in Xero report shape', async () => {
    const tb = await xero.accountingApi.getReportTrialBalance(tenant, '2026-12-31');
    valid('/Reports/TrialBalance', 'get', tb);
    const rows = tb.body.reports![0].rows!;
    const total = rows.at(-1)!.rows![0].cells!;
    expect(total[1].value).toBe(total[2].value);
    const bs = await xero.accountingApi.getReportBalanceSheet(tenant, '2026-12-31');
    valid('/Reports/BalanceSheet', 'get', bs);
  });

  it('answers 401, 403 and 404 in Xero shapes through xero-node', async () => {
    const other = await xeroClientFor(emu, { ...(await mintTokens(emu)), access_token: 'nope' });
    const e401 = await xeroError(other.accountingApi.getContacts(tenant));
    expect(e401.response.statusCode).toBe(401);
    expect(e401.response.body).toMatchObject({ Title: 'Unauthorized', Status: 401 });
    const e403 = await xeroError(xero.accountingApi.getContacts('00000000-0000-0000-0000-000000000000'));
    expect(e403.response.statusCode).toBe(403);
    expect(e403.response.body).toMatchObject({ Detail: 'AuthenticationUnsuccessful' });
    const e404 = await xeroError(
      xero.accountingApi.getInvoice(tenant, '00000000-0000-0000-0000-000000000000'),
    );
    expect(e404.response.statusCode).toBe(404);
  });
});
