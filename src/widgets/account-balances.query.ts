import type { EntityManager } from 'typeorm';
import { AccountClass } from '../schema/enums.js';
import { LATEST_CTE, NATURAL_SIGN } from './ledger.sql.js';
import type {
  AccountBalancesWidget,
  AccountsComparisonWidget,
  BalanceSheetSection,
  BalanceSheetWidget,
} from './ledger-widgets.types.js';
import { refreshAggregate } from './widget-aggregate-refresh.js';
import { LEDGER_AGGREGATE } from './widget-aggregates.js';
import { type DateRange, periodsSql, type WidgetPeriod } from './widget-period.js';
import { BASE_CURRENCY_CTE } from './widget-sql.js';

/** The CTEs every ledger widget starts with: `base`, `latest`. */
const LEDGER_CTES = `${BASE_CURRENCY_CTE}, ${LATEST_CTE}`;

/** The chosen accounts ($2), or the active bank accounts when none are named. */
const CHOSEN = `chosen AS (
    SELECT a.id, a.code, a.name, a.class, a.type FROM accounts a
     WHERE a.tenant_id = $1 AND a.deleted_at IS NULL
       AND CASE WHEN $2::uuid[] IS NULL THEN a.type = 'BANK' AND a.status = 'ACTIVE' ELSE a.id = ANY($2::uuid[]) END
  )`;

/**
 * CTEs `ends (dates)` (the array expression `dates`, ascending) and `sums (account_id, k, amount)`: the chosen
 * accounts' ledger_daily rows (kept current by refreshAggregate) up to the last date, added up by k = how
 * many of the dates fall before theirs. A row counts toward the balance at dates[i] when k < i, so one
 * pass over the rows serves every date.
 */
function sumsUpTo(dates: string): string {
  return `ends AS (
    SELECT x.dates, x.dates[array_length(x.dates, 1)] AS last,
           (SELECT array_agg(d + 1 ORDER BY i) FROM unnest(x.dates) WITH ORDINALITY AS u(d, i)) AS after
      FROM (SELECT ${dates} AS dates) x
  ),
  sums AS MATERIALIZED (
    SELECT l.account_id, width_bucket(l.date, ends.after) AS k, sum(l.amount) AS amount
      FROM ledger_daily l CROSS JOIN ends
     WHERE l.tenant_id = $1 AND l.account_id IN (SELECT id FROM chosen) AND l.date <= ends.last
     GROUP BY 1, 2
  )`;
}

interface SeriesRow {
  id: string;
  code: string | null;
  name: string;
  class: AccountClass;
  type: string;
  balances: string[];
  currency: string | null;
}

/**
 * Balances of accounts at the end of each period of [from, to]: the newest snapshot's residual plus the
 * cached documents' postings up to each period end (see ledgerPostingsSql).
 */
export async function accountBalances(
  manager: EntityManager,
  tenantId: string,
  args: { accountIds?: string[] | null; range: DateRange; period: WidgetPeriod },
): Promise<AccountBalancesWidget> {
  const { range, period } = args;
  await refreshAggregate(manager, tenantId, LEDGER_AGGREGATE);
  const [periods, rows]: [Array<{ start: string; end: string }>, SeriesRow[]] = await Promise.all([
    manager.query(`SELECT start::text, "end"::text FROM (${periodsSql(period, '$1', '$2')}) p ORDER BY idx`, [
      range.from,
      range.to,
    ]),
    manager.query(
      `WITH ${LEDGER_CTES}, ${CHOSEN},
       ${sumsUpTo(`(SELECT array_agg("end" ORDER BY idx) FROM (${periodsSql(period, '$3', '$4')}) p)`)}
       SELECT c.id, c.code, c.name, c.class, c.type, base.currency, ${balancesAt('c')} AS balances
         FROM chosen c CROSS JOIN ends CROSS JOIN base
        ORDER BY c.code NULLS LAST, c.name`,
      [tenantId, args.accountIds ?? null, range.from, range.to],
    ),
  ]);
  return {
    period,
    currency: rows[0]?.currency ?? null,
    periods,
    accounts: rows.map((row) => ({ accountId: row.id, ...pick(row), balances: row.balances })),
  };
}

/** SQL: the account's natural-sign balances at each of `ends.dates` (see sumsUpTo), as text[]. */
function balancesAt(account: string): string {
  return `(SELECT array_agg(((${NATURAL_SIGN.replace('a.class', `${account}.class`)})
              * (COALESCE((SELECT l.residual FROM latest l WHERE l.account_id = ${account}.id), 0)
                 + COALESCE((SELECT sum(s.amount) FROM sums s WHERE s.account_id = ${account}.id AND s.k < i), 0)))::text
              ORDER BY i)
         FROM ends CROSS JOIN generate_subscripts(ends.dates, 1) AS i)`;
}

