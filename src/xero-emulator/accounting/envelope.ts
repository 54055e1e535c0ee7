import { randomUUID } from 'node:crypto';
import { sendJson } from '../core/http.js';
import type { Pagination } from '../core/list-query.js';
import { msDateNoOffset } from '../core/xero-date.js';
import type { ApiContext } from '../state/emulator-context.js';

export function envelope(
  ctx: ApiContext,
  key: string,
  items: unknown,
  pagination?: Pagination,
): Record<string, unknown> {
  return {
    Id: randomUUID(),
    Status: 'OK',
    ProviderName: ctx.emu.config.providerName,
    DateTimeUTC: msDateNoOffset(Date.now()),
    ...(pagination ? { pagination } : {}),
    [key]: items,
  };
}

export function sendEnvelope(ctx: ApiContext, key: string, items: unknown, pagination?: Pagination): void {
  sendJson(ctx.res, 200, envelope(ctx, key, items, pagination));
}
