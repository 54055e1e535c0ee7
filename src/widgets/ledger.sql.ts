import { BASE_CURRENCY_CTE } from './widget-sql.js';

/** The newest trial balance snapshot's residual per account, as a CTE `latest (account_id, residual)` over `$1`. */
export const LATEST_CTE = `latest AS (
    SELECT DISTINCT ON (b.account_id) b.account_id, b.residual
      FROM account_balances b WHERE b.tenant_id = $1
     ORDER BY b.account_id, b.date DESC, b.fetched_at DESC
  )`;

/** The control and tax accounts the postings use, by Xero SystemAccount. */
const CONTROL_ROLES = `('DEBTORS', 'CREDITORS', 'GST')`;

/**
 * SQL: what the postings depend on besides the documents themselves (the control and tax accounts and the
 * base currency), as one text over the tenant in `$1`. Bump the version when the rules below change.
 */
export const LEDGER_FINGERPRINT = `'ledger-1;' || COALESCE((
    SELECT string_agg(r.system_account || '=' || r.account_id, ',' ORDER BY r.system_account)
      FROM account_system_roles r WHERE r.tenant_id = $1 AND r.system_account IN ${CONTROL_ROLES}), '')
  || ';' || COALESCE((WITH ${BASE_CURRENCY_CTE} SELECT currency FROM base), '')`;

/**
 * SQL: the double-entry postings of the tenant's (`$1`) cached documents as rows (doc_id, account_id, date,
 * amount), one per document and account, zero amounts left out. `docs(column)` restricts the documents:
 * it returns a condition on the document id column (`AND column = ANY($2::uuid[])`), or '' for all.
 *
 * Mirrors what Xero posts: an authorised or paid sales invoice debits receivables (DEBTORS) with its total
 * and credits each line's account with the line's net and the tax account (GST) with the tax; bills the
 * reverse against payables (CREDITORS); credit notes the reverse of their invoices; payments move the bank
 * account against receivables or payables. Amounts are signed: positive = debit. Control and tax accounts
 * are Xero's SystemAccounts (`account_system_roles`).
 *
 * Only documents in the base currency post here: the cache holds no exchange rates, so a foreign
 * document's effect stays in the snapshot's residual.
 */
export function ledgerPostingsSql(docs: (idColumn: string) => string): string {
  return `WITH ${BASE_CURRENCY_CTE},
  ctl AS (
    SELECT max(r.account_id::text) FILTER (WHERE r.system_account = 'DEBTORS')::uuid AS ar,
           max(r.account_id::text) FILTER (WHERE r.system_account = 'CREDITORS')::uuid AS ap,
           max(r.account_id::text) FILTER (WHERE r.system_account = 'GST')::uuid AS tax
      FROM account_system_roles r WHERE r.tenant_id = $1
  ),
  docs AS (
    SELECT 'I' AS kind, i.id, i.transaction_date AS date, i.total_amount AS total, i.net_amount AS net,
           CASE WHEN i.type = 'CUSTOMER' THEN 1 ELSE -1 END AS sign,
           CASE WHEN i.type = 'CUSTOMER' THEN ctl.ar ELSE ctl.ap END AS control
      FROM invoices i, ctl, base
     WHERE i.tenant_id = $1 ${docs('i.id')} AND i.status IN ('AUTHORISED', 'PAID') AND i.deleted_at IS NULL
       AND i.transaction_date IS NOT NULL AND (i.currency IS NULL OR base.currency IS NULL OR i.currency = base.currency)
    UNION ALL
    SELECT 'C', n.id, n.transaction_date, n.total_amount, n.net_amount,
           CASE WHEN n.type = 'CUSTOMER' THEN -1 ELSE 1 END,
           CASE WHEN n.type = 'CUSTOMER' THEN ctl.ar ELSE ctl.ap END
      FROM credit_notes n, ctl, base
     WHERE n.tenant_id = $1 ${docs('n.id')} AND n.status IN ('AUTHORISED', 'PAID') AND n.deleted_at IS NULL
       AND n.transaction_date IS NOT NULL AND (n.currency IS NULL OR base.currency IS NULL OR n.currency = base.currency)
  ),
  pays AS (
    SELECT p.id, p.account_id AS bank, p.transaction_date AS date,
           CASE WHEN p.type = 'CUSTOMER' THEN ctl.ar ELSE ctl.ap END AS control,
           CASE WHEN (p.type = 'CUSTOMER') = (p.credit_note_id IS NULL) THEN p.amount ELSE -p.amount END AS amount
      FROM payments p, ctl, base
     WHERE p.tenant_id = $1 ${docs('p.id')} AND p.status = 'AUTHORISED' AND p.deleted_at IS NULL
       AND p.transaction_date IS NOT NULL
       AND (p.currency IS NULL OR base.currency IS NULL OR p.currency = base.currency)
  ),
  postings AS (
    SELECT d.id AS doc_id, d.control AS account_id, d.date, d.sign * d.total AS amount FROM docs d
    UNION ALL
    SELECT d.id, ctl.tax, d.date, -d.sign * (d.total - d.net) FROM docs d, ctl
    UNION ALL
    SELECT d.id, l.account_id, d.date, -d.sign * l.net_amount
      FROM docs d JOIN invoice_lines l ON d.kind = 'I' AND l.tenant_id = $1 AND l.invoice_id = d.id
    UNION ALL
    SELECT d.id, l.account_id, d.date, -d.sign * l.net_amount
      FROM docs d JOIN credit_note_lines l ON d.kind = 'C' AND l.tenant_id = $1 AND l.credit_note_id = d.id
    UNION ALL
    SELECT id, bank, date, amount FROM pays
    UNION ALL
    SELECT id, control, date, -amount FROM pays
  )
  -- A posting without an account (no GST role, a line without an account) reaches no balance.
  SELECT doc_id, account_id, date, sum(amount) AS amount FROM postings
   WHERE account_id IS NOT NULL GROUP BY doc_id, account_id, date HAVING sum(amount) <> 0`;
}

/** Credit-natured classes show balances as credit - debit; the others as debit - credit. */
export const NATURAL_SIGN = `CASE WHEN a.class IN ('LIABILITY', 'EQUITY', 'REVENUE') THEN -1 ELSE 1 END`;
