import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { type Api, mintTokens, rawApi } from './support/emulator-client.js';
import { A, createAuthorisedInvoice, expectRejectedBy, line } from './support/rule-helpers.js';

let emu: RunningXeroEmulator;
let api: Api;
let contactId: string;

const expectRejected = (method: string, path: string, body: unknown, message: string, client = api) =>
  expectRejectedBy(client, method, path, body, message);
const authorisedInvoice = (total = 100, extra: Record<string, unknown> = {}) =>
  createAuthorisedInvoice(api, contactId, total, extra);

beforeAll(async () => {
  emu = await startXeroEmulator({ today: REFERENCE_TODAY, limits: { perMinute: 10_000 } });
  const tokens = await mintTokens(emu);
  api = rawApi(emu, tokens.access_token, emu.organisations[0].tenantId);
  contactId = (await api.get(`${A}/Contacts?where=Name=="Bayside Club"`)).body.Contacts[0].ContactID;
});
afterAll(() => emu.stop());

describe('Contacts rules', () => {
  it('requires a contact name', () =>
    expectRejected(
      'PUT',
      `${A}/Contacts`,
      { Contacts: [{ EmailAddress: 'x@y.z' }] },
      'The contact name must be specified.',
    ));
  it('refuses a name already used by an active contact', () =>
    expectRejected(
      'PUT',
      `${A}/Contacts`,
      { Contacts: [{ Name: 'Bayside Club' }] },
      'The contact name Bayside Club is already assigned to another contact',
    ));
  it('refuses a name longer than 255 characters', () =>
    expectRejected(
      'PUT',
      `${A}/Contacts`,
      { Contacts: [{ Name: 'x'.repeat(256) }] },
      'not be more than 255',
    ));
  it('keeps at most 5 contact persons', () =>
    expectRejected(
      'PUT',
      `${A}/Contacts`,
      {
        Contacts: [
          { Name: 'Crowded', ContactPersons: Array.from({ length: 6 }, (_, i) => ({ FirstName: `P${i}` })) },
        ],
      },
      'maximum of 5 contact persons',
    ));
  it('derives IsCustomer / IsSupplier from invoices and ignores them on input', async () => {
    const res = await api.send('PUT', `${A}/Contacts`, {
      Contacts: [{ Name: 'Flags Ignored', IsCustomer: true, IsSupplier: true }],
    });
    expect(res.body.Contacts[0]).toMatchObject({ IsCustomer: false, IsSupplier: false });
  });
  it('hides archived contacts unless includeArchived=true', async () => {
    expect((await api.get(`${A}/Contacts?where=Name=="Old Supplier Co"`)).body.Contacts).toHaveLength(0);
    expect(
      (await api.get(`${A}/Contacts?where=Name=="Old Supplier Co"&includeArchived=true`)).body.Contacts,
    ).toHaveLength(1);
  });
});

describe('Items rules', () => {
  it('requires an item code', () =>
    expectRejected('PUT', `${A}/Items`, { Items: [{ Name: 'No code' }] }, 'Item code must be specified.'));
  it('refuses a duplicate code on create', () =>
    expectRejected(
      'PUT',
      `${A}/Items`,
      { Items: [{ Code: 'DEV-HR', ItemID: undefined, Name: 'Dup' }].map(({ ItemID: _i, ...i }) => i) },
      "Item code 'DEV-HR' already exists.",
    ));
  it('treats QuantityOnHand as read-only', () =>
    expectRejected(
      'PUT',
      `${A}/Items`,
      { Items: [{ Code: 'QOH-1', QuantityOnHand: 5 }] },
      'QuantityOnHand is a read-only field',
    ));
  it('tracks an item when an inventory asset and COGS account are set, and moves stock on sale', async () => {
    const res = await api.send('PUT', `${A}/Items`, {
      Items: [
        { Code: 'TRK-1', InventoryAssetAccountCode: '630', PurchaseDetails: { COGSAccountCode: '310' } },
      ],
    });
    expect(res.body.Items[0]).toMatchObject({ IsTrackedAsInventory: true, QuantityOnHand: 0 });
    const widget = (await api.get(`${A}/Items/WIDGET`)).body.Items[0];
    await authorisedInvoice(10, { LineItems: [line({ ItemCode: 'WIDGET', Quantity: 2 })] });
    expect((await api.get(`${A}/Items/WIDGET`)).body.Items[0].QuantityOnHand).toBe(widget.QuantityOnHand - 2);
  });
  it('deletes an item', async () => {
    const created = (await api.send('PUT', `${A}/Items`, { Items: [{ Code: 'DEL-1' }] })).body.Items[0];
    expect((await api.send('DELETE', `${A}/Items/${created.ItemID}`, undefined)).status).toBe(204);
    expect((await api.get(`${A}/Items/${created.ItemID}`)).status).toBe(404);
  });
});

