import type { Rec } from '../core/errors.js';
import { listRecords } from '../core/list-query.js';
import { render, round2 } from '../core/render.js';
import type { Router } from '../core/router.js';
import type { ApiContext } from '../state/emulator-context.js';
import type { OrgState } from '../state/org-state.js';
import { sendEnvelope } from './envelope.js';
import { handleWrite, num, type ResourceWriter, str } from './write-pipeline.js';

export function taxRatePercent(org: OrgState, taxType: string | undefined): number | undefined {
  if (!taxType) return undefined;
  const rate = org.taxRates.get(taxType);
  return rate ? (rate.EffectiveRate as number) : undefined;
}

export const taxRateWriter: ResourceWriter = {
  key: 'TaxRates',
  idField: 'TaxType',
  coll: (org) => org.taxRates,
  findExisting: (org, input) => org.taxRates.find((t) => t.Name === input.Name),
  prepare(c, input, existing) {
    const rec: Rec = existing
      ? { ...existing, ...input }
      : {
          Status: 'ACTIVE',
          CanApplyToAssets: true,
          CanApplyToEquity: true,
          CanApplyToExpenses: true,
          CanApplyToLiabilities: true,
          CanApplyToRevenue: true,
          ReportTaxType: c.org.countryCode === 'AU' ? 'OUTPUT' : undefined,
          ...input,
        };
    rec.TaxType = existing?.TaxType ?? `TAX${String(c.org.taxRates.size + 1).padStart(3, '0')}`;
    const errors: string[] = [];
    if (!str(rec.Name)) errors.push('Name is required.');
    const comps = Array.isArray(rec.TaxComponents) ? (rec.TaxComponents as Rec[]) : [];
    if (comps.length === 0) errors.push('At least one tax component is required.');
    const rate = comps.reduce((sum, comp) => sum + (num(comp.Rate) ?? 0), 0);
    rec.EffectiveRate = round2(rate);
    rec.DisplayTaxRate = round2(rate);
    rec.UpdatedDateUTC = c.now;
    return errors.length > 0 ? errors : rec;
  },
  render: (_org, rec) => render(rec) as Rec,
};

export function registerTaxRates(r: Router<ApiContext>): void {
  r.add('GET', '/TaxRates', (ctx) => {
    // TaxRates has no If-Modified-Since in Xero: always the full list.
    const { items } = listRecords(ctx.org.taxRates, ctx.url, ctx.req, { ifModifiedSince: false });
    sendEnvelope(
      ctx,
      'TaxRates',
      items.map((t) => {
        const { UpdatedDateUTC: _u, ...rest } = t;
        return render(rest);
      }),
    );
  });
  r.add('PUT', '/TaxRates', (ctx) => handleWrite(ctx, taxRateWriter));
  r.add('POST', '/TaxRates', (ctx) => handleWrite(ctx, taxRateWriter));
}
