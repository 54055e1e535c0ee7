import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './control/fault-injector.js';
import { randomToken } from './core/ids.js';
import { RateLimiter } from './core/rate-limiter.js';
import { todayDate } from './core/xero-date.js';
import { GRANULAR_SCOPES_FROM } from './identity/scopes.js';
import { TokenStore } from './identity/token-store.js';
import { seedOrganisations } from './seed/seed.js';
import { isIsoDate } from './seed/seed-calendar.js';
import { createHandler } from './server.js';
import { Clock } from './state/clock.js';
import { loadState, saveState, serialiseState } from './state/data-file.js';
import type { EmulatorConfig, EmulatorContext } from './state/emulator-context.js';
import type { OrgState } from './state/org-state.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';

export interface XeroEmulatorOptions {
  port?: number;
  host?: string;
  seed?: 'demo' | 'empty';
  scale?: number;
  /**
   * The day (`YYYY-MM-DD`) the demo seed is placed for: its documents fall in the weeks up to it (see
   * seed/seed-calendar.ts). Default: today in UTC. Tests pass a fixed day (REFERENCE_TODAY).
   */
  today?: string;
  webhookUrl?: string;
  webhookKey?: string;
  clientId?: string;
  clientSecret?: string;
  /**
   * When the client app was created (`YYYY-MM-DD`). Xero refuses the broad scopes (accounting.transactions,
   * accounting.reports.read) to apps created on or after 2026-03-02; default 2026-03-02, a new app.
   */
  clientCreatedOn?: string;
  limits?: {
    concurrent?: number;
    perMinute?: number;
    perDay?: number;
    appPerMinute?: number;
    windowMs?: number;
  };
  webhookBatchDelayMs?: number;
  dataFile?: string;
  /** How long a used refresh token keeps working after rotation (Xero allows 30 minutes). */
  refreshTokenGraceMs?: number;
  /** First retry delay for failed webhook deliveries; doubles per attempt. */
  webhookRetryBaseMs?: number;
}

export interface RunningXeroEmulator {
  url: string;
  clientId: string;
  clientSecret: string;
  webhookKey: string;
  organisations: Array<{ tenantId: string; name: string; countryCode: string; baseCurrency: string }>;
  stop(): Promise<void>;
}

export const DEMO_CLIENT_ID = 'EMULATORDEMOCLIENT0000000000000A';
export const DEMO_CLIENT_SECRET = 'emulator-demo-client-secret-do-not-use-in-production';
export const DEMO_WEBHOOK_KEY = 'emulator-demo-webhook-key-0000000000000000000000000000000000000000000000';

/** Starts a local Xero (Accounting, Payroll AU/US, Identity, webhooks, control API) on an HTTP port. */
export async function startXeroEmulator(options: XeroEmulatorOptions = {}): Promise<RunningXeroEmulator> {
  const config: EmulatorConfig = {
    url: '',
    clientId: options.clientId ?? DEMO_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEMO_CLIENT_SECRET,
    clientCreatedOn: options.clientCreatedOn ?? GRANULAR_SCOPES_FROM,
    webhookKey: options.webhookKey ?? DEMO_WEBHOOK_KEY,
    webhookUrl: options.webhookUrl,
    webhookBatchDelayMs: options.webhookBatchDelayMs ?? 200,
    webhookRetryBaseMs: options.webhookRetryBaseMs ?? 1000,
    refreshTokenGraceMs: options.refreshTokenGraceMs ?? 30 * 60_000,
    accessTokenTtlMs: 30 * 60_000,
    limits: {
      concurrent: 5,
      perMinute: 60,
      perDay: 5000,
      appPerMinute: 10_000,
      windowMs: 60_000,
      ...options.limits,
    },
    providerName: 'Xero Emulator',
    seed: options.seed ?? 'demo',
    scale: options.scale ?? 0,
    today: options.today ?? todayDate(),
  };
  if (!isIsoDate(config.today)) throw new Error(`today must be a YYYY-MM-DD date, not "${config.today}"`);
  if (!isIsoDate(config.clientCreatedOn))
    throw new Error(`clientCreatedOn must be a YYYY-MM-DD date, not "${config.clientCreatedOn}"`);
  const clock = new Clock();
  const tokens = new TokenStore({
    get accessTokenTtlMs() {
      return config.accessTokenTtlMs;
    },
    get refreshTokenGraceMs() {
      return config.refreshTokenGraceMs;
    },
    signingSecret: randomToken(32),
    issuer: () => config.url,
  });
  const orgs = new Map<string, OrgState>();
  const setOrgs = (list: OrgState[]) => {
    orgs.clear();
    for (const o of list) orgs.set(o.tenantId, o);
  };
  let saveTimer: NodeJS.Timeout | undefined;
  const save = () => {
    saveTimer = undefined;
    if (options.dataFile) saveState(options.dataFile, serialiseState(orgs.values(), tokens));
  };
  const emu: EmulatorContext = {
    config,
    orgs,
    clock,
    tokens,
    limiter: new RateLimiter(config.limits),
    faults: new FaultInjector(),
    webhooks: new WebhookDispatcher({
      url: () => config.webhookUrl,
      key: () => config.webhookKey,
      batchDelayMs: () => config.webhookBatchDelayMs,
      retryBaseMs: () => config.webhookRetryBaseMs,
    }),
    calls: new Map(),
    markDirty() {
      if (options.dataFile && !saveTimer) saveTimer = setTimeout(save, 250);
    },
    emit(org, category, resourceId, type) {
      const path = category === 'CONTACT' ? 'Contacts' : category === 'INVOICE' ? 'Invoices' : 'CreditNotes';
      emu.webhooks.enqueue({
        resourceUrl: `${config.url}/api.xro/2.0/${path}/${resourceId}`,
        resourceId,
        eventDateUtc: new Date().toISOString().replace('Z', ''),
        eventType: type,
        eventCategory: category,
        tenantId: org.tenantId,
        tenantType: 'ORGANISATION',
      });
    },
    reseed(seed, scale, today) {
      const seeded = seedOrganisations(seed, scale, today);
      clock.observe(seeded.lastSeedMs);
      setOrgs(seeded.orgs);
      emu.markDirty();
    },
  };
  const loaded = options.dataFile ? loadState(options.dataFile, tokens) : undefined;
  if (loaded) setOrgs(loaded);
  else emu.reseed(config.seed, config.scale, config.today);

  const server: Server = createServer(createHandler(emu));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  config.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: config.url,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    webhookKey: config.webhookKey,
    organisations: [...orgs.values()].map((o) => ({
      tenantId: o.tenantId,
      name: o.name,
      countryCode: o.countryCode,
      baseCurrency: o.baseCurrency,
    })),
    async stop() {
      emu.webhooks.stop();
      if (saveTimer) {
        clearTimeout(saveTimer);
        save();
      }
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export { intentToReceive } from './webhooks/intent-to-receive.js';
export { signWebhook, verifyWebhook } from './webhooks/signature.js';
