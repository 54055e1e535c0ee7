/**
 * The baseline for the read benchmark: the same reads as hand-written SQL with `pg`, served as JSON by a
 * bare node:http handler (no auth, no GraphQL, no ORM). Widgets are already hand-written SQL in the
 * gateway (src/widgets/*.query.ts), so their baseline runs those very functions over a bare `pg` pool:
 * the ratio is then the cost of everything around the SQL.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import type { WidgetArgs } from '../src/widgets/widget-args.input.js';
import { runWidget, type WidgetName } from '../src/widgets/widget-registry.js';
import { baseCurrencyOf } from '../src/widgets/widget-sql.js';

const INVOICE_PAGE = `
SELECT i.id, i.transaction_number AS "transactionNumber", to_char(i.transaction_date, 'YYYY-MM-DD') AS "transactionDate",
       i.status, json_build_object('totalAmount', i.total_amount::text) AS amount,
       json_build_object('id', o.id, 'name', o.name) AS organization,
       json_build_object('id', p.id, 'firstName', p.first_name, 'lastName', p.last_name) AS person,
       (SELECT json_agg(json_build_object('quantity', l.quantity::text, 'unitPrice', l.unit_price::text,
                 'item', json_build_object('code', it.code, 'name', it.name), 'taxCode', json_build_object('name', tc.name))
               ORDER BY l.line_number)
          FROM invoice_lines l LEFT JOIN items it ON it.id = l.item_id AND it.tenant_id = l.tenant_id
          LEFT JOIN tax_codes tc ON tc.id = l.tax_code_id AND tc.tenant_id = l.tenant_id
         WHERE l.tenant_id = i.tenant_id AND l.invoice_id = i.id) AS lines
  FROM invoices i
  LEFT JOIN organizations o ON o.id = i.organization_id AND o.tenant_id = i.tenant_id
  LEFT JOIN people p ON p.id = i.person_id AND p.tenant_id = i.tenant_id
 WHERE i.tenant_id = $1
 ORDER BY i.transaction_date DESC, i.id DESC LIMIT 50`;

const ORGANIZATION_WITH_INVOICES = `
SELECT o.id, o.name,
       (SELECT count(*)::int FROM invoices c WHERE c.tenant_id = o.tenant_id AND c.organization_id = o.id) AS "totalCount",
       (SELECT json_agg(x) FROM (
          SELECT i.id, i.transaction_number AS "transactionNumber", i.status, i.total_amount::text AS "totalAmount"
            FROM invoices i WHERE i.tenant_id = o.tenant_id AND i.organization_id = o.id
           ORDER BY i.transaction_date DESC, i.id DESC LIMIT 20) x) AS invoices
  FROM organizations o WHERE o.tenant_id = $1 AND o.id = $2`;

const ITEM_SEARCH = `
SELECT id, code, name, sale_price AS "salePrice" FROM items
 WHERE tenant_id = $1 AND status = 'ACTIVE' AND (code ILIKE $2 OR name ILIKE $2 OR description ILIKE $2)
 ORDER BY code, id LIMIT 20`;

export interface RawServer {
  url: string;
  stop(): Promise<void>;
}

/** A widget served at `/widget/<name>`, with the same arguments the GraphQL query passes. */
export interface RawWidget {
  name: WidgetName;
  field: string;
  args: WidgetArgs;
}

export async function startRawSqlServer(
  databaseUrl: string,
  tenantId: string,
  organizationId: string,
  widgets: RawWidget[] = [],
): Promise<RawServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  // The widget functions only call `manager.query(sql, parameters)`: a bare pool stands in for TypeORM,
  // counting statements as the gateway's `extensions.sqlStatements` does (read from one lone request).
  let statements = 0;
  const manager = {
    query: async (sql: string, parameters?: unknown[]) => {
      statements += 1;
      return (await pool.query(sql, parameters)).rows;
    },
  } as unknown as EntityManager;
  const routes: Record<string, () => Promise<unknown>> = {
    '/invoices': async () => (await pool.query(INVOICE_PAGE, [tenantId])).rows,
    '/organization': async () =>
      (await pool.query(ORGANIZATION_WITH_INVOICES, [tenantId, organizationId])).rows[0],
    '/items': async () => (await pool.query(ITEM_SEARCH, [tenantId, '%pro%'])).rows,
  };
  for (const widget of widgets) {
    routes[`/widget/${widget.name}`] = async () => {
      statements = 0;
      const [baseCurrency, result] = await Promise.all([
        baseCurrencyOf(manager, tenantId),
        runWidget(manager, tenantId, widget.name, widget.args),
      ]);
      return { widgets: { baseCurrency, [widget.field]: result }, sqlStatements: statements };
    };
  }
  const server = http.createServer((request, response) => {
    const route = routes[request.url ?? ''];
    if (!route) {
      response.statusCode = 404;
      response.end();
      return;
    }
    route()
      .then((data) => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data }));
      })
      .catch((error: Error) => {
        response.statusCode = 500;
        response.end(error.message);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}
