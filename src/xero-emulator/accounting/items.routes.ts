import { notFound, type Rec } from '../core/errors.js';
import { sendText } from '../core/http.js';
import { newId } from '../core/ids.js';
import { listRecords } from '../core/list-query.js';
import { render } from '../core/render.js';
import type { Router } from '../core/router.js';
import type { ApiContext } from '../state/emulator-context.js';
import type { OrgState } from '../state/org-state.js';
import { sendEnvelope } from './envelope.js';
import { accountByCode, itemByCode } from './indexes.js';
import { handleWrite, num, type ResourceWriter, str } from './write-pipeline.js';

function detailsErrors(org: OrgState, details: unknown, label: string): string[] {
  if (!details || typeof details !== 'object') return [];
  const d = details as Rec;
  const errors: string[] = [];
  const code = str(d.AccountCode);
  if (code && !accountByCode(org, code)) errors.push(`${label} Account code '${code}' is not a valid code.`);
  const cogs = str(d.COGSAccountCode);
  if (cogs && !accountByCode(org, cogs)) errors.push(`COGS Account code '${cogs}' is not a valid code.`);
  const tax = str(d.TaxType);
  if (tax && !org.taxRates.get(tax))
    errors.push(`The TaxType code '${tax}' does not exist or cannot be used.`);
  return errors;
}

export const itemWriter: ResourceWriter = {
  key: 'Items',
  idField: 'ItemID',
  coll: (org) => org.items,
  findExisting: (org, input) => itemByCode(org, str(input.Code)),
  prepare(c, input, existing, batch) {
    const errors: string[] = [];
    // QuantityOnHand and TotalCostPool belong to Xero's inventory ledger; echoing the current value is fine.
    for (const field of ['QuantityOnHand', 'TotalCostPool']) {
      if (
        input[field] !== undefined &&
        num(input[field]) !== ((existing?.[field] as number | undefined) ?? 0)
      ) {
        errors.push(`${field} is a read-only field and cannot be set through the API.`);
      }
    }
    const patch: Rec = { ...input };
    for (const k of [
      'QuantityOnHand',
      'TotalCostPool',
      'IsTrackedAsInventory',
      'UpdatedDateUTC',
      'ValidationErrors',
    ]) {
      delete patch[k];
    }
    const rec: Rec = existing ? { ...existing, ...patch } : { IsSold: true, IsPurchased: true, ...patch };
    rec.ItemID = existing?.ItemID ?? newId();
    rec.UpdatedDateUTC = c.now;
    const code = (str(rec.Code) ?? '').trim();
    if (!code) errors.push('Item code must be specified.');
    else if (code.length > 30) errors.push('Item code must not be more than 30 characters long.');
    else {
      const other =
        itemByCode(c.org, code) ?? batch.find((b) => String(b.Code).toUpperCase() === code.toUpperCase());
      if (other && other.ItemID !== rec.ItemID) errors.push(`Item code '${code}' already exists.`);
    }
    rec.Code = code;
    if (rec.Name !== undefined && String(rec.Name).length > 50)
      errors.push('Item name must not be more than 50 characters long.');
    errors.push(
      ...detailsErrors(c.org, rec.SalesDetails, 'Sales'),
      ...detailsErrors(c.org, rec.PurchaseDetails, 'Purchases'),
    );
    const inventory = str(rec.InventoryAssetAccountCode);
    const cogs = str((rec.PurchaseDetails as Rec | undefined)?.COGSAccountCode);
    if (inventory) {
      const acc = accountByCode(c.org, inventory);
      if (acc?.Type !== 'INVENTORY')
        errors.push('The InventoryAssetAccountCode must be an account of type INVENTORY.');
      if (!cogs)
        errors.push('A COGSAccountCode is required in PurchaseDetails for a tracked inventory item.');
    }
    rec.IsTrackedAsInventory = Boolean(inventory && cogs);
    if (rec.IsTrackedAsInventory) {
      rec.QuantityOnHand = (existing?.QuantityOnHand as number | undefined) ?? 0;
      rec.TotalCostPool = (existing?.TotalCostPool as number | undefined) ?? 0;
    }
    return errors.length > 0 ? errors : rec;
  },
  render: (_org, rec) => render(rec) as Rec,
};

export function registerItems(r: Router<ApiContext>): void {
  r.add('GET', '/Items', (ctx) => {
    const { items } = listRecords(ctx.org.items, ctx.url, ctx.req, {});
    sendEnvelope(
      ctx,
      'Items',
      items.map((i) => render(i)),
    );
  });
  r.add('GET', '/Items/:id', (ctx) => {
    const rec = ctx.org.items.get(ctx.params.id) ?? itemByCode(ctx.org, ctx.params.id);
    if (!rec) throw notFound();
    sendEnvelope(ctx, 'Items', [render(rec)]);
  });
  r.add('PUT', '/Items', (ctx) => handleWrite(ctx, itemWriter));
  r.add('POST', '/Items', (ctx) => handleWrite(ctx, itemWriter));
  r.add('POST', '/Items/:id', (ctx) => handleWrite(ctx, itemWriter, ctx.params.id));
  r.add('DELETE', '/Items/:id', (ctx) => {
    if (!ctx.org.items.delete(ctx.params.id)) throw notFound();
    ctx.emu.markDirty();
    sendText(ctx.res, 204, '');
  });
}
