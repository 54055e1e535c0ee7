import { notFound, type Rec, validationException } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { listRecords } from '../core/list-query.js';
import { render, round2 } from '../core/render.js';
import type { Router } from '../core/router.js';
import type { ApiContext } from '../state/emulator-context.js';
import { contactWriter } from './contacts.routes.js';
import { envelope, sendEnvelope } from './envelope.js';
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
import {
  commitRecord,
  handleWrite,
  num,
  parseJsonBody,
  type ResourceWriter,
  str,
  withIdempotency,
} from './write-pipeline.js';

const READ_ONLY = [
  'SubTotal',
  'TotalTax',
  'Total',
  'RemainingCredit',
  'Allocations',
  'Payments',
  'AppliedAmount',
  'UpdatedDateUTC',
  'FullyPaidOnDate',
  'ValidationErrors',
  'StatusAttributeString',
  'HasErrors',
];
const pendingContacts = new WeakMap<Rec, Rec>();

export const creditNoteWriter: ResourceWriter = {
  key: 'CreditNotes',
  idField: 'CreditNoteID',
  category: 'CREDITNOTE',
  coll: (org) => org.creditNotes,
  prepare(c, input, existing, batch) {
    const errors: string[] = [];
    const patch: Rec = { ...input };
    for (const k of READ_ONLY) delete patch[k];
    dropEmptyUpdateFields(patch, existing);
    const from = existing?.Status as string | undefined;
    const status = str(patch.Status) ?? from ?? 'DRAFT';
    const allocated = existing
      ? round2((existing.Total as number) - (existing.RemainingCredit as number))
      : 0;
    if (from && ['PAID', 'VOIDED', 'DELETED'].includes(from))
      return ['Credit note not of valid status for modification'];
    if (from === 'AUTHORISED' && ['DRAFT', 'SUBMITTED', 'DELETED'].includes(status)) {
      return ['An approved credit note can only be voided.'];
    }
    if (from === 'AUTHORISED' && allocated > 0)
      return ['This document cannot be edited as it has a payment or credit note allocated to it.'];
    if (!from && !['DRAFT', 'SUBMITTED', 'AUTHORISED'].includes(status))
      return [`Credit note status '${status}' is not valid for a new credit note.`];
    if (from !== 'AUTHORISED' && status === 'VOIDED') return ['Only AUTHORISED credit notes can be voided.'];
    const rec: Rec = existing ? { ...existing, ...patch } : { ...patch };
    rec.Status = status;
    const type = str(rec.Type);
    if (type !== 'ACCRECCREDIT' && type !== 'ACCPAYCREDIT')
      errors.push('Credit note Type must be ACCRECCREDIT or ACCPAYCREDIT.');
    const contact = resolveContact(c.org, rec.Contact, true, c.now);
    if (contact.error) errors.push(contact.error);
    else rec.Contact = { ContactID: contact.contact!.ContactID };
    if (!Array.isArray(rec.LineItems) || rec.LineItems.length === 0)
      errors.push('Credit notes must have at least one line item.');
    const lat = str(rec.LineAmountTypes) ?? 'Exclusive';
    if (!LINE_AMOUNT_TYPES.includes(lat)) errors.push(`LineAmountTypes '${lat}' is not valid.`);
    rec.LineAmountTypes = lat;
    const side = type === 'ACCPAYCREDIT' ? 'purchase' : 'sale';
    const totals = computeLines(c.org, rec.LineItems, lat, side, status === 'AUTHORISED', errors);
    rec.LineItems = totals.lines;
    rec.Date = docDate(rec.Date, today(), 'Date', errors);
    rec.CreditNoteID = existing?.CreditNoteID ?? newId();
    if (type === 'ACCRECCREDIT') {
      const taken = (n: string) =>
        batch.some((b) => b.CreditNoteNumber === n) ||
        c.org.creditNotes.find(
          (x) => x.Type === 'ACCRECCREDIT' && x.CreditNoteNumber === n && x.CreditNoteID !== rec.CreditNoteID,
        ) !== undefined;
      const number = str(rec.CreditNoteNumber)?.trim();
      if (number) {
        if (taken(number)) errors.push('Credit Note # must be unique.');
      } else {
        const [n, counter] = nextNumber('CN-', c.org.counters.creditNote, taken);
        rec.CreditNoteNumber = n;
        c.org.counters.creditNote = counter;
      }
    }
    rec.CurrencyCode = rec.CurrencyCode ?? c.org.baseCurrency;
    rec.CurrencyRate = rec.CurrencyRate ?? 1;
    rec.SubTotal = totals.SubTotal;
    rec.TotalTax = totals.TotalTax;
    rec.Total = totals.Total;
    rec.RemainingCredit = round2(totals.Total - allocated);
    rec.Allocations = existing?.Allocations ?? [];
    rec.Payments = existing?.Payments ?? [];
    rec.HasAttachments = false;
    rec.UpdatedDateUTC = c.now;
    if (errors.length > 0) return errors;
    if (contact.create) pendingContacts.set(rec, contact.create);
    return rec;
  },
  commit(c, rec) {
    const created = pendingContacts.get(rec);
    if (created) commitRecord(c, contactWriter, created, undefined);
    c.org.creditNotes.put(rec);
  },
  render: renderTransaction,
};

