import type { EntityManager } from 'typeorm';
import { InvoiceListOrder, type InvoiceListWidget, InvoiceParty } from './invoice-widgets.types.js';
import type { DateRange } from './widget-period.js';
import { BASE_CURRENCY_CTE, baseCurrencyOf, ISSUED } from './widget-sql.js';

const ORDER: Record<InvoiceListOrder, string> = {
  INVOICED_DESC: 'invoiced DESC, name, currency',
  DUE_DESC: 'due DESC, name, currency',
  NAME_ASC: 'name, currency',
};

export interface InvoiceListArgs {
  entity: InvoiceParty;
  orderBy: InvoiceListOrder;
  limit: number;
  invoicesPerContact: number;
  range: DateRange;
}

/**
 * Per customer (or supplier) and currency: what was invoiced, paid (Xero AmountPaid: payments and
 * credit applied) and is still due on authorised and paid invoices dated in the range, with its newest
 * invoices.
 */
export async function invoiceList(
  manager: EntityManager,
  tenantId: string,
  args: InvoiceListArgs,
): Promise<InvoiceListWidget> {
  const type = args.entity === InvoiceParty.CUSTOMERS ? 'CUSTOMER' : 'SUPPLIER';
  const rows: Array<{
    organization_id: string | null;
    name: string;
    currency: string | null;
    n: number;
    invoiced: string;
    paid: string;
    due: string;
    invoices: InvoiceListWidget['contacts'][number]['invoices'];
    base_currency: string | null;
  }> = await manager.query(
    `WITH ${BASE_CURRENCY_CTE},
     per AS (
       SELECT i.organization_id, i.currency, count(*)::int AS n, sum(i.total_amount) AS invoiced,
              sum(i.paid_amount) AS paid, sum(i.balance) AS due
         FROM invoices i
        WHERE i.tenant_id = $1 AND i.type = $2 AND i.status IN ${ISSUED} AND i.deleted_at IS NULL
          AND i.transaction_date BETWEEN $3::date AND $4::date
        GROUP BY i.organization_id, i.currency
     ),
     top AS (
       SELECT *, row_number() OVER (ORDER BY ${ORDER[args.orderBy]}) AS pos FROM (
         SELECT per.*, COALESCE(o.name, '(no contact)') AS name FROM per
           LEFT JOIN organizations o ON o.tenant_id = $1 AND o.id = per.organization_id
       ) named ORDER BY pos LIMIT $5
     )
     SELECT top.organization_id, top.name, top.currency, top.n, top.invoiced::text, top.paid::text,
            top.due::text, base.currency AS base_currency,
            COALESCE((
              SELECT json_agg(json_build_object('id', x.id, 'number', x.transaction_number,
                       'date', x.transaction_date, 'dueDate', x.due_date, 'status', x.status,
                       'total', x.total_amount::text, 'paid', x.paid_amount::text, 'due', x.balance::text)
                     ORDER BY x.transaction_date DESC, x.id)
                FROM (SELECT * FROM invoices i
                       WHERE i.tenant_id = $1 AND i.type = $2 AND i.status IN ${ISSUED} AND i.deleted_at IS NULL
                         AND i.transaction_date BETWEEN $3::date AND $4::date
                         AND (i.organization_id = top.organization_id
                              OR (i.organization_id IS NULL AND top.organization_id IS NULL))
                         AND i.currency IS NOT DISTINCT FROM top.currency
                       ORDER BY i.transaction_date DESC, i.id LIMIT $6) x), '[]') AS invoices
       FROM top CROSS JOIN base
      ORDER BY top.pos`,
    [tenantId, type, args.range.from, args.range.to, args.limit, args.invoicesPerContact],
  );
  return {
    baseCurrency: rows.length ? rows[0].base_currency : await baseCurrencyOf(manager, tenantId),
    contacts: rows.map((row) => ({
      organizationId: row.organization_id,
      name: row.name,
      currency: row.currency,
      invoiceCount: row.n,
      invoiced: row.invoiced,
      paid: row.paid,
      due: row.due,
      invoices: row.invoices,
    })),
  };
}
