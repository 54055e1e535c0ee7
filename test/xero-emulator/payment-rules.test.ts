import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { type Api, mintTokens, rawApi } from './support/emulator-client.js';
import { A, createAuthorisedInvoice, expectRejectedBy, line } from './support/rule-helpers.js';

let emu: RunningXeroEmulator;
let api: Api;
let payroll: Api;
let contactId: string;

const expectRejected = (method: string, path: string, body: unknown, message: string, client = api) =>
  expectRejectedBy(client, method, path, body, message);
const authorisedInvoice = (total = 100, extra: Record<string, unknown> = {}) =>
  createAuthorisedInvoice(api, contactId, total, extra);

beforeAll(async () => {
  emu = await startXeroEmulator({ limits: { perMinute: 10_000 } });
  const tokens = await mintTokens(emu);
  api = rawApi(emu, tokens.access_token, emu.organisations[0].tenantId);
  payroll = api;
  contactId = (await api.get(`${A}/Contacts?where=Name=="Bayside Club"`)).body.Contacts[0].ContactID;
});
afterAll(() => emu.stop());

describe('Payments rules', () => {
  it('only pays AUTHORISED documents', async () => {
    const draft = (
      await api.send('PUT', `${A}/Invoices`, {
        Invoices: [{ Type: 'ACCREC', Contact: { ContactID: contactId }, LineItems: [line()] }],
      })
    ).body.Invoices[0];
    await expectRejected(
      'PUT',
      `${A}/Payments`,
      { Payments: [{ Invoice: { InvoiceID: draft.InvoiceID }, Account: { Code: '090' }, Amount: 1 }] },
      'only be made against AUTHORISED',
    );
  });
  it('needs a bank account or one with EnablePaymentsToAccount', async () => {
    const inv = await authorisedInvoice();
    await expectRejected(
      'PUT',
      `${A}/Payments`,
      { Payments: [{ Invoice: { InvoiceID: inv.InvoiceID }, Account: { Code: '200' }, Amount: 1 }] },
      'Account type is invalid',
    );
    await expectRejected(
      'PUT',
      `${A}/Payments`,
      { Payments: [{ Invoice: { InvoiceID: inv.InvoiceID }, Amount: 1 }] },
      'An Account (bank account) must be specified',
    );
    const ok = await api.send('PUT', `${A}/Payments`, {
      Payments: [{ Invoice: { InvoiceID: inv.InvoiceID }, Account: { Code: '880' }, Amount: 1 }],
    });
    expect(ok.status).toBe(200);
  });
  it('refuses more than the amount due, and a full payment makes the invoice PAID', async () => {
    const inv = await authorisedInvoice(60);
    await expectRejected(
      'PUT',
      `${A}/Payments`,
      { Payments: [{ Invoice: { InvoiceID: inv.InvoiceID }, Account: { Code: '090' }, Amount: 60.01 }] },
      'exceeds the amount outstanding',
    );
    await api.send('PUT', `${A}/Payments`, {
      Payments: [{ Invoice: { InvoiceID: inv.InvoiceID }, Account: { Code: '090' }, Amount: 60 }],
    });
    expect((await api.get(`${A}/Invoices/${inv.InvoiceID}`)).body.Invoices[0]).toMatchObject({
      Status: 'PAID',
      AmountDue: 0,
      AmountPaid: 60,
    });
  });
  it('never edits a payment: only Status DELETED is accepted', async () => {
    const inv = await authorisedInvoice(30);
    const pay = (
      await api.send('PUT', `${A}/Payments`, {
        Payments: [{ Invoice: { InvoiceID: inv.InvoiceID }, Account: { Code: '090' }, Amount: 10 }],
      })
    ).body.Payments[0];
    await expectRejected(
      'POST',
      `${A}/Payments/${pay.PaymentID}`,
      { Payments: [{ Amount: 5 }] },
      'Payments cannot be edited',
    );
  });
});

