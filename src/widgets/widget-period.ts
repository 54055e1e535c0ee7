import { registerEnumType } from 'type-graphql';
import { badArgument } from '../errors.js';

/** The length of one bucket of a widget's time axis. */
export enum WidgetPeriod {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

registerEnumType(WidgetPeriod, {
  name: 'WidgetPeriod',
  description: 'The length of one period of a widget (weeks start on Monday, as ISO weeks do).',
});

const SQL_UNIT: Record<WidgetPeriod, { trunc: string; step: string; perYear: string }> = {
  DAY: { trunc: 'day', step: '1 day', perYear: '365' },
  WEEK: { trunc: 'week', step: '1 week', perYear: '52' },
  MONTH: { trunc: 'month', step: '1 month', perYear: '12' },
  QUARTER: { trunc: 'quarter', step: '3 months', perYear: '4' },
  YEAR: { trunc: 'year', step: '1 year', perYear: '1' },
};

/** How many of this period a year holds (salary per period = annual / this). */
export const periodsPerYear = (period: WidgetPeriod): string => SQL_UNIT[period].perYear;

/** Most periods one answer may hold: 10 years of weeks. */
const MAX_PERIODS = 520;
const DAY_MS = 86_400_000;
const APPROX_DAYS: Record<WidgetPeriod, number> = { DAY: 1, WEEK: 7, MONTH: 28, QUARTER: 89, YEAR: 365 };

export interface DateRange {
  from: string;
  to: string;
}

/** Today in UTC (times are UTC in the gateway), as `YYYY-MM-DD`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Fills in a widget's date range: `to` defaults to today, `from` to the first day of the month eleven
 * months before `to` (a year of months). Refuses a reversed range, and, for a widget that answers one
 * row per `period`, a range of too many periods. A widget without a `period` argument (invoice list,
 * invoice summary, balance sheet) answers totals over the range or at its two ends, whatever its length:
 * it passes no period and is not limited.
 */
export function resolveRange(
  from: string | null | undefined,
  to: string | null | undefined,
  period?: WidgetPeriod,
): DateRange {
  const end = to ?? today();
  const endDate = new Date(`${end}T00:00:00Z`);
  const start =
    from ??
    new Date(Date.UTC(endDate.getUTCFullYear(), endDate.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
  if (start > end) throw badArgument('from', '`from` must be on or before `to`.');
  const days = (endDate.getTime() - new Date(`${start}T00:00:00Z`).getTime()) / DAY_MS;
  if (period && days / APPROX_DAYS[period] > MAX_PERIODS)
    throw badArgument('period', `At most ${MAX_PERIODS} periods: choose a longer period or a shorter range.`);
  return { from: start, to: end };
}

/**
 * SQL for the periods overlapping [from, to] as rows (idx, bucket, start, end): `bucket` is the
 * period's own first day (what `periodBucket` gives a date), start and end are clipped to the range;
 * `from` and `to` are the SQL expressions of the two dates (usually bind parameters).
 */
export function periodsSql(period: WidgetPeriod, from: string, to: string): string {
  const { trunc, step } = SQL_UNIT[period];
  return `SELECT (row_number() OVER (ORDER BY s))::int - 1 AS idx, s::date AS bucket,
            GREATEST(s::date, ${from}::date) AS start,
            LEAST((s + interval '${step}' - interval '1 day')::date, ${to}::date) AS "end"
       FROM generate_series(date_trunc('${trunc}', ${from}::date), ${to}::date, interval '${step}') s`;
}

/** SQL: the first day of the period holding the date expression `date` (joins to `periodsSql`'s bucket). */
export function periodBucket(period: WidgetPeriod, date: string): string {
  return `date_trunc('${SQL_UNIT[period].trunc}', ${date})::date`;
}
