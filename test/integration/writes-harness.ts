import { XeroClient } from 'xero-node';
import { ALL_SCOPES } from '../../src/schema/scope.js';
import { linkXeroConnection } from '../../src/sync/connections/xero-connection.service.js';
import type { OutboundOptions } from '../../src/sync/outbound/outbound-pipeline.js';
import type { XeroSettings } from '../../src/sync/xero/xero-settings.js';
import type { OAuthTokenResponse } from '../../src/sync/xero/xero-tokens.js';
import { ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { type GraphQLResponse, startTestGateway, type TestGateway } from '../support/gateway.js';
import { waitFor } from '../support/process.js';

export const XERO_SCOPES = [
  'offline_access',
  'accounting.transactions',
  'accounting.contacts',
  'accounting.settings',
  'accounting.reports.read',
  'payroll.employees',
  'payroll.payruns',
  'payroll.timesheets',
  'payroll.settings',
];

/** Short timings so retries are seen within a test. */
export const FAST_OUTBOUND: Partial<OutboundOptions> = {
  pollIntervalMs: 100,
  retryBaseMs: 100,
  retryMaxMs: 1000,
  mutationDeadlineMs: 5000,
};

export const GATEWAY_ENV = {
  XERO_CALLS_PER_WINDOW: '100000',
  XERO_CALLS_PER_DAY: '1000000',
  XERO_MAX_RETRIES: '1',
  XERO_TIMEOUT_MS: '3000',
};

export interface WriteHarness {
  emulator: RunningXeroEmulator;
  gateway: TestGateway;
  settings: XeroSettings;
  tenantId: string;
  xeroTenantId: string;
  apiKey: string;
  tokens: OAuthTokenResponse;
  /** A xero-node client on the emulator, to check what Xero holds. */
  xero: XeroClient;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Adds a fault to the emulator; returns its id. */
  fault(spec: Record<string, unknown>): Promise<string>;
  clearFaults(): Promise<void>;
  count(sql: string, params?: unknown[]): Promise<number>;
  /** Cached Connec! id of a record by its Xero id (or an SQL condition). */
  idOf(table: string, where: string, params?: unknown[]): Promise<string>;
  stop(): Promise<void>;
}

export function emulatorSettings(emulator: RunningXeroEmulator): XeroSettings {
  return {
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    apiUrl: emulator.url,
    identityUrl: emulator.url,
    loginUrl: emulator.url,
    webhookKey: emulator.webhookKey,
  };
}

export async function emulatorTokens(
  emulator: RunningXeroEmulator,
  xeroTenantId: string,
): Promise<OAuthTokenResponse> {
  const response = await fetch(`${emulator.url}/__emulator/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantIds: [xeroTenantId], scopes: XERO_SCOPES }),
  });
  return (await response.json()) as OAuthTokenResponse;
}

export function xeroClient(emulator: RunningXeroEmulator, tokens: OAuthTokenResponse): XeroClient {
  const client = new XeroClient({ clientId: emulator.clientId, clientSecret: emulator.clientSecret });
  client.accountingApi.basePath = `${emulator.url}/api.xro/2.0`;
  client.payrollAUApi.basePath = `${emulator.url}/payroll.xro/1.0`;
  client.setTokenSet({ access_token: tokens.access_token, token_type: 'Bearer' });
  return client;
}

/** The emulator (demo seed), a gateway pointed at it, a tenant linked to one organisation and synced once. */
export async function startWriteHarness(
  organisation = 'Demo Company (AU)',
  options: { provider?: string } = {},
): Promise<WriteHarness> {
  const emulator = await startXeroEmulator({
    today: REFERENCE_TODAY,
    seed: 'demo',
    port: 0,
    limits: { perMinute: 100_000, perDay: 1_000_000, concurrent: 50 },
  });
  const settings = emulatorSettings(emulator);
  const gateway = await startTestGateway(GATEWAY_ENV, { xeroSettings: settings, outbound: FAST_OUTBOUND });
  const services = gateway.gateway.services;
  const db = services.db;
  const tenant = await ensureTenant(db, 'acme');
  const apiKey = await gateway.createKey('acme', ALL_SCOPES, options.provider ?? 'crm');
  const xeroTenantId = emulator.organisations.find((org) => org.name === organisation)!.tenantId;
  const tokens = await emulatorTokens(emulator, xeroTenantId);
  await linkXeroConnection(db, services.sync!.xero, { tenantId: tenant.id, xeroTenantId, tokens });
  await services.sync!.scheduler.trigger(tenant.id);
  const control = (path: string, method: string, body?: unknown) =>
    fetch(`${emulator.url}/__emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    emulator,
    gateway,
    settings,
    tenantId: tenant.id,
    xeroTenantId,
    apiKey,
    tokens,
    xero: xeroClient(emulator, tokens),
    graphql: (query, variables) => gateway.graphql(query, variables, apiKey),
    async fault(spec) {
      const response = await control('faults', 'POST', spec);
      return ((await response.json()) as { id: string }).id;
    },
    async clearFaults() {
      await control('faults', 'DELETE');
    },
    async count(sql, params = []) {
      const rows: Array<{ n: string }> = await db.query(sql, params);
      return Number(rows[0].n);
    },
    async idOf(table, where, params = []) {
      const rows: Array<{ id: string }> = await db.query(
        `SELECT id FROM "${table}" WHERE tenant_id = $1 AND ${where} LIMIT 1`,
        [tenant.id, ...params],
      );
      if (!rows[0]) throw new Error(`no ${table} where ${where}`);
      return rows[0].id;
    },
    async stop() {
      await gateway.stop();
      await emulator.stop();
    },
  };
}

/** Invoices in the emulator with this reference (counting what Xero holds, via xero-node). */
export async function xeroInvoicesByReference(harness: WriteHarness, reference: string) {
  const { body } = await harness.xero.accountingApi.getInvoices(
    harness.xeroTenantId,
    undefined,
    `Reference=="${reference}"`,
  );
  return body.invoices ?? [];
}

export async function waitForOpsDone(harness: WriteHarness, timeoutMs = 20_000): Promise<void> {
  await waitFor(
    async () =>
      (await harness.count(`SELECT count(*) n FROM outbound_ops WHERE status = 'PENDING'`)) === 0
        ? true
        : undefined,
    timeoutMs,
    () => 'outbound ops still pending',
  );
}

export const INVOICE_FIELDS = `
  record {
    id syncStatus status type transactionNumber reference organizationId currency taxCalculation
    updatedAt
    amount { netAmount taxAmount totalAmount }
    lines { lineNumber description quantity unitPrice itemId accountId taxCodeId amount { netAmount taxAmount totalAmount } }
  }
  syncStatus warnings operationId`;

/**
 * A second tenant of the gateway, linked to `organisation` with accounting scopes only (no payroll
 * access granted, rule 15); answers its API key.
 */
export async function linkWithoutPayroll(h: WriteHarness, organisation: string): Promise<string> {
  const services = h.gateway.gateway.services;
  const name = `nopayroll-${Math.random().toString(36).slice(2, 10)}`;
  const tenant = await ensureTenant(services.db, name);
  const key = await h.gateway.createKey(name, ALL_SCOPES, 'hr');
  const xeroTenantId = h.emulator.organisations.find((org) => org.name === organisation)!.tenantId;
  const response = await fetch(`${h.emulator.url}/__emulator/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      tenantIds: [xeroTenantId],
      scopes: XERO_SCOPES.filter((scope) => !scope.startsWith('payroll')),
    }),
  });
  const tokens = (await response.json()) as OAuthTokenResponse;
  await linkXeroConnection(services.db, services.sync!.xero, { tenantId: tenant.id, xeroTenantId, tokens });
  return key;
}

/** GETs a legacy US payroll resource from the emulator as raw JSON (xero-node has no client for it). */
export async function usPayrollGet<T>(h: WriteHarness, path: string): Promise<T> {
  const response = await fetch(`${h.emulator.url}/payroll.xro/1.0${path}`, {
    headers: {
      authorization: `Bearer ${h.tokens.access_token}`,
      'xero-tenant-id': h.xeroTenantId,
      accept: 'application/json',
    },
  });
  return (await response.json()) as T;
}

/** Rule 15's refusals: [label, organisation linked without payroll, what the PAYROLL_NOT_ENABLED message says]. */
export const PAYROLL_NOT_ENABLED_CASES: Array<[string, string, RegExp]> = [
  ['an organisation outside AU and US', 'Demo Company (UK)', /Australian and US organisations only/],
  [
    'an AU organisation connected without payroll access',
    'Demo Company (AU)',
    /payroll access was not granted/,
  ],
];
