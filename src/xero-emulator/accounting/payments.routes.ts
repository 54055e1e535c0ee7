import { notFound, type Rec } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { listRecords } from '../core/list-query.js';
import { render, round2 } from '../core/render.js';
import type { Router } from '../core/router.js';
import type { ApiContext } from '../state/emulator-context.js';
import type { OrgState } from '../state/org-state.js';
import { sendEnvelope } from './envelope.js';
import { accountByRef } from './indexes.js';
import { docDate, today } from './transaction-common.js';
import { handleWrite, num, type ResourceWriter, str, type WriteCtx } from './write-pipeline.js';

const PAYMENT_TYPES: Record<string, string> = {
  ACCREC: 'ACCRECPAYMENT',
  ACCPAY: 'ACCPAYPAYMENT',
  ACCRECCREDIT: 'ARCREDITPAYMENT',
  ACCPAYCREDIT: 'APCREDITPAYMENT',
};

function findDocument(org: OrgState, input: Rec): { kind: 'invoice' | 'creditNote'; doc: Rec } | undefined {
  const inv = input.Invoice as Rec | undefined;
  if (inv) {
    const doc =
      org.invoices.get(str(inv.InvoiceID)) ??
      (inv.InvoiceNumber ? org.invoices.find((i) => i.InvoiceNumber === inv.InvoiceNumber) : undefined);
    return doc ? { kind: 'invoice', doc } : undefined;
  }
  const cn = input.CreditNote as Rec | undefined;
  if (cn) {
    const doc =
      org.creditNotes.get(str(cn.CreditNoteID)) ??
      (cn.CreditNoteNumber
        ? org.creditNotes.find((x) => x.CreditNoteNumber === cn.CreditNoteNumber)
        : undefined);
    return doc ? { kind: 'creditNote', doc } : undefined;
  }
  return undefined;
}

function outstanding(kind: 'invoice' | 'creditNote', doc: Rec): number {
  return (kind === 'invoice' ? doc.AmountDue : doc.RemainingCredit) as number;
}

function prepareDelete(c: WriteCtx, input: Rec, existing: Rec): Rec | string[] {
  if (str(input.Status) !== 'DELETED')
    return ['Payments cannot be edited. Delete the payment and create a new one.'];
  if (existing.Status === 'DELETED') return ['This payment has already been deleted.'];
  return { ...existing, Status: 'DELETED', UpdatedDateUTC: c.now };
}

/** Moves a payment into (sign 1) or out of (sign -1) its invoice or credit note. */
function applyToDocument(c: WriteCtx, payment: Rec, sign: 1 | -1): void {
  const ref = (payment.Invoice ?? payment.CreditNote) as Rec;
  const isInvoice = Boolean(payment.Invoice);
  const coll = isInvoice ? c.org.invoices : c.org.creditNotes;
  const doc = coll.get(String(isInvoice ? ref.InvoiceID : ref.CreditNoteID));
  if (!doc) return;
  const amount = (payment.Amount as number) * sign;
  const dueField = isInvoice ? 'AmountDue' : 'RemainingCredit';
  const due = round2((doc[dueField] as number) - amount);
  const payments = (doc.Payments as Rec[]).filter((p) => p.PaymentID !== payment.PaymentID);
  if (sign === 1) {
    payments.push({
      PaymentID: payment.PaymentID,
      Date: payment.Date,
      Amount: payment.Amount,
      Reference: payment.Reference,
      CurrencyRate: 1,
      HasAccount: true,
      HasValidationErrors: false,
    });
  }
  const updated: Rec = { ...doc, [dueField]: due, Payments: payments, UpdatedDateUTC: c.now };
  if (isInvoice) updated.AmountPaid = round2((doc.AmountPaid as number) + amount);
  if (due === 0) {
    updated.Status = 'PAID';
    updated.FullyPaidOnDate = payment.Date;
  } else if (doc.Status === 'PAID') {
    updated.Status = 'AUTHORISED';
    delete updated.FullyPaidOnDate;
  }
  coll.put(updated);
  c.emu.emit(
    c.org,
    isInvoice ? 'INVOICE' : 'CREDITNOTE',
    String(doc[isInvoice ? 'InvoiceID' : 'CreditNoteID']),
    'UPDATE',
  );
}

