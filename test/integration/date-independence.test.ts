import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/xero-emulator/core/xero-date.js';
import { connectWs, wsQuery } from '../support/ws-client.js';
import { REFERENCE_TODAY, startXeroHarness } from '../support/xero-harness.js';

/**
 * The demo works on any day: for each of these days (fixed, none read from the clock: the seed's own day,
 * the day this was written, a New Year's Day, a year on, a leap day) the emulator is seeded for it, a
 * gateway syncs it, and every dashboard widget, asked the way the dashboard asks (widgetUpdated with `to`
 * = the reader's today and the default `from`), has something to show.
 */
const DAYS = [REFERENCE_TODAY, '2026-12-03', '2027-01-01', '2027-12-03', '2028-02-29'];

/** The default range's start for `to`: the first of the month eleven months before it. */
const defaultFrom = (to: string) => {
  const d = new Date(`${to}T00:00:00Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
};

const SELECTIONS: Record<string, string> = {
  INVOICE_SUMMARY:
    'invoiceSummary { to currencies { currency receivables { due byStatus { status count } } } }',
  INVOICE_LIST: 'invoiceList { contacts { name invoiceCount invoiced } }',
  SALES_GROWTH: 'salesGrowth { periods series { name total } }',
  ACCOUNT_BALANCES: 'accountBalances { periods { end } accounts { code balances } }',
  ACCOUNTS_COMPARISON: 'accountsComparison { date accounts { code balance } }',
  BALANCE_SHEET: 'balanceSheet { from to sections { class totalAtTo } }',
  EMPLOYEES_LIST: 'employeesList { employees { firstName status } }',
  TIMESHEETS: 'timesheets { periods totalWorked employees { name totalWorked } }',
};

// biome-ignore lint/suspicious/noExplicitAny: GraphQL answers, read field by field below.
type Answer = any;

describe('the demo on any day', () => {
  for (const today of DAYS) {
    it(`seeded for ${today}, every widget's default range up to ${today} has data`, async () => {
      const harness = await startXeroHarness({ today });
      try {
        const tenantId = await harness.link(`org-${today}`, 'Demo Company (AU)');
        const key = await harness.gateway.createKey(`org-${today}`);
        await harness.gateway.gateway.services.sync!.scheduler.trigger(tenantId);
        const { client } = connectWs(harness.gateway.url, key);
        const widget = async (name: string, args: Record<string, unknown>): Promise<Answer> => {
          const field = SELECTIONS[name].split(' ')[0];
          const answer = await wsQuery(
            client,
            `subscription($args: WidgetArgs) { widgetUpdated(widget: ${name}, args: $args) { ${SELECTIONS[name]} } }`,
            { args },
          );
          expect(answer.errors, `${name} at ${today}`).toBeUndefined();
          return (answer.data!.widgetUpdated as Record<string, Answer>)[field];
        };
        try {
          const range = { from: null, to: today };
          const summary = await widget('INVOICE_SUMMARY', range);
          expect(summary.to).toBe(today);
          const counts = summary.currencies.flatMap((c: Answer) =>
            c.receivables.byStatus.map((s: Answer) => s.count),
          );
          expect(
            counts.reduce((a: number, b: number) => a + b, 0),
            'receivables',
          ).toBeGreaterThan(0);

          const list = await widget('INVOICE_LIST', range);
          expect(list.contacts.length, 'customers invoiced').toBeGreaterThan(0);

          const growth = await widget('SALES_GROWTH', range);
          expect(growth.periods).toHaveLength(12);
          expect(
            growth.series.some((s: Answer) => Number(s.total) > 0),
            'items sold',
          ).toBe(true);

          const balances = await widget('ACCOUNT_BALANCES', range);
          expect(balances.periods.at(-1).end).toBe(today);
          expect(
            balances.accounts.some((a: Answer) => Number(a.balances.at(-1)) !== 0),
            'a bank balance',
          ).toBe(true);

          const comparison = await widget('ACCOUNTS_COMPARISON', range);
          expect(comparison.date).toBe(today);
          expect(comparison.accounts.some((a: Answer) => Number(a.balance) !== 0)).toBe(true);

          const sheet = await widget('BALANCE_SHEET', range);
          expect([sheet.from, sheet.to]).toEqual([defaultFrom(today), today]);
          expect(Number(sheet.sections.find((s: Answer) => s.class === 'ASSET').totalAtTo)).not.toBe(0);

          const employees = await widget('EMPLOYEES_LIST', { date: today });
          expect(employees.employees.filter((e: Answer) => e.status === 'ACTIVE').length).toBeGreaterThan(0);

          const timesheets = await widget('TIMESHEETS', range);
          expect(Number(timesheets.totalWorked), 'hours worked').toBeGreaterThan(0);
          expect(timesheets.employees.length).toBeGreaterThan(0);

          // And the range before the seed's first document has nothing: the data really moved to `today`.
          const before = await widget('INVOICE_LIST', { from: null, to: addDays(today, -120) });
          expect(before.contacts).toEqual([]);
        } finally {
          await client.dispose();
        }
      } finally {
        await harness.stop();
      }
    });
  }
});
