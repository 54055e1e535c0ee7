import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
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
  emu = await startXeroEmulator({ today: REFERENCE_TODAY, limits: { perMinute: 10_000 } });
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

describe('Payroll AU leave and posted pay runs', () => {
  const P = '/payroll.xro/1.0';
  const day = (msDate: string) => new Date(Number(/\d+/.exec(msDate)![0])).toISOString().slice(0, 10);
  const periodsOf = (leave: { LeavePeriods: Array<Record<string, string | number>> }) =>
    leave.LeavePeriods.map((p) => [
      day(String(p.PayPeriodStartDate)),
      day(String(p.PayPeriodEndDate)),
      p.NumberOfUnits,
      p.LeavePeriodStatus,
    ]);

  it('works the leave periods out again when an update moves the dates, keeping their status', async () => {
    const all = (await payroll.get(`${P}/LeaveApplications`)).body.LeaveApplications;
    const leave = all.find((l: { Title: string }) => l.Title === 'Summer holiday');
    expect(periodsOf(leave)).toEqual([['2026-01-19', '2026-01-23', 38, 'SCHEDULED']]);
    const res = await payroll.send('POST', `${P}/LeaveApplications/${leave.LeaveApplicationID}`, [
      { ...leave, LeavePeriods: undefined, StartDate: '2026-01-20', EndDate: '2026-01-21' },
    ]);
    expect(res.status).toBe(200);
    expect(periodsOf(res.body.LeaveApplications[0])).toEqual([
      ['2026-01-20', '2026-01-21', 15.2, 'SCHEDULED'],
    ]);
  });

  it('processes the approved leave a posted pay run pays, which then cannot change', async () => {
    const runs = (await payroll.get(`${P}/PayRuns`)).body.PayRuns;
    const run = runs.find((r: { PayRunStatus: string }) => r.PayRunStatus === 'DRAFT');
    const leaveType = (await payroll.get(`${P}/PayItems`)).body.PayItems.LeaveTypes[0].LeaveTypeID;
    const start = day(run.PayRunPeriodStartDate);
    const request = async (Title: string) =>
      (
        await payroll.send('POST', `${P}/LeaveApplications`, [
          {
            EmployeeID: run.Payslips[0].EmployeeID,
            LeaveTypeID: leaveType,
            Title,
            StartDate: start,
            EndDate: start,
          },
        ])
      ).body.LeaveApplications[0].LeaveApplicationID as string;
    const approved = await request('Approved');
    const requested = await request('Not approved');
    await payroll.send('POST', `${P}/LeaveApplications/${approved}/approve`, {});
    const posted = await payroll.send('POST', `${P}/PayRuns/${run.PayRunID}`, [{ PayRunStatus: 'POSTED' }]);
    expect(posted.status).toBe(200);
    const statusOf = async (id: string) =>
      (await payroll.get(`${P}/LeaveApplications/${id}`)).body.LeaveApplications[0].LeavePeriods.map(
        (p: { LeavePeriodStatus: string }) => p.LeavePeriodStatus,
      );
    expect(await statusOf(approved)).toEqual(['PROCESSED']);
    expect(await statusOf(requested)).toEqual(['REQUESTED']);
    const message = 'Leave that has been processed cannot be changed.';
    await expectRejected('POST', `${P}/LeaveApplications/${approved}`, [{ Title: 'x' }], message, payroll);
    await expectRejected('POST', `${P}/LeaveApplications/${approved}/reject`, {}, message, payroll);
    await expectRejected(
      'POST',
      `${P}/PayRuns/${run.PayRunID}`,
      [{ PayRunStatus: 'DRAFT' }],
      'A posted pay run cannot be changed.',
      payroll,
    );
  });
});
