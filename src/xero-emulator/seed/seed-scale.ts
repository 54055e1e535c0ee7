import { accountByCode } from '../accounting/indexes.js';
import { taxRatePercent } from '../accounting/tax-rates.routes.js';
import { defaultTaxType } from '../accounting/transaction-common.js';
import type { Rec } from '../core/errors.js';
import type { Prng } from '../core/ids.js';
import { addDays } from '../core/xero-date.js';
import type { OrgState } from '../state/org-state.js';
import type { SeedCalendar } from './seed-calendar.js';

const STATUSES = ['AUTHORISED', 'DRAFT', 'AUTHORISED', 'SUBMITTED', 'AUTHORISED', 'VOIDED'];
const r2 = (n: number) => Math.round(n * 100) / 100;
// Shared, never mutated: writers always replace these arrays rather than push into them.
const EMPTY: readonly unknown[] = Object.freeze([]);

/**
 * Benchmark volume: N invoices built directly (the writers' uniqueness scans would make this quadratic),
 * with shared strings and contact references to keep 100k invoices per organisation memory-sane. Their
 * dates cycle through the 540 days that end on the seed's reference day (2024-08-22 to 2026-02-12),
 * moved by `cal` like every other seeded date.
 */
export function seedScale(
  org: OrgState,
  count: number,
  prng: Prng,
  startMs: number,
  cal: SeedCalendar,
): number {
  const contacts = org.contacts
    .all()
    .filter((c) => c.ContactStatus === 'ACTIVE')
    .map((c) => ({ ContactID: c.ContactID }));
  if (contacts.length === 0 || count <= 0) return startMs;
  const taxType = defaultTaxType(org, 'sale');
  const rate = taxRatePercent(org, taxType) ?? 0;
  const sales = accountByCode(org, '200');
  const accountId = sales?.AccountID;
  const currency = org.baseCurrency;
  let now = startMs;
  const first = cal.d('2024-08-22');
  const dates = Array.from({ length: 540 }, (_, d) => addDays(first, d));
  const dueDates = dates.map((d) => addDays(d, 30));
  for (let i = 0; i < count; i++) {
    const q1 = 1 + (i % 7);
    const u1 = 100 + (i % 13) * 5;
    const u2 = 25 + (i % 5) * 10;
    const a1 = r2(q1 * u1);
    const a2 = u2;
    const t1 = r2((a1 * rate) / 100);
    const t2 = r2((a2 * rate) / 100);
    const sub = r2(a1 + a2);
    const tax = r2(t1 + t2);
    const total = r2(sub + tax);
    const date = dates[i % 540];
    const status = STATUSES[i % STATUSES.length];
    now += 1000;
    const inv: Rec = {
      Type: 'ACCREC',
      Contact: contacts[i % contacts.length],
      LineItems: [
        {
          LineItemID: prng.uuid(),
          Description: 'Development hour',
          Quantity: q1,
          UnitAmount: u1,
          ItemCode: 'DEV-HR',
          AccountCode: '200',
          AccountID: accountId,
          TaxType: taxType,
          TaxAmount: t1,
          LineAmount: a1,
          Tracking: EMPTY,
        },
        {
          LineItemID: prng.uuid(),
          Description: 'Hosting',
          Quantity: 1,
          UnitAmount: u2,
          AccountCode: '200',
          AccountID: accountId,
          TaxType: taxType,
          TaxAmount: t2,
          LineAmount: a2,
          Tracking: EMPTY,
        },
      ],
      Status: status,
      LineAmountTypes: 'Exclusive',
      Date: date,
      DueDate: dueDates[i % 540],
      InvoiceID: prng.uuid(),
      InvoiceNumber: `GEN-${String(i + 1).padStart(6, '0')}`,
      Reference: `Generated ${i + 1}`,
      CurrencyCode: currency,
      CurrencyRate: 1,
      SubTotal: sub,
      TotalTax: tax,
      Total: total,
      TotalDiscount: 0,
      IsDiscounted: false,
      AmountPaid: 0,
      AmountCredited: 0,
      AmountDue: status === 'VOIDED' ? 0 : total,
      Payments: EMPTY,
      CreditNotes: EMPTY,
      HasAttachments: false,
      HasErrors: false,
      UpdatedDateUTC: now,
    };
    org.invoices.put(inv);
  }
  return now;
}
