import { notFound, type Rec } from '../core/errors.js';
import { listRecords } from '../core/list-query.js';
import { render } from '../core/render.js';
import type { Router } from '../core/router.js';
import type { ApiContext } from '../state/emulator-context.js';
import type { OrgState } from '../state/org-state.js';
import { sendEnvelope } from './envelope.js';
import { handleWrite, num, type ResourceWriter, str } from './write-pipeline.js';

/** Rates an organisation adds get TaxTypes TAX001, TAX002, ...; every other TaxType is a system rate. */
export const isCustomTaxType = (taxType: unknown): boolean => /^TAX\d+$/i.test(String(taxType ?? ''));

/** ReportTaxType exists for AU, NZ and UK organisations only, and is required when they create a rate. */
const REPORT_TAX_REGIONS = ['AU', 'NZ', 'GB'];

/** The rate of a TaxType usable on a transaction: DELETED and ARCHIVED rates are not. */
export function taxRatePercent(org: OrgState, taxType: string | undefined): number | undefined {
  if (!taxType) return undefined;
  const rate = org.taxRates.get(taxType);
  return rate && rate.Status !== 'DELETED' && rate.Status !== 'ARCHIVED'
    ? (rate.EffectiveRate as number)
    : undefined;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** Compound components apply to the amount plus the simple components' tax (e.g. 5% + 7% compound = 12.35%). */
function effectiveRate(components: Rec[]): number {
  const simple = components
    .filter((c) => c.IsCompound !== true)
    .reduce((sum, c) => sum + (num(c.Rate) ?? 0), 0);
  const compound = components
    .filter((c) => c.IsCompound === true)
    .reduce((sum, c) => sum + ((num(c.Rate) ?? 0) * (100 + simple)) / 100, 0);
  return round4(simple + compound);
}

function usedOnTransactions(org: OrgState, taxType: string): boolean {
  const key = taxType.toLowerCase();
  return [org.invoices, org.creditNotes, org.purchaseOrders].some((coll) =>
    coll
      .all()
      .some((doc) =>
        ((doc.LineItems as Rec[] | undefined) ?? []).some((l) => String(l.TaxType).toLowerCase() === key),
      ),
  );
}

function nextTaxType(org: OrgState): string {
  let n = org.taxRates.size + 1;
  while (org.taxRates.get(`TAX${String(n).padStart(3, '0')}`)) n++;
  return `TAX${String(n).padStart(3, '0')}`;
}

/** Why Xero refuses any change to this rate, if it does. */
function lockedReason(existing: Rec): string | undefined {
  if (!isCustomTaxType(existing.TaxType)) {
    return `The tax rate ${String(existing.Name)} is a system tax rate and cannot be edited or deleted.`;
  }
  if (existing.Status === 'DELETED' || existing.Status === 'ARCHIVED') {
    return `The tax rate ${String(existing.Name)} is ${String(existing.Status)} and cannot be restored or edited.`;
  }
  return undefined;
}

function newRate(org: OrgState, input: Rec): Rec {
  return {
    Status: 'ACTIVE',
    CanApplyToAssets: true,
    CanApplyToEquity: true,
    CanApplyToExpenses: true,
    CanApplyToLiabilities: true,
    CanApplyToRevenue: true,
    ...input,
    TaxType: nextTaxType(org),
  };
}

function inputErrors(org: OrgState, input: Rec, rec: Rec, isCreate: boolean): string[] {
  const errors: string[] = [];
  if (!str(rec.Name)) errors.push('Name is required.');
  const comps = Array.isArray(rec.TaxComponents) ? (rec.TaxComponents as Rec[]) : [];
  if (comps.length === 0) errors.push('At least one tax component is required.');
  if (input.Status !== undefined && input.Status !== 'ACTIVE' && input.Status !== 'DELETED')
    errors.push('Status can only be set to ACTIVE or DELETED.');
  const reportRegion = REPORT_TAX_REGIONS.includes(org.countryCode);
  if (isCreate && reportRegion && !str(input.ReportTaxType))
    errors.push('ReportTaxType is required for tax rates in this organisation.');
  if (!reportRegion && input.ReportTaxType !== undefined)
    errors.push('ReportTaxType is not supported for tax rates in this organisation.');
  return errors;
}

export const taxRateWriter: ResourceWriter = {
  key: 'TaxRates',
  idField: 'TaxType',
  coll: (org) => org.taxRates,
  findExisting: (org, input) => org.taxRates.find((t) => t.Name === input.Name),
  prepare(c, input, existing) {
    const locked = existing && lockedReason(existing);
    if (locked) return [locked];
    const rec: Rec = existing ? { ...existing, ...input, TaxType: existing.TaxType } : newRate(c.org, input);
    const errors = inputErrors(c.org, input, rec, !existing);
    // Deleting a rate already used on a transaction archives it (Xero's Status codes for tax rates).
    if (existing && rec.Status === 'DELETED' && usedOnTransactions(c.org, String(rec.TaxType)))
      rec.Status = 'ARCHIVED';
    const rate = effectiveRate(Array.isArray(rec.TaxComponents) ? (rec.TaxComponents as Rec[]) : []);
    rec.EffectiveRate = rate;
    rec.DisplayTaxRate = rate;
    rec.UpdatedDateUTC = c.now;
    return errors.length > 0 ? errors : rec;
  },
  // Xero's TaxRates carry no UpdatedDateUTC (kept internally for the collection's order only).
  render: (_org, rec) => {
    const { UpdatedDateUTC: _u, ...rest } = rec;
    return render(rest) as Rec;
  },
};

export function registerTaxRates(r: Router<ApiContext>): void {
  r.add('GET', '/TaxRates', (ctx) => {
    // TaxRates has no If-Modified-Since in Xero: always the full list.
    const { items } = listRecords(ctx.org.taxRates, ctx.url, ctx.req, { ifModifiedSince: false });
    sendEnvelope(
      ctx,
      'TaxRates',
      items.map((t) => taxRateWriter.render(ctx.org, t)),
    );
  });
  r.add('GET', '/TaxRates/:id', (ctx) => {
    const rec = ctx.org.taxRates.get(ctx.params.id);
    if (!rec) throw notFound();
    sendEnvelope(ctx, 'TaxRates', [taxRateWriter.render(ctx.org, rec)]);
  });
  r.add('PUT', '/TaxRates', (ctx) => handleWrite(ctx, taxRateWriter));
  r.add('POST', '/TaxRates', (ctx) => handleWrite(ctx, taxRateWriter));
}