describe('Invoices rules', () => {
  it('requires a contact', () =>
    expectRejected(
      'PUT',
      `${A}/Invoices`,
      { Invoices: [{ Type: 'ACCREC', LineItems: [line()] }] },
      'A Contact must be specified',
    ));
  it('requires line items', () =>
    expectRejected(
      'PUT',
      `${A}/Invoices`,
      { Invoices: [{ Type: 'ACCREC', Contact: { ContactID: contactId } }] },
      'at least one line item',
    ));
  it('keeps ACCREC invoice numbers unique', async () => {
    const inv = await authorisedInvoice();
    await expectRejected(
      'PUT',
      `${A}/Invoices`,
      {
        Invoices: [
          {
            Type: 'ACCREC',
            InvoiceNumber: inv.InvoiceNumber,
            Contact: { ContactID: contactId },
            LineItems: [line()],
          },
        ],
      },
      'Invoice # must be unique.',
    );
  });
  it('computes totals itself for Inclusive and NoTax line amounts', async () => {
    const inc = await authorisedInvoice(110, {
      LineAmountTypes: 'Inclusive',
      LineItems: [line({ UnitAmount: 110 })],
      Total: 1,
    });
    expect(inc).toMatchObject({ SubTotal: 100, TotalTax: 10, Total: 110 });
    const none = await authorisedInvoice(50, { LineAmountTypes: 'NoTax' });
    expect(none).toMatchObject({ TotalTax: 0, Total: 50 });
  });
  it('refuses to edit a PAID invoice and changes nothing', async () => {
    const inv = await authorisedInvoice(40);
    await api.send('PUT', `${A}/Payments`, {
      Payments: [{ Invoice: { InvoiceID: inv.InvoiceID }, Account: { Code: '090' }, Amount: 40 }],
    });
    await expectRejected(
      'POST',
      `${A}/Invoices/${inv.InvoiceID}`,
      { Invoices: [{ Reference: 'changed' }] },
      'Invoice not of valid status for modification',
    );
    expect((await api.get(`${A}/Invoices/${inv.InvoiceID}`)).body.Invoices[0].Reference).toBeUndefined();
  });
  it('deletes a DRAFT invoice and voids an AUTHORISED one, but never deletes an AUTHORISED one', async () => {
    const draft = (
      await api.send('PUT', `${A}/Invoices`, {
        Invoices: [{ Type: 'ACCREC', Contact: { ContactID: contactId }, LineItems: [line()] }],
      })
    ).body.Invoices[0];
    expect(
      (await api.send('POST', `${A}/Invoices/${draft.InvoiceID}`, { Invoices: [{ Status: 'DELETED' }] })).body
        .Invoices[0].Status,
    ).toBe('DELETED');
    const auth = await authorisedInvoice();
    await expectRejected(
      'POST',
      `${A}/Invoices/${auth.InvoiceID}`,
      { Invoices: [{ Status: 'DELETED' }] },
      'can be deleted',
    );
    expect(
      (await api.send('POST', `${A}/Invoices/${auth.InvoiceID}`, { Invoices: [{ Status: 'VOIDED' }] })).body
        .Invoices[0].Status,
    ).toBe('VOIDED');
  });
  it('answers a malformed body with PostDataInvalidException', async () => {
    const res = await api.send('PUT', `${A}/Invoices`, '{"Invoices": [');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ErrorNumber: 14, Type: 'PostDataInvalidException' });
  });
  it('answers an unknown id with the plain-text 404', async () => {
    const res = await api.get(`${A}/Invoices/00000000-0000-0000-0000-000000000001`);
    expect(res.status).toBe(404);
    expect(res.body).toBe("The resource you're looking for cannot be found");
  });
});
