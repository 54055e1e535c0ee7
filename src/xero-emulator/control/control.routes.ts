import { accountWriter } from '../accounting/accounts.routes.js';
import { contactWriter } from '../accounting/contacts.routes.js';
import { creditNoteWriter } from '../accounting/credit-notes.routes.js';
import { invoiceWriter } from '../accounting/invoices.routes.js';
import { itemWriter } from '../accounting/items.routes.js';
import { paymentWriter } from '../accounting/payments.routes.js';
import { purchaseOrderWriter } from '../accounting/purchase-orders.routes.js';
import { type ResourceWriter, writeOne } from '../accounting/write-pipeline.js';
import { type Rec, XeroHttpError } from '../core/errors.js';
import { sendJson, sendText } from '../core/http.js';
import { Router } from '../core/router.js';
import { isIsoDate } from '../seed/seed-calendar.js';
import type { EmulatorContext } from '../state/emulator-context.js';
import { intentToReceive } from '../webhooks/intent-to-receive.js';
import type { FaultSpec } from './fault-injector.js';

const WRITERS: Record<string, ResourceWriter> = {
  contacts: contactWriter,
  items: itemWriter,
  invoices: invoiceWriter,
  creditnotes: creditNoteWriter,
  payments: paymentWriter,
  purchaseorders: purchaseOrderWriter,
  accounts: accountWriter,
};

const ALL_SCOPES = [
  'openid',
  'profile',
  'email',
  'offline_access',
  'accounting.transactions',
  'accounting.contacts',
  'accounting.settings',
  'accounting.reports.read',
  'payroll.employees',
  'payroll.payruns',
  'payroll.payslip',
  'payroll.timesheets',
  'payroll.settings',
];

function json(body: Buffer): Rec {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as Rec;
  } catch {
    throw new XeroHttpError(400, { error: 'invalid JSON body' });
  }
}

