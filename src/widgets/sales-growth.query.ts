import type { EntityManager } from 'typeorm';
import { SalesDirection, type SalesGrowthWidget, SalesMetric } from './invoice-widgets.types.js';
import { refreshAggregate } from './widget-aggregate-refresh.js';
import { SALES_AGGREGATE } from './widget-aggregates.js';
import { type DateRange, periodBucket, periodsSql, type WidgetPeriod } from './widget-period.js';
import { baseCurrencyOf } from './widget-sql.js';

export interface SalesGrowthArgs {
  itemIds?: string[] | null;
  range: DateRange;
  period: WidgetPeriod;
  metric: SalesMetric;
  direction: SalesDirection;
  /** Without itemIds: the items with the largest totals, at most this many. */
  limit: number;
}

const METRIC: Record<SalesMetric, string> = {
  QUANTITY: 's.quantity',
  NET_VALUE: 's.net',
  GROSS_VALUE: 's.gross',
};

/**
 * Per item (and currency, for values) and period: quantity, net or gross value of the lines of
 * authorised and paid sales invoices (or bills) dated in the range, read from their daily sums
 * (SALES_AGGREGATE, brought up to date first). Named items appear even when none sold; otherwise the top
 * `limit` items by total.
 */
export async function salesGrowth(
  manager: EntityManager,
  tenantId: string,
  args: SalesGrowthArgs,
): Promise<SalesGrowthWidget> {
  const { range, period, metric, direction } = args;
  const type = direction === SalesDirection.SOLD ? 'CUSTOMER' : 'SUPPLIER';
  const currency = metric === SalesMetric.QUANTITY ? 'NULL::text' : `NULLIF(s.currency, '')`;
  const params = [tenantId, type, range.from, range.to, args.itemIds ?? null, args.limit];
  await refreshAggregate(manager, tenantId, SALES_AGGREGATE);
  const [periods, series, baseCurrency] = await Promise.all([
    manager.query(`SELECT start::text FROM (${periodsSql(period, '$1', '$2')}) p ORDER BY idx`, [
      range.from,
      range.to,
    ]) as Promise<Array<{ start: string }>>,
    manager.query(
      `WITH periods AS (${periodsSql(period, '$3', '$4')}),
       agg AS (
         SELECT s.item_id, ${currency} AS currency, ${periodBucket(period, 's.date')} AS bucket,
                sum(${METRIC[metric]}) AS v
           FROM sales_daily s
          WHERE s.tenant_id = $1 AND s.type = $2 AND s.date BETWEEN $3::date AND $4::date
            AND ($5::uuid[] IS NULL OR s.item_id = ANY($5::uuid[]))
          GROUP BY 1, 2, 3
       ),
       totals AS (SELECT item_id, currency, sum(v) AS total FROM agg GROUP BY 1, 2),
       chosen AS (
         SELECT it.id AS item_id, it.code, it.name, t.currency, COALESCE(t.total, 0) AS total
           FROM items it LEFT JOIN totals t ON t.item_id = it.id
          WHERE it.tenant_id = $1
            AND CASE WHEN $5::uuid[] IS NULL THEN t.item_id IS NOT NULL ELSE it.id = ANY($5::uuid[]) END
          ORDER BY total DESC, it.name LIMIT CASE WHEN $5::uuid[] IS NULL THEN $6::int END
       ),
       -- The chosen series' sums alone, so that filling each one's periods reads a few rows, not all of agg.
       picked AS MATERIALIZED (
         SELECT a.* FROM agg a JOIN chosen c ON a.item_id = c.item_id AND a.currency IS NOT DISTINCT FROM c.currency
       )
       SELECT c.item_id, c.code, c.name, c.currency, c.total::text,
              ARRAY(SELECT COALESCE(a.v, 0)::text FROM periods p
                      LEFT JOIN picked a ON a.bucket = p.bucket AND a.item_id = c.item_id
                                        AND a.currency IS NOT DISTINCT FROM c.currency
                     ORDER BY p.idx) AS values
         FROM chosen c ORDER BY c.total DESC, c.name, c.currency`,
      params,
    ) as Promise<
      Array<{
        item_id: string;
        code: string | null;
        name: string;
        currency: string | null;
        total: string;
        values: string[];
      }>
    >,
    baseCurrencyOf(manager, tenantId),
  ]);
  return {
    period,
    metric,
    direction,
    baseCurrency,
    periods: periods.map((p) => p.start),
    series: series.map((row) => ({
      itemId: row.item_id,
      code: row.code,
      name: row.name,
      currency: row.currency,
      total: row.total,
      values: row.values,
    })),
  };
}