describe('Credit notes, purchase orders and accounts rules', () => {
  it('refuses an allocation above the remaining credit', async () => {
    const inv = await authorisedInvoice(500);
    const cn = (
      await api.send('PUT', `${A}/CreditNotes`, {
        CreditNotes: [
          {
            Type: 'ACCRECCREDIT',
            Contact: { ContactID: contactId },
            Status: 'AUTHORISED',
            LineItems: [line({ UnitAmount: 10, TaxType: 'NONE' })],
          },
        ],
      })
    ).body.CreditNotes[0];
    await expectRejected(
      'PUT',
      `${A}/CreditNotes/${cn.CreditNoteID}/Allocations`,
      { Allocations: [{ Invoice: { InvoiceID: inv.InvoiceID }, Amount: 11 }] },
      'cannot exceed the remaining credit',
    );
  });
  it('requires an existing contact on a purchase order', () =>
    expectRejected(
      'PUT',
      `${A}/PurchaseOrders`,
      {
        PurchaseOrders: [
          { Contact: { ContactID: '00000000-0000-0000-0000-000000000009' }, LineItems: [line()] },
        ],
      },
      'could not be found',
    ));
  it('limits account codes to 10 characters and derives Class from Type', async () => {
    await expectRejected(
      'PUT',
      `${A}/Accounts`,
      { Code: '12345678901', Name: 'Too long', Type: 'EXPENSE' },
      'no longer than 10 characters',
    );
    await expectRejected(
      'PUT',
      `${A}/Accounts`,
      { Code: 'NM1', Name: 'n'.repeat(151), Type: 'EXPENSE' },
      'no longer than 150 characters',
    );
    await expectRejected(
      'PUT',
      `${A}/Accounts`,
      { Code: 'BK1', Name: 'No number', Type: 'BANK' },
      'Bank Account Number is required',
    );
    const ok = await api.send('PUT', `${A}/Accounts`, {
      Code: 'SAL2',
      Name: 'More sales',
      Type: 'SALES',
      Class: 'EXPENSE',
    });
    expect(ok.body.Accounts[0].Class).toBe('REVENUE');
  });
  it('limits the Idempotency-Key to 128 characters', async () => {
    const res = await api.send(
      'PUT',
      `${A}/Contacts`,
      { Contacts: [{ Name: 'Long key' }] },
      { 'Idempotency-Key': 'k'.repeat(129) },
    );
    expect(res.status).toBe(400);
  });
});

describe('Payroll AU rules', () => {
  it('needs one NumberOfUnits per day of the timesheet period', async () => {
    const emp = (await payroll.get('/payroll.xro/1.0/Employees')).body.Employees[0];
    const rate = (await payroll.get('/payroll.xro/1.0/PayItems')).body.PayItems.EarningsRates[0];
    await expectRejected(
      'POST',
      '/payroll.xro/1.0/Timesheets',
      [
        {
          EmployeeID: emp.EmployeeID,
          StartDate: '2026-03-02',
          EndDate: '2026-03-04',
          TimesheetLines: [{ EarningsRateID: rate.EarningsRateID, NumberOfUnits: [8] }],
        },
      ],
      'needs 3 NumberOfUnits',
      payroll,
    );
  });
  it('needs a PayrollCalendarID for a pay run', () =>
    expectRejected('POST', '/payroll.xro/1.0/PayRuns', [{}], 'PayrollCalendarID is required.', payroll));
  it('keeps one draft pay run per calendar', async () => {
    const runs = (await payroll.get('/payroll.xro/1.0/PayRuns')).body.PayRuns;
    const draft = runs.find((run: { PayRunStatus: string }) => run.PayRunStatus === 'DRAFT');
    await expectRejected(
      'POST',
      '/payroll.xro/1.0/PayRuns',
      [{ PayrollCalendarID: draft.PayrollCalendarID }],
      'There can only be one draft pay run per calendar.',
      payroll,
    );
  });
});
