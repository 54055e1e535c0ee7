import { randomUUID } from 'node:crypto';
import { sendJson } from '../core/http.js';
import type { Pagination } from '../core/list-query.js';
import { round2 } from '../core/render.js';
import { msDateNoOffset } from '../core/xero-date.js';
import type { ApiContext } from '../state/emulator-context.js';

type Rec = Record<string, unknown>;

const roundedUnit = (value: unknown) => (typeof value === 'number' ? round2(value) : value);

/**
 * Unit amounts to two decimals, as Xero answers them unless the request says `unitdp=4` ("You can opt in
 * to use four decimal places for unit amounts"): invoice and credit note lines' UnitAmount and items'
 * sale and purchase UnitPrice. Line amounts and totals are not touched: Xero computes them from the
 * amounts it holds. Purchase orders take no unitdp (neither Xero's documentation nor its OpenAPI spec
 * has it for them) and are answered as held.
 * https://developer.xero.com/documentation/api/accounting/invoices ,
 * https://developer.xero.com/documentation/api/accounting/items
 */
const UNIT_AMOUNTS: Partial<Record<string, (rec: Rec) => Rec>> = {
  Invoices: roundLines,
  CreditNotes: roundLines,
  Items: (rec) => ({
    ...rec,
    ...(isRec(rec.SalesDetails)
      ? { SalesDetails: { ...rec.SalesDetails, UnitPrice: roundedUnit(rec.SalesDetails.UnitPrice) } }
      : {}),
    ...(isRec(rec.PurchaseDetails)
      ? { PurchaseDetails: { ...rec.PurchaseDetails, UnitPrice: roundedUnit(rec.PurchaseDetails.UnitPrice) } }
      : {}),
  }),
};

function isRec(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function roundLines(rec: Rec): Rec {
  if (!Array.isArray(rec.LineItems)) return rec;
  return {
    ...rec,
    LineItems: rec.LineItems.map((line) =>
      isRec(line) ? { ...line, UnitAmount: roundedUnit(line.UnitAmount) } : line,
    ),
  };
}

/** Whether the request asked for four-decimal unit amounts (`unitdp=4`; the name in any case). */
function wantsFourDecimals(ctx: ApiContext): boolean {
  for (const [name, value] of ctx.url.searchParams) if (name.toLowerCase() === 'unitdp') return value === '4';
  return false;
}

export function envelope(
  ctx: ApiContext,
  key: string,
  items: unknown,
  pagination?: Pagination,
): Record<string, unknown> {
  const round = UNIT_AMOUNTS[key];
  const shown =
    round && Array.isArray(items) && !wantsFourDecimals(ctx)
      ? items.map((item) => (isRec(item) ? round(item) : item))
      : items;
  return {
    Id: randomUUID(),
    Status: 'OK',
    ProviderName: ctx.emu.config.providerName,
    DateTimeUTC: msDateNoOffset(Date.now()),
    ...(pagination ? { pagination } : {}),
    [key]: shown,
  };
}

export function sendEnvelope(ctx: ApiContext, key: string, items: unknown, pagination?: Pagination): void {
  sendJson(ctx.res, 200, envelope(ctx, key, items, pagination));
}
