import { notFound, type Rec } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { listRecords } from '../core/list-query.js';
import { round2 } from '../core/render.js';
import type { Router } from '../core/router.js';
import { addDays } from '../core/xero-date.js';
import type { ApiContext } from '../state/emulator-context.js';
import type { OrgState } from '../state/org-state.js';
import { contactWriter } from './contacts.routes.js';
import { sendEnvelope } from './envelope.js';
import { itemByCode } from './indexes.js';
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
import { commitRecord, handleWrite, type ResourceWriter, str, type WriteCtx } from './write-pipeline.js';

const LOCKED = ['PAID', 'VOIDED', 'DELETED'];
const READ_ONLY = [
  'SubTotal',
  'TotalTax',
  'Total',
  'TotalDiscount',
  'AmountDue',
  'AmountPaid',
  'AmountCredited',
  'Payments',
  'CreditNotes',
  'Prepayments',
  'Overpayments',
  'FullyPaidOnDate',
  'UpdatedDateUTC',
  'HasAttachments',
  'HasErrors',
  'ValidationErrors',
  'StatusAttributeString',
  'IsDiscounted',
];

function statusError(from: string | undefined, to: string, hasPayments: boolean): string | undefined {
  if (!from) {
    return ['DRAFT', 'SUBMITTED', 'AUTHORISED'].includes(to)
      ? undefined
      : `Invoice status '${to}' is not valid for a new invoice.`;
  }
  if (LOCKED.includes(from)) return 'Invoice not of valid status for modification';
  if (from === 'AUTHORISED') {
    if (to === 'DELETED')
      return 'Only invoices with a status of DRAFT or SUBMITTED can be deleted. Use VOIDED instead.';
    if (to === 'DRAFT' || to === 'SUBMITTED')
      return 'An approved invoice cannot be changed back to DRAFT or SUBMITTED.';
    if (to === 'VOIDED' && hasPayments)
      return 'Invoice cannot be voided because it has payments or credit notes allocated.';
    return undefined;
  }
  if (to === 'VOIDED') return 'Only AUTHORISED invoices can be voided. Delete a DRAFT invoice instead.';
  if (to === 'PAID') return 'Invoice status cannot be set to PAID: apply payments instead.';
  return ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'DELETED'].includes(to)
    ? undefined
    : `Invoice status '${to}' is not valid.`;
}

/** Tracked inventory moves when a document becomes (or stops being) AUTHORISED. */
export function adjustInventory(c: WriteCtx, rec: Rec, sign: 1 | -1): void {
  const direction = rec.Type === 'ACCREC' || rec.Type === 'ACCPAYCREDIT' ? -1 : 1;
  for (const line of (rec.LineItems as Rec[]) ?? []) {
    const item = itemByCode(c.org, str(line.ItemCode));
    if (!item?.IsTrackedAsInventory) continue;
    const qty = (line.Quantity as number) * direction * sign;
    c.org.items.put({
      ...item,
      QuantityOnHand: round2((item.QuantityOnHand as number) + qty),
      UpdatedDateUTC: c.now,
    });
  }
}

const pendingContacts = new WeakMap<Rec, Rec>();

