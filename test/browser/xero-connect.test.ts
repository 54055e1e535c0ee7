import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchBrowser } from '../support/browser.js';
import { connectLink, XERO_CONNECTIONS, type XeroConnectionView } from '../support/xero-connect.js';
import { startXeroHarness, type XeroHarness } from '../support/xero-harness.js';

type Calls = Record<string, number>;

describe('connecting Xero from headless Chromium against the emulator', () => {
  let h: XeroHarness;
  let browser: Browser;
  const requested: string[] = [];
  const services = () => h.gateway.gateway.services;
  const tenantId = async (name: string) =>
    (await services().db.query('SELECT id FROM tenants WHERE name = $1', [name]))[0].id as string;
  const connectionsOf = async (key: string) =>
    (await h.gateway.graphql<{ xeroConnections: XeroConnectionView[] }>(XERO_CONNECTIONS, {}, key)).data
      ?.xeroConnections ?? [];

  beforeAll(async () => {
    h = await startXeroHarness();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });

  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    page.on('request', (request) => requested.push(request.url()));
    return page;
  };

  /** Opens a connect link, sets "Allow Payroll Access", presses Connect and lands on Xero's consent page. */
  const startConnect = async (page: Page, adminKey: string, payroll: boolean) => {
    await page.goto(await connectLink(h.gateway, adminKey));
    await page.getByRole('heading', { name: 'Connect Xero' }).waitFor();
    await page.locator('#allow-payroll').setChecked(payroll);
    await Promise.all([page.waitForURL(`${h.emulator.url}/connect/authorize**`), page.click('#connect')]);
  };

  /** On the emulator's consent page: choose exactly one organisation and allow. */
  const chooseOrganisation = async (page: Page, country: string) => {
    for (const box of await page.locator('input[name="tenant"]').all()) await box.setChecked(false);
    await page.locator(`[data-testid="org-${country}"]`).check();
    await page.click('#allow');
  };

  it('connects the AU organisation with payroll, lists it and syncs its data', async () => {
    const admin = await h.gateway.createKey('browser-au');
    const page = await newPage();
    await startConnect(page, admin, true);
    expect(await page.locator('#allow-payroll').isChecked()).toBe(true);
    await chooseOrganisation(page, 'AU');
    await page.waitForURL(`${h.gateway.url}/connect/xero/callback**`);
    await page.getByRole('heading', { name: 'Xero connected' }).waitFor();
    expect(await page.locator('td.organisation').allTextContents()).toEqual(['Demo Company (AU)']);
    expect(await page.locator('tr[data-outcome]').first().textContent()).toContain('AU / AUD');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'xero-connect-result.png') });

    await services().sync!.scheduler.trigger(await tenantId('browser-au'));
    const data = await h.gateway.graphql<{
      invoices: { totalCount: number };
      employees: { totalCount: number };
    }>('{ invoices(first: 1) { totalCount } employees(first: 1) { totalCount } }', {}, admin);
    expect(data.data?.invoices.totalCount).toBeGreaterThan(0);
    expect(data.data?.employees.totalCount).toBeGreaterThan(0);
    expect((await connectionsOf(admin))[0]).toMatchObject({ payrollAccess: true, status: 'ACTIVE' });
  });

  it('shows the refusal when payroll is ticked for the GBP organisation, and links nothing', async () => {
    const admin = await h.gateway.createKey('browser-uk');
    const page = await newPage();
    await startConnect(page, admin, true);
    await chooseOrganisation(page, 'GB');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      "The app has requested access to data that this organization doesn't allow",
    );
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'xero-connect-gbp-payroll.png') });
    expect(await connectionsOf(admin)).toEqual([]);
  });

  it('disconnects: the connection shows DISCONNECTED and a sync makes no Xero calls', async () => {
    const result = await h.gateway.graphql<{ disconnectXero: { connection: { status: string } } }>(
      'mutation { disconnectXero { connection { status } } }',
      {},
      await h.gateway.createKey('browser-au'),
    );
    expect(result.data?.disconnectXero.connection.status).toBe('DISCONNECTED');
    await h.control('DELETE', '/__emulator/calls');
    expect(await services().sync!.scheduler.trigger(await tenantId('browser-au'))).toBe(true);
    expect(Object.values((await h.control('GET', '/__emulator/calls')) as Calls)).toEqual([]);
  });

  it('loaded nothing but the gateway and the emulator', () => {
    const allowed = [new URL(h.gateway.url).origin, new URL(h.emulator.url).origin];
    expect(requested.filter((url) => !allowed.some((origin) => url.startsWith(origin)))).toEqual([]);
  });
});
