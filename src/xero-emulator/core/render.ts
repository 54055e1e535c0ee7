import type { Rec } from './errors.js';
import { dateToMs, msDateTime } from './xero-date.js';

const TIMESTAMP_FIELDS = new Set(['UpdatedDateUTC', 'CreatedDateUTC']);
const DATE_FIELDS = new Set([
  'Date',
  'DueDate',
  'FullyPaidOnDate',
  'DeliveryDate',
  'ExpectedArrivalDate',
  'ExpectedPaymentDate',
  'PlannedPaymentDate',
  'DateOfBirth',
  'StartDate',
  'EndDate',
  'TerminationDate',
  'PaymentDate',
  'PayRunPeriodStartDate',
  'PayRunPeriodEndDate',
  'PayPeriodStartDate',
  'PayPeriodEndDate',
  'ReferenceDate',
  'PeriodStartDate',
  'PeriodEndDate',
  'HireDate',
  'EffectiveDate',
  'FirstPaymentDate',
]);

/**
 * Turns an internal record into Xero's JSON: calendar dates become `/Date(ms+0000)/` (with a
 * `DateString` twin in Accounting), timestamps become `/Date(ms+0000)/`, internal `_fields` vanish.
 */
export function render(value: unknown, twins = true): unknown {
  if (Array.isArray(value)) return value.map((v) => render(v, twins));
  if (value === null || typeof value !== 'object') return value;
  const out: Rec = {};
  for (const [k, v] of Object.entries(value as Rec)) {
    if (k.startsWith('_') || v === undefined) continue;
    if (TIMESTAMP_FIELDS.has(k) && typeof v === 'number') {
      out[k] = msDateTime(v);
    } else if (DATE_FIELDS.has(k) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
      out[k] = msDateTime(dateToMs(v));
      if (twins) out[`${k}String`] = `${v}T00:00:00`;
    } else {
      out[k] = render(v, twins);
    }
  }
  return out;
}

/** Money is rounded to cents like Xero (4 dp for unit amounts is opt-in and not modelled). */
export function round2(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}