export const invoiceWriter: ResourceWriter = {
  key: 'Invoices',
  idField: 'InvoiceID',
  category: 'INVOICE',
  coll: (org) => org.invoices,
  prepare(c, input, existing, batch) {
    const errors: string[] = [];
    const patch: Rec = { ...input };
    for (const k of READ_ONLY) delete patch[k];
    dropEmptyUpdateFields(patch, existing);
    const hasPayments = Boolean(
      existing && ((existing.AmountPaid as number) > 0 || (existing.AmountCredited as number) > 0),
    );
    const status = str(patch.Status) ?? str(existing?.Status) ?? 'DRAFT';
    const statusErr = statusError(existing?.Status as string | undefined, status, hasPayments);
    if (statusErr) return [statusErr];
    const onlyStatus = Object.keys(patch).every((k) => ['Status', 'InvoiceID'].includes(k));
    if (hasPayments && !onlyStatus) {
      return ['This document cannot be edited as it has a payment or credit note allocated to it.'];
    }
    const rec: Rec = existing ? { ...existing, ...patch } : { ...patch };
    rec.Status = status;
    const type = str(rec.Type);
    if (type !== 'ACCREC' && type !== 'ACCPAY') errors.push('Invoice Type must be ACCREC or ACCPAY.');
    if (existing && type !== existing.Type) errors.push('The Type of an existing invoice cannot be changed.');
    const contact = resolveContact(c.org, rec.Contact, true, c.now);
    if (contact.error) errors.push(contact.error);
    else rec.Contact = { ContactID: contact.contact!.ContactID };
    if (!Array.isArray(rec.LineItems) || rec.LineItems.length === 0) {
      errors.push('Invoices must have at least one line item.');
    }
    const lat = str(rec.LineAmountTypes) ?? 'Exclusive';
    if (!LINE_AMOUNT_TYPES.includes(lat)) errors.push(`LineAmountTypes '${lat}' is not valid.`);
    rec.LineAmountTypes = lat;
    const approved = status === 'AUTHORISED' || status === 'SUBMITTED';
    const totals = computeLines(
      c.org,
      rec.LineItems,
      lat,
      type === 'ACCPAY' ? 'purchase' : 'sale',
      approved,
      errors,
    );
    rec.LineItems = totals.lines;
    rec.Date = docDate(rec.Date, today(), 'Date', errors);
    rec.DueDate = docDate(rec.DueDate, addDays(String(rec.Date), 30), 'DueDate', errors);
    rec.InvoiceID = existing?.InvoiceID ?? newId();
    if (type === 'ACCREC') {
      const number = str(rec.InvoiceNumber)?.trim();
      const taken = (n: string) =>
        batch.some((b) => b.Type === 'ACCREC' && b.InvoiceNumber === n) ||
        c.org.invoices.find(
          (i) => i.Type === 'ACCREC' && i.InvoiceNumber === n && i.InvoiceID !== rec.InvoiceID,
        ) !== undefined;
      if (number) {
        if (number.length > 255) errors.push('Invoice # must not be more than 255 characters long.');
        if (taken(number)) errors.push('Invoice # must be unique.');
        rec.InvoiceNumber = number;
      } else {
        const [n, counter] = nextNumber('INV-', c.org.counters.invoice, taken);
        rec.InvoiceNumber = n;
        c.org.counters.invoice = counter;
      }
    }
    rec.CurrencyCode = rec.CurrencyCode ?? c.org.baseCurrency;
    rec.CurrencyRate = rec.CurrencyRate ?? 1;
    rec.SubTotal = totals.SubTotal;
    rec.TotalTax = totals.TotalTax;
    rec.Total = totals.Total;
    rec.TotalDiscount = totals.TotalDiscount;
    rec.IsDiscounted = totals.TotalDiscount > 0;
    rec.AmountPaid = existing?.AmountPaid ?? 0;
    rec.AmountCredited = existing?.AmountCredited ?? 0;
    rec.AmountDue = round2(totals.Total - (rec.AmountPaid as number) - (rec.AmountCredited as number));
    rec.Payments = existing?.Payments ?? [];
    rec.CreditNotes = existing?.CreditNotes ?? [];
    rec.HasAttachments = false;
    rec.HasErrors = false;
    rec.UpdatedDateUTC = c.now;
    if (errors.length > 0) return errors;
    if (contact.create) pendingContacts.set(rec, contact.create);
    return rec;
  },
  commit(c, rec, existing) {
    const newContact = pendingContacts.get(rec);
    if (newContact) commitRecord(c, contactWriter, newContact, undefined);
    if (existing?.Status === 'AUTHORISED') adjustInventory(c, existing, -1);
    if (rec.Status === 'AUTHORISED') adjustInventory(c, rec, 1);
    c.org.invoices.put(rec);
  },
  render: renderTransaction,
};

export function registerInvoices(r: Router<ApiContext>): void {
  r.add('GET', '/Invoices', (ctx) => {
    const { items, pagination } = listRecords(ctx.org.invoices, ctx.url, ctx.req, {
      paged: true,
      idLists: { IDs: 'InvoiceID', InvoiceNumbers: 'InvoiceNumber', Statuses: 'Status' },
      filters: contactIdFilter(ctx),
      whereView: (rec) => withContactName(ctx.org, rec),
    });
    sendEnvelope(
      ctx,
      'Invoices',
      items.map((i) => renderTransaction(ctx.org, i)),
      pagination,
    );
  });
  r.add('GET', '/Invoices/:id', (ctx) => {
    const id = ctx.params.id;
    const rec = ctx.org.invoices.get(id) ?? ctx.org.invoices.find((i) => i.InvoiceNumber === id);
    if (!rec) throw notFound();
    sendEnvelope(ctx, 'Invoices', [renderTransaction(ctx.org, rec)]);
  });
  r.add('PUT', '/Invoices', (ctx) => handleWrite(ctx, invoiceWriter));
  r.add('POST', '/Invoices', (ctx) => handleWrite(ctx, invoiceWriter));
  r.add('POST', '/Invoices/:id', (ctx) => handleWrite(ctx, invoiceWriter, ctx.params.id));
}

export function contactIdFilter(ctx: ApiContext): Array<(r: Rec) => boolean> {
  const raw = ctx.url.searchParams.get('ContactIDs');
  if (!raw) return [];
  const ids = new Set(raw.split(',').map((s) => s.trim().toLowerCase()));
  return [(r) => ids.has(String((r.Contact as Rec | undefined)?.ContactID ?? '').toLowerCase())];
}

export function withContactName(org: OrgState, rec: Rec): Rec {
  const ref = rec.Contact as Rec | undefined;
  if (!ref?.ContactID) return rec;
  const contact = org.contacts.get(String(ref.ContactID));
  return { ...rec, Contact: { ContactID: ref.ContactID, Name: contact?.Name } };
}