export const paymentWriter: ResourceWriter = {
  key: 'Payments',
  idField: 'PaymentID',
  coll: (org) => org.payments,
  prepare(c, input, existing, batch) {
    if (existing) return prepareDelete(c, input, existing);
    const errors: string[] = [];
    const found = findDocument(c.org, input);
    if (!found) return ['A payment must reference an existing Invoice or CreditNote.'];
    const { kind, doc } = found;
    if (doc.Status !== 'AUTHORISED') errors.push('Payments can only be made against AUTHORISED documents.');
    const account = accountByRef(c.org, input.Account);
    if (!input.Account) errors.push('An Account (bank account) must be specified for the payment.');
    else if (!account) errors.push('The Account for the payment could not be found.');
    else if (account.Type !== 'BANK' && account.EnablePaymentsToAccount !== true) {
      errors.push(
        'Account type is invalid for making a payment to/from: use a BANK account or one with EnablePaymentsToAccount.',
      );
    }
    const amount = round2(num(input.Amount) ?? 0);
    const docId = String(doc.InvoiceID ?? doc.CreditNoteID);
    const pendingInBatch = batch
      .filter(
        (b) =>
          String(
            ((b.Invoice ?? b.CreditNote) as Rec).InvoiceID ??
              ((b.Invoice ?? b.CreditNote) as Rec).CreditNoteID,
          ) === docId,
      )
      .reduce((s, b) => s + (b.Amount as number), 0);
    if (amount <= 0) errors.push('Payment amount must be greater than zero.');
    else if (amount > round2(outstanding(kind, doc) - pendingInBatch)) {
      errors.push('Payment amount exceeds the amount outstanding on this document.');
    }
    const date = docDate(input.Date, today(), 'Date', errors);
    if (errors.length > 0) return errors;
    return {
      PaymentID: newId(),
      Date: date,
      Amount: amount,
      BankAmount: amount,
      Reference: str(input.Reference) ?? '',
      CurrencyRate: 1,
      Status: 'AUTHORISED',
      PaymentType: PAYMENT_TYPES[String(doc.Type)],
      IsReconciled: input.IsReconciled === true,
      HasAccount: true,
      HasValidationErrors: false,
      Account: { AccountID: account!.AccountID, Code: account!.Code },
      // The paid document is embedded with its CurrencyCode, the payment's currency (a Payment has none of
      // its own): see the GET /Payments example at developer.xero.com/documentation/api/accounting/payments.
      ...(kind === 'invoice'
        ? {
            Invoice: {
              InvoiceID: doc.InvoiceID,
              InvoiceNumber: doc.InvoiceNumber,
              Type: doc.Type,
              Contact: doc.Contact,
              CurrencyCode: doc.CurrencyCode,
            },
          }
        : {
            CreditNote: {
              CreditNoteID: doc.CreditNoteID,
              CreditNoteNumber: doc.CreditNoteNumber,
              Type: doc.Type,
              Contact: doc.Contact,
              CurrencyCode: doc.CurrencyCode,
            },
          }),
      UpdatedDateUTC: c.now,
    };
  },
  commit(c, rec, existing) {
    c.org.payments.put(rec);
    applyToDocument(c, rec, existing ? -1 : 1);
  },
  render: renderPayment,
};

export function renderPayment(org: OrgState, rec: Rec): Rec {
  const out = render(rec) as Rec;
  const acc = org.accounts.get(String((rec.Account as Rec).AccountID));
  if (acc) out.Account = { AccountID: acc.AccountID, Code: acc.Code, Name: acc.Name };
  return out;
}

export function registerPayments(r: Router<ApiContext>): void {
  r.add('GET', '/Payments', (ctx) => {
    const { items, pagination } = listRecords(ctx.org.payments, ctx.url, ctx.req, { paged: true });
    sendEnvelope(
      ctx,
      'Payments',
      items.map((p) => renderPayment(ctx.org, p)),
      pagination,
    );
  });
  r.add('GET', '/Payments/:id', (ctx) => {
    const rec = ctx.org.payments.get(ctx.params.id);
    if (!rec) throw notFound();
    sendEnvelope(ctx, 'Payments', [renderPayment(ctx.org, rec)]);
  });
  r.add('PUT', '/Payments', (ctx) => handleWrite(ctx, paymentWriter));
  r.add('POST', '/Payments', (ctx) => handleWrite(ctx, paymentWriter));
  r.add('POST', '/Payments/:id', (ctx) => handleWrite(ctx, paymentWriter, ctx.params.id));
}
