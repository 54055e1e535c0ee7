import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRange } from '../../src/widgets/widget-period.js';
import { ARTIFACTS_DIR, launchBrowser } from '../support/browser.js';
import { REFERENCE_TODAY, startXeroHarness, type XeroHarness } from '../support/xero-harness.js';

const AU = 'Demo Company (AU)';
const WIDGETS = [
  'INVOICE_SUMMARY',
  'INVOICE_LIST',
  'SALES_GROWTH',
  'ACCOUNT_BALANCES',
  'ACCOUNTS_COMPARISON',
  'BALANCE_SHEET',
  'EMPLOYEES_LIST',
  'TIMESHEETS',
];

/** The page believes it is noon UTC on `day` (its clock still runs: timers, sockets and charts work). */
const pageOn = (page: Page, day: string) => page.clock.install({ time: new Date(`${day}T12:00:00Z`) });

describe('the dashboard in headless Chromium', () => {
  let harness: XeroHarness;
  let browser: Browser;
  let key: string;
  let tenantId: string;

  beforeAll(async () => {
    harness = await startXeroHarness({ webhookBatchDelayMs: 20 });
    tenantId = await harness.link('org-dashboard', AU);
    key = await harness.gateway.createKey('org-dashboard');
    await harness.control('PUT', '/__emulator/webhook', { url: `${harness.gateway.url}/webhooks/xero` });
    await harness.gateway.gateway.services.sync!.scheduler.trigger(tenantId);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('asks for a key, then draws every widget from the synced organisation, loading nothing from elsewhere', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 2200 } });
    await pageOn(page, REFERENCE_TODAY);
    const origin = new URL(harness.gateway.url).origin;
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) foreign.push(request.url());
    });
    page.on('pageerror', (error) => console.log('page error:', error.message));
    await page.goto(`${harness.gateway.url}/dashboard`);
    await page.locator('#key-form input[name="key"]').fill(key);
    await page.locator('#key-form button').click();
    for (const widget of WIDGETS) {
      await page.waitForSelector(`section[data-widget="${widget}"][data-state="ready"]`, { timeout: 15_000 });
    }
    for (const chart of [
      'INVOICE_SUMMARY',
      'SALES_GROWTH',
      'ACCOUNT_BALANCES',
      'ACCOUNTS_COMPARISON',
      'TIMESHEETS',
    ]) {
      expect(await page.locator(`canvas[data-chart="${chart}"]`).count(), chart).toBe(1);
    }
    expect(await page.locator('section[data-widget="INVOICE_LIST"] tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('section[data-widget="BALANCE_SHEET"] tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('section[data-widget="EMPLOYEES_LIST"] tbody tr').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#sync-status').textContent()).toContain('last sync');
    expect(await page.locator('#error').isHidden()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'dashboard.png'), fullPage: true });
    expect(foreign).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('connec-dashboard-key'))).toBe(key);
    await page.close();
  });

  it('shows an invoice changed in Xero within 2 seconds, without a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
    await pageOn(page, REFERENCE_TODAY);
    await page.addInitScript((apiKey) => localStorage.setItem('connec-dashboard-key', apiKey), key);
    await page.goto(`${harness.gateway.url}/dashboard`);
    const list = page.locator('section[data-widget="INVOICE_LIST"]');
    await page.waitForSelector('section[data-widget="INVOICE_LIST"][data-state="ready"]', {
      timeout: 15_000,
    });
    const db = harness.gateway.gateway.services.db;
    // An invoice Xero lets one edit (nothing paid or credited on it) inside the page's default range,
    // which ends on the page's (and the seed's) today.
    const range = resolveRange(null, REFERENCE_TODAY);
    const [invoice] = await db.query(
      `SELECT i.xero_id, o.name FROM invoices i JOIN organizations o ON o.id = i.organization_id
        WHERE i.tenant_id = $1 AND i.type = 'CUSTOMER' AND i.status = 'AUTHORISED' AND i.paid_amount = 0
          AND i.balance = i.total_amount AND i.transaction_date BETWEEN $2 AND $3 ORDER BY i.transaction_number LIMIT 1`,
      [tenantId, range.from, range.to],
    );
    expect(invoice).toBeDefined();
    const updatesBefore = Number(await list.getAttribute('data-updates'));
    const org = harness.organisation(AU).tenantId;
    const started = Date.now();
    await harness.control('POST', `/__emulator/orgs/${org}/invoices/${invoice.xero_id}`, {
      LineItems: [
        {
          Description: 'Dashboard test',
          Quantity: 1,
          UnitAmount: 98765.43,
          AccountCode: '200',
          TaxType: 'NONE',
        },
      ],
      LineAmountTypes: 'NoTax',
    });
    await page.waitForFunction(
      (before) =>
        Number(document.querySelector('section[data-widget="INVOICE_LIST"]')?.getAttribute('data-updates')) >
        before,
      updatesBefore,
      { timeout: 2000 },
    );
    await expect.poll(() => list.textContent(), { timeout: 2000 }).toContain('98,765.43');
    const elapsed = Date.now() - started;
    console.info(`invoice changed in Xero -> on the dashboard: ${elapsed} ms`);
    expect(elapsed).toBeLessThan(2000);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'dashboard-live-update.png'), fullPage: true });
    await page.close();
  });

  it('with the seed and the page a year ahead, the default range shows that year; the page’s clock decides it', async () => {
    const later = '2027-12-03';
    const ahead = await startXeroHarness({ today: later });
    try {
      const aheadTenant = await ahead.link('org-dashboard-ahead', AU);
      const aheadKey = await ahead.gateway.createKey('org-dashboard-ahead');
      await ahead.gateway.gateway.services.sync!.scheduler.trigger(aheadTenant);
      const open = async (day: string) => {
        const page = await browser.newPage({ viewport: { width: 1400, height: 2200 } });
        await pageOn(page, day);
        await page.addInitScript((apiKey) => localStorage.setItem('connec-dashboard-key', apiKey), aheadKey);
        await page.goto(`${ahead.gateway.url}/dashboard`);
        for (const widget of WIDGETS)
          await page.waitForSelector(`section[data-widget="${widget}"][data-state="ready"]`, {
            timeout: 15_000,
          });
        const everyone = (widget: string) =>
          page.locator(`section[data-widget="${widget}"] tr.total td`).nth(1).textContent();
        return {
          page,
          customers: await page.locator('section[data-widget="INVOICE_LIST"] tbody tr').count(),
          worked: Number(await everyone('TIMESHEETS')),
          summary: await page.locator('section[data-widget="INVOICE_SUMMARY"] .body').textContent(),
        };
      };
      const onTime = await open(later);
      expect(onTime.customers).toBeGreaterThan(0);
      expect(onTime.worked).toBeGreaterThan(0);
      expect(onTime.summary).not.toContain('No invoices');
      expect(await onTime.page.locator('#error').isHidden()).toBe(true);
      await onTime.page.screenshot({
        path: path.join(ARTIFACTS_DIR, 'dashboard-year-ahead.png'),
        fullPage: true,
      });
      await onTime.page.close();
      // The same gateway and data, read by a page a year behind them: its range ends before any of it.
      const behind = await open('2026-12-03');
      expect(behind.customers).toBe(0);
      expect(behind.worked).toBe(0);
      await behind.page.close();
    } finally {
      await ahead.stop();
    }
  });

  it('the playground opens a saved query for every widget, as tabs', async () => {
    const page = await browser.newPage();
    await page.goto(`${harness.gateway.url}/playground`);
    await page.waitForSelector('.graphiql-tab', { timeout: 30_000 });
    const titles = await page.locator('.graphiql-tab').allTextContents();
    for (const name of [
      'InvoiceListWidget',
      'InvoiceSummaryWidget',
      'SalesGrowthWidget',
      'AccountBalancesWidget',
      'AccountsComparisonWidget',
      'BalanceSheetWidget',
      'EmployeesListWidget',
      'TimesheetsWidget',
      'LiveInvoiceSummary',
    ]) {
      expect(titles.join(' '), name).toContain(name);
    }
    await page.close();
  });
});
