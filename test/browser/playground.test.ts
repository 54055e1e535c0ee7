import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertEntities } from '../../src/cache/upsert.js';
import { ARTIFACTS_DIR, launchBrowser } from '../support/browser.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { waitFor } from '../support/process.js';

describe('the playground in headless Chromium', () => {
  let gateway: TestGateway;
  let browser: Browser;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'playground-'));
    await chmod(dataDir, 0o755);
    gateway = await startTestGateway({ DEMO_MODE: 'true', DATA_DIR: dataDir });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loads only from the gateway, runs viewer with the prefilled demo key and shows the answer', async () => {
    const page = await browser.newPage();
    const origin = new URL(gateway.url).origin;
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
    });
    await page.goto(`${gateway.url}/graphql`, { headers: { accept: 'text/html' } } as never);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    const result = page.locator('.result-window');
    await expect
      .poll(async () => (await result.textContent()) ?? '', { timeout: 15_000 })
      .toContain('org-demo');
    expect(await result.textContent()).toContain('"provider": "dashboard"');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'playground-viewer.png') });
    expect(foreign).toEqual([]);
  });

  it('runs a subscription over graphql-ws and shows each change as it happens', async () => {
    const context = await browser.newContext(); // no tabs remembered from the other tests
    const page = await context.newPage();
    await page.goto(`${gateway.url}/playground`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
    await page.click('.graphiql-query-editor .CodeMirror');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(
      'subscription Changes { entityChanged(types: [Item]) { cursor action entity { ... on Item { code } } } }',
    );
    // GraphiQL reads the operation name from the editor after a short debounce; the tab takes its name then.
    // Running before that would send the tab's previous operation name.
    await page.locator('.graphiql-tab', { hasText: 'Changes' }).waitFor({ timeout: 15_000 });
    await page.click('.graphiql-execute-button');
    // The change must come after the subscription is registered (without `since` it starts at the present).
    await waitFor(() => (gateway.gateway.services.events.subscriberCount() > 0 ? true : undefined), 15_000);
    const db = gateway.gateway.services.db;
    const [tenant] = await db.query(`SELECT id FROM tenants WHERE name = 'org-demo'`);
    await upsertEntities(db.manager, tenant.id, 'Item', [{ fields: { code: 'LIVE-1', name: 'Seen live' } }], {
      source: 'test',
    });
    const result = page.locator('.result-window');
    await expect
      .poll(async () => (await result.textContent()) ?? '', { timeout: 15_000 })
      .toContain('LIVE-1');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'playground-subscription.png') });
  });

  it('serves the docs explorer with field descriptions', async () => {
    const page = await browser.newPage();
    await page.goto(`${gateway.url}/playground`);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
    await page.click('button[aria-label="Show Documentation Explorer"]');
    await page.getByText('Query', { exact: true }).first().click();
    await expect
      .poll(async () => (await page.content()).includes('Who is calling'), { timeout: 15_000 })
      .toBe(true);
  });
});
