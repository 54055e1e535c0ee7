import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { type Api, mintTokens, rawApi } from './support/emulator-client.js';
import { loadSpec, validateResponse } from './support/spec-validator.js';

let emu: RunningXeroEmulator;
let api: Api;
const ids: Record<string, string> = {};

/** Xero's examples point at records of Xero's own demo company: map their ids onto seeded ones. */
function substitute(example: unknown, path: string): unknown {
  let text = JSON.stringify(example);
  text = text.replace(/"ContactID":"[0-9a-f-]{36}"/g, `"ContactID":"${ids.contact}"`);
  if (path.startsWith('/Payments'))
    text = text.replace(/"InvoiceID":"[0-9a-f-]{36}"/g, `"InvoiceID":"${ids.authorisedInvoice}"`);
  if (path.includes('Allocations'))
    text = text.replace(/"InvoiceID":"[0-9a-f-]{36}"/g, `"InvoiceID":"${ids.allocationInvoice}"`);
  if (path === '/Invoices/{InvoiceID}')
    text = text.replace(/"InvoiceID":"[0-9a-f-]{36}"/g, `"InvoiceID":"${ids.draftBill}"`);
  if (path === '/Accounts/{AccountID}') {
    // The PUT example already created code 123456 in this run.
    text = text
      .replace(/"AccountID":"[0-9a-f-]{36}"/g, `"AccountID":"${ids.account}"`)
      .replace('"123456"', '"123457"');
  }
  return JSON.parse(text);
}

beforeAll(async () => {
  emu = await startXeroEmulator({ today: REFERENCE_TODAY, limits: { perMinute: 10_000 } });
  const tenant = emu.organisations[0].tenantId;
  api = rawApi(emu, (await mintTokens(emu)).access_token, tenant);
  const contacts = (await api.get('/api.xro/2.0/Contacts?where=Name=="Hamilton Smith Ltd"')).body.Contacts;
  ids.contact = contacts[0].ContactID;
  const invoices = (await api.get('/api.xro/2.0/Invoices?Statuses=AUTHORISED&pageSize=1000')).body.Invoices;
  ids.authorisedInvoice = invoices.find((i: { Type: string }) => i.Type === 'ACCREC').InvoiceID;
  ids.draftBill = (
    await api.get('/api.xro/2.0/Invoices?where=Type=="ACCPAY" AND Status=="DRAFT"')
  ).body.Invoices[0].InvoiceID;
  const bill = await api.send('PUT', '/api.xro/2.0/Invoices', {
    Invoices: [
      {
        Type: 'ACCPAY',
        Contact: { ContactID: ids.contact },
        Status: 'AUTHORISED',
        LineItems: [{ Description: 'x', Quantity: 1, UnitAmount: 50, AccountCode: '400' }],
      },
    ],
  });
  ids.allocationInvoice = bill.body.Invoices[0].InvoiceID;
  const cn = await api.send('PUT', '/api.xro/2.0/CreditNotes', {
    CreditNotes: [
      {
        Type: 'ACCPAYCREDIT',
        Contact: { ContactID: ids.contact },
        Status: 'AUTHORISED',
        LineItems: [{ Description: 'y', Quantity: 1, UnitAmount: 10, AccountCode: '400' }],
      },
    ],
  });
  ids.creditNote = cn.body.CreditNotes[0].CreditNoteID;
  ids.account = (
    await api.send('PUT', '/api.xro/2.0/Accounts', { Code: 'EX1', Name: 'Example target', Type: 'EXPENSE' })
  ).body.Accounts[0].AccountID;
});
afterAll(() => emu.stop());

const CASES: Array<[string, string, (p: string) => string]> = [
  ['put', '/Accounts', (p) => p],
  ['post', '/Accounts/{AccountID}', (p) => p.replace('{AccountID}', ids.account)],
  ['put', '/Contacts', (p) => p],
  ['post', '/Contacts', (p) => p],
  ['put', '/Invoices', (p) => p],
  ['post', '/Invoices/{InvoiceID}', (p) => p.replace('{InvoiceID}', ids.draftBill)],
  ['put', '/CreditNotes', (p) => p],
  ['put', '/CreditNotes/{CreditNoteID}/Allocations', (p) => p.replace('{CreditNoteID}', ids.creditNote)],
  ['put', '/Items', (p) => p],
  ['post', '/Items', (p) => p],
  ['put', '/Payments', (p) => p],
  ['put', '/PurchaseOrders', (p) => p],
];

describe("Xero's own OpenAPI request examples", () => {
  for (const [method, path, concrete] of CASES) {
    it(`accepts the ${method.toUpperCase()} ${path} example and answers in the spec's shape`, async () => {
      const op = loadSpec('xero_accounting.yaml').paths[path][method] as {
        requestBody: { content: Record<string, { example: unknown }> };
      };
      const example = substitute(op.requestBody.content['application/json'].example, path);
      // The Contacts PUT example carries a ContactID: as a create, it must not name an existing contact.
      if (path === '/Contacts' && method === 'put')
        (example as { Contacts: Array<Record<string, unknown>> }).Contacts.forEach((c) => {
          delete c.ContactID;
        });
      const res = await api.send(method.toUpperCase(), `/api.xro/2.0${concrete(path)}`, example);
      expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(200);
      expect(validateResponse('xero_accounting.yaml', path, method, res.status, res.body)).toEqual([]);
    });
  }
});
