import { LEDGER_FINGERPRINT, ledgerPostingsSql } from './ledger.sql.js';
import { ISSUED } from './widget-sql.js';

/**
 * A per-day aggregate maintained from the change log: each document's contribution is kept in
 * `docTable` (tenant_id, doc_id, keys, values) and their sums per key in `dailyTable` (tenant_id, keys,
 * values), whose primary key is tenant_id and `keys`.
 */
export interface WidgetAggregate {
  /** Its name in `widget_aggregate_state`. */
  name: string;
  /** The event entity types whose entity ids are this aggregate's documents. */
  entityTypes: readonly string[];
  docTable: string;
  dailyTable: string;
  /** The daily table's key columns (besides tenant_id) and their SQL types. */
  keys: Readonly<Record<string, string>>;
  /** The summed columns. */
  values: readonly string[];
  /** SQL condition on a daily row's values (unqualified names): the row is kept while it holds. */
  keep: string;
  /** SQL: rows (doc_id, ...keys, ...values) of the tenant `$1`; `docs(idColumn)` restricts the documents. */
  rows: (docs: (idColumn: string) => string) => string;
  /** SQL text of what the rows depend on besides the documents, over `$1` (see WidgetAggregateState). */
  fingerprint: string;
}

/** The ledger widgets' postings per account and day (see ledgerPostingsSql for the rules). */
export const LEDGER_AGGREGATE: WidgetAggregate = {
  name: 'ledger',
  entityTypes: ['Invoice', 'CreditNote', 'Payment'],
  docTable: 'ledger_doc_postings',
  dailyTable: 'ledger_daily',
  keys: { account_id: 'uuid', date: 'date' },
  values: ['amount'],
  keep: 'amount <> 0',
  rows: ledgerPostingsSql,
  fingerprint: LEDGER_FINGERPRINT,
};

/**
 * salesGrowth's sums per item and day: the lines with an item of authorised and paid invoices (CUSTOMER)
 * and bills (SUPPLIER), in any currency.
 */
export const SALES_AGGREGATE: WidgetAggregate = {
  name: 'sales',
  entityTypes: ['Invoice'],
  docTable: 'sales_doc_items',
  dailyTable: 'sales_daily',
  keys: { type: 'text', date: 'date', item_id: 'uuid', currency: 'text' },
  values: ['quantity', 'net', 'gross', 'lines'],
  keep: 'lines > 0',
  rows: (docs) => `
    SELECT i.id AS doc_id, i.type, i.transaction_date AS date, l.item_id, COALESCE(i.currency, '') AS currency,
           sum(l.quantity) AS quantity, sum(l.net_amount) AS net, sum(l.total_amount) AS gross, count(*) AS lines
      FROM invoices i JOIN invoice_lines l ON l.tenant_id = $1 AND l.invoice_id = i.id
     WHERE i.tenant_id = $1 ${docs('i.id')} AND i.status IN ${ISSUED} AND i.deleted_at IS NULL
       AND i.transaction_date IS NOT NULL AND l.item_id IS NOT NULL
     GROUP BY i.id, i.type, i.transaction_date, l.item_id, i.currency`,
  fingerprint: `'sales-1'`,
};

/** Every aggregate the widgets read. */
export const WIDGET_AGGREGATES: readonly WidgetAggregate[] = [LEDGER_AGGREGATE, SALES_AGGREGATE];