function allocate(ctx: ApiContext): { status: number; body: unknown } {
  const org = ctx.org;
  const cn = org.creditNotes.get(ctx.params.id);
  if (!cn) throw notFound();
  const body = parseJsonBody(ctx.body) as Rec;
  const inputs = (Array.isArray(body.Allocations) ? body.Allocations : [body]) as Rec[];
  const now = ctx.emu.clock.now();
  let remaining = cn.RemainingCredit as number;
  const plans: Array<{ input: Rec; invoice: Rec; amount: number; date: string }> = [];
  const failed: Rec[] = [];
  for (const input of inputs) {
    const errors: string[] = [];
    const invRef = (input.Invoice ?? {}) as Rec;
    const invoice =
      org.invoices.get(str(invRef.InvoiceID)) ??
      org.invoices.find((i) => i.InvoiceNumber === invRef.InvoiceNumber);
    const amount = round2(num(input.Amount) ?? 0);
    if (cn.Status !== 'AUTHORISED') errors.push('Credit note must be AUTHORISED before it can be allocated.');
    if (!invoice) errors.push('Invoice could not be found.');
    else {
      if (invoice.Status !== 'AUTHORISED')
        errors.push('Invoice must be AUTHORISED to allocate a credit note to it.');
      const expected = cn.Type === 'ACCRECCREDIT' ? 'ACCREC' : 'ACCPAY';
      if (invoice.Type !== expected)
        // cn.Type is ACCRECCREDIT or ACCPAYCREDIT: both take "an".
        errors.push(`An ${String(cn.Type)} credit note can only be allocated to an ${expected} invoice.`);
      if ((invoice.Contact as Rec).ContactID !== (cn.Contact as Rec).ContactID)
        errors.push('The invoice and credit note must have the same contact.');
      if (amount > (invoice.AmountDue as number))
        errors.push('The amount allocated cannot exceed the amount due on the invoice.');
    }
    if (amount <= 0) errors.push('Amount must be greater than zero.');
    if (amount > remaining) errors.push('The amount allocated cannot exceed the remaining credit.');
    const date = docDate(input.Date, today(), 'Date', errors) ?? today();
    if (errors.length) failed.push({ ...input, ValidationErrors: errors.map((Message) => ({ Message })) });
    else {
      remaining = round2(remaining - amount);
      plans.push({ input, invoice: invoice!, amount, date });
    }
  }
  if (failed.length) throw validationException(failed);
  const out: Rec[] = [];
  let note: Rec = { ...cn };
  for (const p of plans) {
    const allocationId = newId();
    const inv = org.invoices.get(String(p.invoice.InvoiceID))!;
    const credited = round2((inv.AmountCredited as number) + p.amount);
    const due = round2((inv.AmountDue as number) - p.amount);
    const updatedInvoice: Rec = {
      ...inv,
      AmountCredited: credited,
      AmountDue: due,
      Status: due === 0 ? 'PAID' : inv.Status,
      ...(due === 0 ? { FullyPaidOnDate: p.date } : {}),
      CreditNotes: [
        ...(inv.CreditNotes as Rec[]),
        {
          CreditNoteID: cn.CreditNoteID,
          CreditNoteNumber: cn.CreditNoteNumber,
          AppliedAmount: p.amount,
          Total: cn.Total,
        },
      ],
      UpdatedDateUTC: now,
    };
    org.invoices.put(updatedInvoice);
    ctx.emu.emit(org, 'INVOICE', String(inv.InvoiceID), 'UPDATE');
    const allocation: Rec = {
      AllocationID: allocationId,
      Amount: p.amount,
      Date: p.date,
      Invoice: { InvoiceID: inv.InvoiceID, InvoiceNumber: inv.InvoiceNumber },
    };
    const left = round2((note.RemainingCredit as number) - p.amount);
    note = {
      ...note,
      RemainingCredit: left,
      Status: left === 0 ? 'PAID' : note.Status,
      Allocations: [...(note.Allocations as Rec[]), allocation],
      UpdatedDateUTC: now,
    };
    out.push(
      render({
        ...allocation,
        CreditNote: { CreditNoteID: cn.CreditNoteID, CreditNoteNumber: cn.CreditNoteNumber },
      }) as Rec,
    );
  }
  org.creditNotes.put(note);
  ctx.emu.emit(org, 'CREDITNOTE', String(cn.CreditNoteID), 'UPDATE');
  ctx.emu.markDirty();
  return { status: 200, body: envelope(ctx, 'Allocations', out) };
}

export function registerCreditNotes(r: Router<ApiContext>): void {
  r.add('GET', '/CreditNotes', (ctx) => {
    const { items, pagination } = listRecords(ctx.org.creditNotes, ctx.url, ctx.req, {
      paged: true,
      idLists: { IDs: 'CreditNoteID' },
      filters: contactIdFilter(ctx),
      whereView: (rec) => withContactName(ctx.org, rec),
    });
    sendEnvelope(
      ctx,
      'CreditNotes',
      items.map((i) => renderTransaction(ctx.org, i)),
      pagination,
    );
  });
  r.add('GET', '/CreditNotes/:id', (ctx) => {
    const rec =
      ctx.org.creditNotes.get(ctx.params.id) ??
      ctx.org.creditNotes.find((x) => x.CreditNoteNumber === ctx.params.id);
    if (!rec) throw notFound();
    sendEnvelope(ctx, 'CreditNotes', [renderTransaction(ctx.org, rec)]);
  });
  r.add('PUT', '/CreditNotes', (ctx) => handleWrite(ctx, creditNoteWriter));
  r.add('POST', '/CreditNotes', (ctx) => handleWrite(ctx, creditNoteWriter));
  r.add('POST', '/CreditNotes/:id', (ctx) => handleWrite(ctx, creditNoteWriter, ctx.params.id));
  r.add('PUT', '/CreditNotes/:id/Allocations', (ctx) => withIdempotency(ctx, () => allocate(ctx)));
}