function pick(row: SeriesRow) {
  return { code: row.code, name: row.name, class: row.class, type: row.type as never };
}

/** Balances of accounts (default: the bank accounts) on one date. */
export async function accountsComparison(
  manager: EntityManager,
  tenantId: string,
  args: { accountIds?: string[] | null; date: string },
): Promise<AccountsComparisonWidget> {
  await refreshAggregate(manager, tenantId, LEDGER_AGGREGATE);
  const rows: SeriesRow[] = await manager.query(
    `WITH ${LEDGER_CTES}, ${CHOSEN}, ${sumsUpTo('ARRAY[$3::date]')}
     SELECT c.id, c.code, c.name, c.class, c.type, base.currency, ${balancesAt('c')} AS balances
       FROM chosen c CROSS JOIN base ORDER BY c.code NULLS LAST, c.name`,
    [tenantId, args.accountIds ?? null, args.date],
  );
  return {
    date: args.date,
    currency: rows[0]?.currency ?? null,
    accounts: rows.map((row) => ({ accountId: row.id, ...pick(row), balance: row.balances[0] })),
  };
}

interface SheetRow {
  id: string | null;
  code: string | null;
  name: string;
  class: AccountClass;
  at_from: string;
  at_to: string;
  total_from: string;
  total_to: string;
  net_from: string;
  net_to: string;
  currency: string | null;
}

/**
 * ASSET, LIABILITY and EQUITY at two dates, the way Xero's BalanceSheet report shows them: assets as
 * debit balances, liabilities and equity as credit balances, and Current Year Earnings (revenue -
 * expenses) as an equity line.
 */
export async function balanceSheet(
  manager: EntityManager,
  tenantId: string,
  range: DateRange,
): Promise<BalanceSheetWidget> {
  await refreshAggregate(manager, tenantId, LEDGER_AGGREGATE);
  const rows: SheetRow[] = await manager.query(
    `WITH ${LEDGER_CTES},
     sums AS (
       SELECT account_id, sum(amount) FILTER (WHERE date <= $2::date) AS at_from,
              sum(amount) FILTER (WHERE date <= $3::date) AS at_to
         FROM ledger_daily WHERE tenant_id = $1 GROUP BY account_id
     ),
     accts AS (
       SELECT a.id, a.code, a.name, a.class, ${NATURAL_SIGN} AS sign,
              COALESCE(l.residual, 0) + COALESCE(s.at_from, 0) AS bf, COALESCE(l.residual, 0) + COALESCE(s.at_to, 0) AS bt
         FROM accounts a LEFT JOIN latest l ON l.account_id = a.id LEFT JOIN sums s ON s.account_id = a.id
        WHERE a.tenant_id = $1 AND a.deleted_at IS NULL
     ),
     lines AS (
       SELECT id, code, name, class, sign * bf AS at_from, sign * bt AS at_to, 0 AS pos FROM accts
        WHERE class IN ('ASSET', 'LIABILITY', 'EQUITY') AND (bf <> 0 OR bt <> 0)
       UNION ALL
       SELECT NULL, NULL, 'Current Year Earnings', 'EQUITY', COALESCE(-sum(bf), 0), COALESCE(-sum(bt), 0), 1
         FROM accts WHERE class IN ('REVENUE', 'EXPENSE')
     )
     SELECT id, code, name, class, at_from::text, at_to::text, base.currency,
            (sum(at_from) OVER w)::text AS total_from, (sum(at_to) OVER w)::text AS total_to,
            (sum(CASE class WHEN 'ASSET' THEN at_from WHEN 'LIABILITY' THEN -at_from ELSE 0 END) OVER ())::text AS net_from,
            (sum(CASE class WHEN 'ASSET' THEN at_to WHEN 'LIABILITY' THEN -at_to ELSE 0 END) OVER ())::text AS net_to
       FROM lines CROSS JOIN base
     WINDOW w AS (PARTITION BY class)
      ORDER BY pos, code NULLS LAST, name`,
    [tenantId, range.from, range.to],
  );
  const sections: BalanceSheetSection[] = [
    AccountClass.ASSET,
    AccountClass.LIABILITY,
    AccountClass.EQUITY,
  ].map((cls) => {
    const mine = rows.filter((row) => row.class === cls);
    return {
      class: cls,
      lines: mine.map((row) => ({
        accountId: row.id,
        code: row.code,
        name: row.name,
        atFrom: row.at_from,
        atTo: row.at_to,
      })),
      totalAtFrom: mine[0]?.total_from ?? '0',
      totalAtTo: mine[0]?.total_to ?? '0',
    };
  });
  return {
    from: range.from,
    to: range.to,
    currency: rows[0]?.currency ?? null,
    sections,
    netAssetsAtFrom: rows[0]?.net_from ?? '0',
    netAssetsAtTo: rows[0]?.net_to ?? '0',
  };
}