/** The admin API for tests and demos: no auth, JSON in and out. */
export function controlRouter(emu: EmulatorContext): Router {
  const r = new Router();
  const orgOr404 = (tenantId: string) => {
    const org = emu.orgs.get(tenantId.toLowerCase());
    if (!org) throw new XeroHttpError(404, { error: `unknown tenant ${tenantId}` });
    return org;
  };

  r.add('GET', '/__emulator/state', ({ res }) => {
    sendJson(res, 200, {
      url: emu.config.url,
      clientId: emu.config.clientId,
      clientCreatedOn: emu.config.clientCreatedOn,
      webhookUrl: emu.config.webhookUrl ?? null,
      limits: emu.config.limits,
      organisations: [...emu.orgs.values()].map((o) => ({
        tenantId: o.tenantId,
        name: o.name,
        countryCode: o.countryCode,
        baseCurrency: o.baseCurrency,
        payrollRegion: o.payrollRegion,
        counts: {
          contacts: o.contacts.size,
          items: o.items.size,
          invoices: o.invoices.size,
          creditNotes: o.creditNotes.size,
          payments: o.payments.size,
          employees: o.payroll.employees.size,
        },
      })),
    });
  });
  r.add('POST', '/__emulator/reset', ({ res, body }) => {
    const b = json(body);
    const today = b.today ?? emu.config.today;
    if (!isIsoDate(today)) throw new XeroHttpError(400, { error: 'today must be a YYYY-MM-DD date' });
    emu.reseed((b.seed as 'demo' | 'empty') ?? emu.config.seed, Number(b.scale ?? 0), today);
    if (b.tokens === true) emu.tokens.revokeAll();
    emu.calls.clear();
    emu.faults.clear();
    emu.limiter.reset();
    sendJson(res, 200, { ok: true });
  });
  r.add('POST', '/__emulator/tokens', ({ res, body }) => {
    const b = json(body);
    const tenantIds = ((b.tenantIds as string[] | undefined) ?? [...emu.orgs.keys()]).map((t) =>
      t.toLowerCase(),
    );
    for (const t of tenantIds) orgOr404(t);
    const scopes = (b.scopes as string[] | undefined) ?? ALL_SCOPES;
    const now = Date.now();
    const grant = emu.tokens.createGrant(emu.config.clientId, tenantIds, scopes, now);
    emu.markDirty();
    sendJson(res, 200, emu.tokens.issue(grant, now, { withRefresh: true }));
  });
  r.add('POST', '/__emulator/revoke', ({ res, body }) => {
    const b = json(body);
    if (b.all === true) emu.tokens.revokeAll();
    if (typeof b.token === 'string') emu.tokens.revokeByToken(b.token);
    if (b.expireAccessTokens === true) emu.tokens.expireAccessTokens();
    emu.markDirty();
    sendJson(res, 200, { ok: true });
  });
  r.add('PUT', '/__emulator/config', ({ res, body }) => {
    const b = json(body);
    if (b.limits && typeof b.limits === 'object') Object.assign(emu.config.limits, b.limits);
    for (const k of [
      'refreshTokenGraceMs',
      'accessTokenTtlMs',
      'webhookBatchDelayMs',
      'webhookRetryBaseMs',
    ] as const) {
      if (typeof b[k] === 'number') emu.config[k] = b[k] as number;
    }
    if (b.clientCreatedOn !== undefined) {
      if (!isIsoDate(b.clientCreatedOn))
        throw new XeroHttpError(400, { error: 'clientCreatedOn must be a YYYY-MM-DD date' });
      emu.config.clientCreatedOn = b.clientCreatedOn;
    }
    sendJson(res, 200, { ok: true, limits: emu.config.limits });
  });
  r.add('GET', '/__emulator/calls', ({ res }) => sendJson(res, 200, Object.fromEntries(emu.calls)));
  r.add('DELETE', '/__emulator/calls', ({ res }) => {
    emu.calls.clear();
    sendJson(res, 200, { ok: true });
  });
  r.add('GET', '/__emulator/faults', ({ res }) => sendJson(res, 200, emu.faults.list()));
  r.add('POST', '/__emulator/faults', ({ res, body }) => {
    const spec = json(body) as unknown as FaultSpec;
    if (!['latency', 'error', 'rate-limit', 'drop'].includes(spec.kind))
      throw new XeroHttpError(400, { error: 'kind must be latency|error|rate-limit|drop' });
    const { regex: _r, ...fault } = emu.faults.add(spec);
    sendJson(res, 200, fault);
  });
  r.add('DELETE', '/__emulator/faults', ({ res }) => {
    emu.faults.clear();
    sendJson(res, 200, { ok: true });
  });
  r.add('DELETE', '/__emulator/faults/:id', ({ res, params }) =>
    sendJson(res, emu.faults.remove(params.id) ? 200 : 404, {}),
  );
  r.add('GET', '/__emulator/webhook', ({ res }) =>
    sendJson(res, 200, { url: emu.config.webhookUrl ?? null, deliveries: emu.webhooks.deliveries }),
  );
  r.add('PUT', '/__emulator/webhook', ({ res, body }) => {
    const b = json(body);
    emu.config.webhookUrl = typeof b.url === 'string' && b.url ? b.url : undefined;
    if (typeof b.key === 'string' && b.key) emu.config.webhookKey = b.key;
    sendJson(res, 200, { url: emu.config.webhookUrl ?? null });
  });
  r.add('POST', '/__emulator/webhook/flush', async ({ res }) => {
    await emu.webhooks.drain();
    sendJson(res, 200, { deliveries: emu.webhooks.deliveries });
  });
  r.add('POST', '/__emulator/intent-to-receive', async ({ res, body }) => {
    const b = json(body);
    const url = String(b.url ?? emu.config.webhookUrl ?? '');
    if (!url) throw new XeroHttpError(400, { error: 'url is required' });
    sendJson(res, 200, await intentToReceive(url, String(b.key ?? emu.config.webhookKey)));
  });
  r.add('GET', '/__emulator/orgs/:tenantId/:resource/:id', ({ res, params }) => {
    const w = WRITERS[params.resource.toLowerCase()];
    const org = orgOr404(params.tenantId);
    const rec = w?.coll(org).get(params.id);
    if (!w || !rec) return sendText(res, 404, 'not found');
    sendJson(res, 200, w.render(org, rec));
  });
  const edit = (tenantId: string, resource: string, id: string | undefined, body: Buffer) => {
    const w = WRITERS[resource.toLowerCase()];
    if (!w) throw new XeroHttpError(404, { error: `unknown resource ${resource}` });
    const org = orgOr404(tenantId);
    const existing = id ? w.coll(org).get(id) : undefined;
    if (id && !existing) throw new XeroHttpError(404, { error: `${resource} ${id} not found` });
    return writeOne(emu, org, w, json(body), existing);
  };
  r.add('POST', '/__emulator/orgs/:tenantId/:resource', ({ res, params, body }) =>
    sendJson(res, 200, edit(params.tenantId, params.resource, undefined, body)),
  );
  r.add('POST', '/__emulator/orgs/:tenantId/:resource/:id', ({ res, params, body }) =>
    sendJson(res, 200, edit(params.tenantId, params.resource, params.id, body)),
  );
  return r;
}
