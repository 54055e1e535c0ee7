import type { EntityManager } from 'typeorm';
import type { TransactionStatus } from '../schema/enums.js';
import { sumDecimals } from '../sync/mappers/decimal.util.js';
import type { AgedBucket, InvoiceSideSummary, InvoiceSummaryWidget } from './invoice-widgets.types.js';
import type { DateRange } from './widget-period.js';
import { baseCurrencyOf, baseFirst } from './widget-sql.js';

/** 30-day buckets of days overdue; bucket 0 holds what is not yet due. */
const BUCKETS: Array<Omit<AgedBucket, 'count' | 'amount'>> = [
  { label: 'Not yet due', fromDays: 0, toDays: 0 },
  { label: '1-30 days', fromDays: 1, toDays: 30 },
  { label: '31-60 days', fromDays: 31, toDays: 60 },
  { label: '61-90 days', fromDays: 61, toDays: 90 },
  { label: 'Over 90 days', fromDays: 91, toDays: null },
];

type Side = 'CUSTOMER' | 'SUPPLIER';
interface Keyed {
  currency: string | null;
  type: Side;
}

/**
 * Invoices dated in the range by status; and, as at `to`, what is due on open (authorised) invoices,
 * what of it is overdue, aged in 30-day buckets, and unallocated credit: per currency, for sales and bills.
 */
export async function invoiceSummary(
  manager: EntityManager,
  tenantId: string,
  range: DateRange,
): Promise<InvoiceSummaryWidget> {
  const params = [tenantId, range.from, range.to];
  const [statuses, aged, credits, base] = await Promise.all([
    manager.query(
      `SELECT currency, type, status, count(*)::int AS count, sum(total_amount)::text AS total,
              sum(balance)::text AS due
         FROM invoices WHERE tenant_id = $1 AND deleted_at IS NULL AND status <> 'DELETED'
          AND transaction_date BETWEEN $2::date AND $3::date
        GROUP BY currency, type, status ORDER BY status`,
      params,
    ) as Promise<Array<Keyed & { status: TransactionStatus; count: number; total: string; due: string }>>,
    manager.query(
      `SELECT currency, type, width_bucket(GREATEST($3::date - COALESCE(due_date, $3::date), 0), ARRAY[1, 31, 61, 91]) AS bucket,
              count(*)::int AS count, sum(balance)::text AS amount
         FROM invoices WHERE tenant_id = $1 AND deleted_at IS NULL AND status = 'AUTHORISED' AND balance > 0
          AND transaction_date <= $3::date AND $2::date <= $3::date
        GROUP BY 1, 2, 3`,
      params,
    ) as Promise<Array<Keyed & { bucket: number; count: number; amount: string }>>,
    manager.query(
      `SELECT currency, type, sum(remaining_credit)::text AS credit FROM credit_notes
        WHERE tenant_id = $1 AND deleted_at IS NULL AND status = 'AUTHORISED' AND remaining_credit > 0
          AND transaction_date <= $3::date AND $2::date <= $3::date
        GROUP BY 1, 2`,
      params,
    ) as Promise<Array<Keyed & { credit: string }>>,
    baseCurrencyOf(manager, tenantId),
  ]);
  const currencies = [...new Set([...statuses, ...aged, ...credits].map((row) => row.currency))].sort(
    baseFirst(base),
  );
  const side = (currency: string | null, type: Side): InvoiceSideSummary => {
    const mine = <T extends Keyed>(rows: T[]) =>
      rows.filter((row) => row.currency === currency && row.type === type);
    const buckets = BUCKETS.map((bucket, index) => {
      const row = mine(aged).find((r) => r.bucket === index);
      return { ...bucket, count: row?.count ?? 0, amount: row?.amount ?? '0' };
    });
    const overdue = buckets.slice(1);
    return {
      byStatus: mine(statuses).map(({ status, count, total, due }) => ({ status, count, total, due })),
      due: sumDecimals(buckets.map((b) => b.amount)),
      overdueCount: overdue.reduce((n, b) => n + b.count, 0),
      overdue: sumDecimals(overdue.map((b) => b.amount)),
      unallocatedCredit: mine(credits)[0]?.credit ?? '0',
      aged: buckets,
    };
  };
  return {
    baseCurrency: base,
    from: range.from,
    to: range.to,
    currencies: currencies.map((currency) => ({
      currency,
      receivables: side(currency, 'CUSTOMER'),
      payables: side(currency, 'SUPPLIER'),
    })),
  };
}
