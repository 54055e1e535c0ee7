import type { EntityManager } from 'typeorm';
import type { Account, ReportWithRow } from 'xero-node';
import { mapXeroTrialBalance } from '../sync/mappers/xero-trial-balance.mapper.js';
import { refreshAggregate } from './widget-aggregate-refresh.js';
import { LEDGER_AGGREGATE } from './widget-aggregates.js';

/** What the AccountBalance sync step fetched: Xero's TrialBalance as at `date`. */
export interface TrialBalanceFetch {
  date: string;
  report: ReportWithRow | undefined;
}

/**
 * Writes a trial balance as the tenant's snapshot for its date (replacing one taken earlier that day):
 * one row per cached account (zero when the report leaves the account out), then, in the same
 * transaction, each row's `derived` (what the cached documents post up to the date) and `residual`.
 * Returns the number of accounts whose balance changed.
 */
export async function writeAccountBalances(
  manager: EntityManager,
  tenantId: string,
  fetched: TrialBalanceFetch,
): Promise<number> {
  const snapshots = mapXeroTrialBalance(fetched.report, fetched.date);
  const changed: Array<{ n: string }> = await manager.query(
    `WITH v AS (
       SELECT * FROM unnest($3::text[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[])
         AS v(xero_id, debit, credit, balance, period_debit, period_credit)
     ), old AS (
       SELECT account_id, balance FROM account_balances WHERE tenant_id = $1 AND date = $2::date
     ), up AS (
       INSERT INTO account_balances AS b
              (tenant_id, account_id, date, debit, credit, balance, period_debit, period_credit, fetched_at)
       SELECT $1, a.id, $2::date, COALESCE(v.debit, 0), COALESCE(v.credit, 0), COALESCE(v.balance, 0),
              COALESCE(v.period_debit, 0), COALESCE(v.period_credit, 0), now()
         FROM accounts a LEFT JOIN v ON v.xero_id = a.xero_id
        WHERE a.tenant_id = $1 AND a.deleted_at IS NULL
       ON CONFLICT (tenant_id, account_id, date) DO UPDATE SET debit = EXCLUDED.debit, credit = EXCLUDED.credit,
              balance = EXCLUDED.balance, period_debit = EXCLUDED.period_debit,
              period_credit = EXCLUDED.period_credit, fetched_at = now()
       RETURNING account_id, balance
     )
     SELECT count(*)::text AS n FROM up LEFT JOIN old USING (account_id) WHERE old.balance IS DISTINCT FROM up.balance`,
    [
      tenantId,
      fetched.date,
      snapshots.map((s) => s.accountXeroId),
      snapshots.map((s) => s.debit),
      snapshots.map((s) => s.credit),
      snapshots.map((s) => s.balance),
      snapshots.map((s) => s.periodDebit),
      snapshots.map((s) => s.periodCredit),
    ],
  );
  await refreshAggregate(manager, tenantId, LEDGER_AGGREGATE);
  await manager.query(
    `WITH sums AS (SELECT account_id, sum(amount) AS s FROM ledger_daily
                    WHERE tenant_id = $1 AND date <= $2::date GROUP BY account_id)
     UPDATE account_balances b
        SET (derived, residual) = (SELECT COALESCE(sum(sums.s), 0), b.balance - COALESCE(sum(sums.s), 0)
                                     FROM sums WHERE sums.account_id = b.account_id)
      WHERE b.tenant_id = $1 AND b.date = $2::date`,
    [tenantId, fetched.date],
  );
  return Number(changed[0]?.n ?? 0);
}

/**
 * Records which cached account is each of Xero's SystemAccounts (DEBTORS, CREDITORS, GST, ...), from
 * the accounts an Accounts page returned; they are written to the cache before this runs.
 */
export async function writeAccountSystemRoles(
  manager: EntityManager,
  tenantId: string,
  accounts: Account[],
): Promise<number> {
  const roles = accounts.filter((a) => a.accountID && a.systemAccount);
  if (roles.length === 0) return 0;
  await manager.query(
    `INSERT INTO account_system_roles (tenant_id, system_account, account_id)
     SELECT $1, v.role, a.id FROM unnest($2::text[], $3::text[]) AS v(xero_id, role)
       JOIN accounts a ON a.tenant_id = $1 AND a.xero_id = v.xero_id
     ON CONFLICT (tenant_id, system_account) DO UPDATE SET account_id = EXCLUDED.account_id`,
    [tenantId, roles.map((a) => a.accountID), roles.map((a) => String(a.systemAccount))],
  );
  return 0;
}
