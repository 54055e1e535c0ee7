import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRows, ReportWithRow } from 'xero-node';
import {
  ACCOUNTING_SCOPES,
  PAYROLL_SCOPES,
  startXeroHarness,
  type XeroHarness,
} from '../support/xero-harness.js';

const AU = 'Demo Company (AU)';
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

interface Sheet {
  /** Amount per Xero AccountID, and "Current Year Earnings". */
  lines: Map<string, number>;
  totals: Record<string, number>;
}

/** Xero's BalanceSheet report as amounts per account and section totals. */
function readReport(report: ReportWithRow): Sheet {
  const lines = new Map<string, number>();
  const totals: Record<string, number> = {};
  const walk = (rows: ReportRows[], section: string) => {
    for (const row of rows) {
      const cells = row.cells ?? [];
      const account = cells[0]?.attributes?.find((a) => a.id === 'account')?.value;
      const label = String(cells[0]?.value ?? '');
      if (account) lines.set(account, Number(cells[1].value));
      else if (label === 'Current Year Earnings') lines.set(label, Number(cells[1].value));
      else if (label.startsWith('Total ')) totals[section] = Number(cells[1].value);
      walk((row.rows ?? []) as ReportRows[], String(row.title ?? section));
    }
  };
  walk(report.rows ?? [], '');
  return { lines, totals };
}

describe('balanceSheet against the emulator’s BalanceSheet report', () => {
  let harness: XeroHarness;
  let tenantId: string;
  let key: string;
  const db = () => harness.gateway.gateway.services.db;
  const xeroReport = async (date: string) => {
    const [connection] = await db().query(
      'SELECT id, xero_tenant_id FROM xero_connections WHERE tenant_id = $1',
      [tenantId],
    );
    const target = {
      connectionId: connection.id,
      xeroTenantId: connection.xero_tenant_id,
      priority: 'interactive' as const,
    };
    const body = await harness.gateway.gateway.services.sync!.xero.api.call(target, (x, t) =>
      x.accountingApi.getReportBalanceSheet(t, date),
    );
    return readReport(body.reports![0]);
  };
  const ours = async (from: string, to: string) => {
    const response = await harness.gateway.graphql<{
      widgets: {
        balanceSheet: {
          sections: Array<{
            class: string;
            totalAtFrom: string;
            totalAtTo: string;
            lines: Array<{ accountId: string | null; name: string; atFrom: string; atTo: string }>;
          }>;
        };
      };
    }>(
      `query($from: Date, $to: Date) { widgets { balanceSheet(from: $from, to: $to) {
        sections { class totalAtFrom totalAtTo lines { accountId name atFrom atTo } } } } }`,
      { from, to },
      key,
    );
    expect(response.errors).toBeUndefined();
    return response.data!.widgets.balanceSheet;
  };
  /** Our sheet at one side, keyed like the report: Xero AccountID (or the earnings label). */
  const asReport = async (sheet: Awaited<ReturnType<typeof ours>>, side: 'atFrom' | 'atTo') => {
    const xeroIds = new Map<string, string>(
      (await db().query('SELECT id, xero_id FROM accounts WHERE tenant_id = $1', [tenantId])).map(
        (row: { id: string; xero_id: string }) => [row.id, row.xero_id],
      ),
    );
    const lines = new Map<string, number>();
    for (const section of sheet.sections)
      for (const line of section.lines) {
        const amount = Number(line[side]);
        if (line.accountId === null) lines.set(line.name, amount);
        else if (amount !== 0) lines.set(xeroIds.get(line.accountId)!, amount);
      }
    const total = (cls: string) =>
      Number(sheet.sections.find((s) => s.class === cls)![side === 'atFrom' ? 'totalAtFrom' : 'totalAtTo']);
    return {
      lines,
      totals: { Assets: total('ASSET'), Liabilities: total('LIABILITY'), Equity: total('EQUITY') },
    };
  };

  beforeAll(async () => {
    harness = await startXeroHarness();
    // The gateway reads no BalanceSheet; this test does, as the reference, through the same connection:
    // with granular scopes that report needs its own.
    tenantId = await harness.link('org-balance-sheet', AU, [
      ...ACCOUNTING_SCOPES,
      ...PAYROLL_SCOPES,
      'accounting.reports.balancesheet.read',
    ]);
    key = await harness.gateway.createKey('org-balance-sheet');
    await harness.gateway.gateway.services.sync!.scheduler.trigger(tenantId);
  });
  afterAll(() => harness?.stop());

  it('equals the report line for line, with the same section totals, at both dates', async () => {
    const from = daysAgo(60);
    const to = today();
    const sheet = await ours(from, to);
    for (const [date, side] of [
      [from, 'atFrom'],
      [to, 'atTo'],
    ] as const) {
      const report = await xeroReport(date);
      const mine = await asReport(sheet, side);
      const nonZero = new Map([...report.lines].filter(([, amount]) => amount !== 0));
      expect(
        new Map([...mine.lines].filter(([, amount]) => amount !== 0)),
        `balance sheet at ${date}`,
      ).toEqual(nonZero);
      expect(mine.totals, `totals at ${date}`).toEqual(report.totals);
    }
    expect(sheet.sections.find((s) => s.class === 'ASSET')!.lines.length).toBeGreaterThan(1);
  });

  it('recording a payment moves receivables down and the bank up by its amount, as in Xero', async () => {
    const org = harness.organisation(AU).tenantId;
    const [invoice] = await db().query(
      `SELECT xero_id FROM invoices WHERE tenant_id = $1 AND type = 'CUSTOMER' AND status = 'AUTHORISED'
          AND balance >= 25 AND currency = 'AUD' ORDER BY transaction_number LIMIT 1`,
      [tenantId],
    );
    const [bank] = await db().query(
      `SELECT id, xero_id FROM accounts WHERE tenant_id = $1 AND code = '090'`,
      [tenantId],
    );
    const [receivables] = await db().query(
      `SELECT a.id FROM account_system_roles r JOIN accounts a ON a.id = r.account_id
        WHERE r.tenant_id = $1 AND r.system_account = 'DEBTORS'`,
      [tenantId],
    );
    const lineOf = (sheet: Awaited<ReturnType<typeof ours>>, accountId: string) =>
      Number(sheet.sections.flatMap((s) => s.lines).find((l) => l.accountId === accountId)?.atTo ?? 0);
    const before = await ours(daysAgo(1), today());
    await harness.control('POST', `/__emulator/orgs/${org}/payments`, {
      Invoice: { InvoiceID: invoice.xero_id },
      Account: { Code: '090' },
      Amount: 25,
      Date: today(),
    });
    await harness.gateway.gateway.services.sync!.scheduler.trigger(tenantId);
    const after = await ours(daysAgo(1), today());
    expect(lineOf(after, bank.id) - lineOf(before, bank.id)).toBeCloseTo(25, 2);
    expect(lineOf(after, receivables.id) - lineOf(before, receivables.id)).toBeCloseTo(-25, 2);
    const report = await xeroReport(today());
    expect((await asReport(after, 'atTo')).lines.get(bank.xero_id)).toBe(report.lines.get(bank.xero_id));
    // Derived from the documents, not only from the new snapshot: nothing is left unexplained.
    const residuals = await db().query(
      `SELECT count(*)::int AS n FROM account_balances WHERE tenant_id = $1 AND date = $2 AND residual <> 0`,
      [tenantId, today()],
    );
    expect(residuals[0].n).toBe(0);
  });
});
