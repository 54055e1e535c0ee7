import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { type Api, type Json, mintTokens, rawApi } from './support/emulator-client.js';

let emu: RunningXeroEmulator;
let api: Api;
const A = '/api.xro/2.0';

type Op =
  | {
      kind: 'invoice';
      type: 'ACCREC' | 'ACCPAY';
      status: 'DRAFT' | 'AUTHORISED';
      lat: 'Exclusive' | 'Inclusive' | 'NoTax';
      qty: number;
      unit: number;
      discount: number;
    }
  | { kind: 'creditNote'; type: 'ACCRECCREDIT' | 'ACCPAYCREDIT'; unit: number }
  | { kind: 'pay'; pick: number; share: number }
  | { kind: 'deletePayment'; pick: number }
  | { kind: 'void'; pick: number }
  | { kind: 'allocate'; pick: number; share: number };

const money = fc.integer({ min: 1, max: 500_00 }).map((c) => c / 100);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('invoice' as const),
    type: fc.constantFrom('ACCREC' as const, 'ACCPAY' as const),
    status: fc.constantFrom('DRAFT' as const, 'AUTHORISED' as const),
    lat: fc.constantFrom('Exclusive' as const, 'Inclusive' as const, 'NoTax' as const),
    qty: fc.integer({ min: 1, max: 7 }),
    unit: money,
    discount: fc.constantFrom(0, 5, 12.5),
  }),
  fc.record({
    kind: fc.constant('creditNote' as const),
    type: fc.constantFrom('ACCRECCREDIT' as const, 'ACCPAYCREDIT' as const),
    unit: money,
  }),
  fc.record({
    kind: fc.constant('pay' as const),
    pick: fc.nat(),
    share: fc.double({ min: 0.05, max: 1, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('deletePayment' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('void' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('allocate' as const),
    pick: fc.nat(),
    share: fc.double({ min: 0.05, max: 1, noNaN: true }),
  }),
);

async function apply(o: Op, contactId: string): Promise<void> {
  const invoices = (await api.get(`${A}/Invoices?where=Status=="AUTHORISED"&pageSize=1000`)).body
    .Invoices as Array<Record<string, Json>>;
  const pick = <T>(list: T[], n: number) => (list.length ? list[n % list.length] : undefined);
  const line = (unit: number, qty = 1, discount = 0, type = 'ACCREC') => ({
    Description: 'Prop',
    Quantity: qty,
    UnitAmount: unit,
    DiscountRate: discount,
    AccountCode: type.startsWith('ACCREC') ? '200' : '429',
  });
  switch (o.kind) {
    case 'invoice':
      await api.send('PUT', `${A}/Invoices`, {
        Invoices: [
          {
            Type: o.type,
            Status: o.status,
            LineAmountTypes: o.lat,
            Contact: { ContactID: contactId },
            Date: '2026-03-01',
            LineItems: [line(o.unit, o.qty, o.discount, o.type), line(o.unit / 3, 1, 0, o.type)],
          },
        ],
      });
      return;
    case 'creditNote':
      await api.send('PUT', `${A}/CreditNotes`, {
        CreditNotes: [
          {
            Type: o.type,
            Status: 'AUTHORISED',
            Contact: { ContactID: contactId },
            Date: '2026-03-01',
            LineItems: [line(o.unit, 1, 0, o.type)],
          },
        ],
      });
      return;
    case 'pay': {
      const inv = pick(invoices, o.pick);
      if (!inv) return;
      const amount = Math.max(0.01, Math.round(inv.AmountDue * o.share * 100) / 100);
      await api.send('PUT', `${A}/Payments`, {
        Payments: [
          {
            Invoice: { InvoiceID: inv.InvoiceID },
            Account: { Code: '090' },
            Amount: amount,
            Date: '2026-03-02',
          },
        ],
      });
      return;
    }
    case 'deletePayment': {
      const payments = (await api.get(`${A}/Payments?where=Status=="AUTHORISED"&pageSize=1000`)).body
        .Payments as Array<Record<string, Json>>;
      const p = pick(payments, o.pick);
      if (p) await api.send('POST', `${A}/Payments/${p.PaymentID}`, { Payments: [{ Status: 'DELETED' }] });
      return;
    }
    case 'void': {
      const inv = pick(invoices, o.pick);
      if (inv) await api.send('POST', `${A}/Invoices/${inv.InvoiceID}`, { Invoices: [{ Status: 'VOIDED' }] });
      return;
    }
    case 'allocate': {
      const notes = (await api.get(`${A}/CreditNotes?where=Status=="AUTHORISED"`)).body.CreditNotes as Array<
        Record<string, Json>
      >;
      const cn = pick(notes, o.pick);
      const target = invoices.find(
        (i) =>
          i.Type === (cn?.Type === 'ACCRECCREDIT' ? 'ACCREC' : 'ACCPAY') &&
          i.Contact.ContactID === cn?.Contact.ContactID,
      );
      if (!cn || !target) return;
      const amount = Math.max(
        0.01,
        Math.round(Math.min(cn.RemainingCredit, target.AmountDue) * o.share * 100) / 100,
      );
      await api.send('PUT', `${A}/CreditNotes/${cn.CreditNoteID}/Allocations`, {
        Allocations: [{ Invoice: { InvoiceID: target.InvoiceID }, Amount: amount, Date: '2026-03-03' }],
      });
    }
  }
}

beforeAll(async () => {
  emu = await startXeroEmulator({
    today: REFERENCE_TODAY,
    limits: { perMinute: 1_000_000, perDay: 1_000_000, appPerMinute: 1_000_000 },
  });
  api = rawApi(emu, (await mintTokens(emu)).access_token, emu.organisations[0].tenantId);
});
afterAll(() => emu.stop());

describe('Double-entry ledger', () => {
  it('keeps the trial balance balanced and the balance sheet equal after any sequence of operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        await fetch(`${emu.url}/__emulator/reset`, { method: 'POST', body: '{}' });
        const contactId = (await api.get(`${A}/Contacts?where=Name=="Bayside Club"`)).body.Contacts[0]
          .ContactID;
        for (const o of ops) await apply(o, contactId);
        const tb = (await api.get(`${A}/Reports/TrialBalance?date=2026-12-31`)).body.Reports[0];
        const totals = tb.Rows.at(-1).Rows[0].Cells.map((c: { Value: string }) => c.Value);
        expect(totals[1]).toBe(totals[2]);
        const bs = (await api.get(`${A}/Reports/BalanceSheet?date=2026-12-31`)).body.Reports[0];
        const net = bs.Rows.find(
          (r: { Title: string; Rows?: Array<{ Cells: Array<{ Value: string }> }> }) =>
            r.Rows?.[0]?.Cells[0].Value === 'Net Assets',
        ).Rows[0].Cells[1].Value;
        const equity = bs.Rows.find((r: { Title: string }) => r.Title === 'Equity').Rows.at(-1).Cells[1]
          .Value;
        expect(net).toBe(equity);
      }),
      { numRuns: 15 },
    );
  });
});
