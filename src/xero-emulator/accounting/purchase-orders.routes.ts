import { notFound, type Rec } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { listRecords } from '../core/list-query.js';
import type { Router } from '../core/router.js';
import type { ApiContext } from '../state/emulator-context.js';
import { sendEnvelope } from './envelope.js';
import { contactIdFilter, withContactName } from './invoices.routes.js';
import {
  computeLines,
  docDate,
  dropEmptyUpdateFields,
  LINE_AMOUNT_TYPES,
  nextNumber,
  renderTransaction,
  resolveContact,
  today,
} from './transaction-common.js';
import { handleWrite, type ResourceWriter, str } from './write-pipeline.js';

const STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'BILLED', 'DELETED'];
const READ_ONLY = [
  'SubTotal',
  'TotalTax',
  'Total',
  'TotalDiscount',
  'UpdatedDateUTC',
  'ValidationErrors',
  'StatusAttributeString',
  'HasErrors',
];

export const purchaseOrderWriter: ResourceWriter = {
  key: 'PurchaseOrders',
  idField: 'PurchaseOrderID',
  coll: (org) => org.purchaseOrders,
  prepare(c, input, existing, batch) {
    const errors: string[] = [];
    if (existing && ['BILLED', 'DELETED'].includes(String(existing.Status))) {
      return ['Purchase order not of valid status for modification'];
    }
    const patch: Rec = { ...input };
    for (const k of READ_ONLY) delete patch[k];
    dropEmptyUpdateFields(patch, existing);
    const rec: Rec = existing ? { ...existing, ...patch } : { ...patch };
    const status = str(rec.Status) ?? 'DRAFT';
    if (!STATUSES.includes(status)) errors.push(`Purchase order status '${status}' is not valid.`);
    rec.Status = status;
    // Unlike invoices, a purchase order never creates its contact on the fly.
    const contact = resolveContact(c.org, rec.Contact, false, c.now);
    if (contact.error) errors.push(contact.error);
    else rec.Contact = { ContactID: contact.contact!.ContactID };
    if (!Array.isArray(rec.LineItems) || rec.LineItems.length === 0)
      errors.push('Purchase orders must have at least one line item.');
    const lat = str(rec.LineAmountTypes) ?? 'Exclusive';
    if (!LINE_AMOUNT_TYPES.includes(lat)) errors.push(`LineAmountTypes '${lat}' is not valid.`);
    rec.LineAmountTypes = lat;
    const totals = computeLines(c.org, rec.LineItems, lat, 'purchase', false, errors);
    rec.LineItems = totals.lines;
    rec.Date = docDate(rec.Date, today(), 'Date', errors);
    rec.DeliveryDate = docDate(rec.DeliveryDate, undefined, 'DeliveryDate', errors);
    rec.PurchaseOrderID = existing?.PurchaseOrderID ?? newId();
    if (!str(rec.PurchaseOrderNumber)) {
      const taken = (n: string) =>
        batch.some((b) => b.PurchaseOrderNumber === n) ||
        c.org.purchaseOrders.find((p) => p.PurchaseOrderNumber === n) !== undefined;
      const [n, counter] = nextNumber('PO-', c.org.counters.purchaseOrder, taken);
      rec.PurchaseOrderNumber = n;
      c.org.counters.purchaseOrder = counter;
    }
    rec.CurrencyCode = rec.CurrencyCode ?? c.org.baseCurrency;
    rec.CurrencyRate = rec.CurrencyRate ?? 1;
    rec.SubTotal = totals.SubTotal;
    rec.TotalTax = totals.TotalTax;
    rec.Total = totals.Total;
    rec.TotalDiscount = totals.TotalDiscount;
    rec.HasAttachments = false;
    rec.IsDiscounted = totals.TotalDiscount > 0;
    rec.UpdatedDateUTC = c.now;
    return errors.length > 0 ? errors : rec;
  },
  render: renderTransaction,
};

export function registerPurchaseOrders(r: Router<ApiContext>): void {
  r.add('GET', '/PurchaseOrders', (ctx) => {
    const status = ctx.url.searchParams.get('status');
    const { items, pagination } = listRecords(ctx.org.purchaseOrders, ctx.url, ctx.req, {
      paged: true,
      filters: [...contactIdFilter(ctx), ...(status ? [(p: Rec) => p.Status === status] : [])],
      whereView: (rec) => withContactName(ctx.org, rec),
    });
    sendEnvelope(
      ctx,
      'PurchaseOrders',
      items.map((p) => renderTransaction(ctx.org, p)),
      pagination,
    );
  });
  r.add('GET', '/PurchaseOrders/:id', (ctx) => {
    const id = ctx.params.id;
    const rec =
      ctx.org.purchaseOrders.get(id) ?? ctx.org.purchaseOrders.find((p) => p.PurchaseOrderNumber === id);
    if (!rec) throw notFound();
    sendEnvelope(ctx, 'PurchaseOrders', [renderTransaction(ctx.org, rec)]);
  });
  r.add('PUT', '/PurchaseOrders', (ctx) => handleWrite(ctx, purchaseOrderWriter));
  r.add('POST', '/PurchaseOrders', (ctx) => handleWrite(ctx, purchaseOrderWriter));
  r.add('POST', '/PurchaseOrders/:id', (ctx) => handleWrite(ctx, purchaseOrderWriter, ctx.params.id));
}
