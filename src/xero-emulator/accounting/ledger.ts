import type { Rec } from '../core/errors.js';
import type { OrgState } from '../state/org-state.js';

/** Net balance per account id in cents: positive = debit, negative = credit. */
export type Balances = Map<string, number>;

const cents = (n: unknown) => Math.round(Number(n ?? 0) * 100);

function systemAccount(org: OrgState, kind: string): string | undefined {
  return org.accounts.find((a) => a.SystemAccount === kind)?.AccountID as string | undefined;
}

function lineNet(line: Rec, lineAmountTypes: unknown): number {
  const amount = cents(line.LineAmount);
  return lineAmountTypes === 'Inclusive' ? amount - cents(line.TaxAmount) : amount;
}

/**
 * Double-entry postings of authorised documents and payments up to `asOf`. Sales debit receivables and
 * credit revenue and tax; bills the reverse; payments move the bank against receivables/payables.
 */
export function computeBalances(org: OrgState, asOf: string): Balances {
  const ar = systemAccount(org, 'DEBTORS');
  const ap = systemAccount(org, 'CREDITORS');
  const tax = systemAccount(org, 'GST');
  const balances: Balances = new Map();
  const post = (account: string | undefined, amount: number) => {
    if (!account || amount === 0) return;
    balances.set(account, (balances.get(account) ?? 0) + amount);
  };
  const postDocument = (doc: Rec, sign: 1 | -1, control: string | undefined) => {
    // sign 1: the control account is debited (sales invoice, supplier credit); lines and tax are credited.
    let lines = 0;
    for (const line of (doc.LineItems as Rec[]) ?? []) {
      const net = lineNet(line, doc.LineAmountTypes);
      lines += net;
      post(line.AccountID as string | undefined, -sign * net);
    }
    const total = cents(doc.Total);
    const taxAmount = total - lines;
    post(tax, -sign * taxAmount);
    post(control, sign * total);
  };
  const live = (d: Rec) => (d.Status === 'AUTHORISED' || d.Status === 'PAID') && String(d.Date) <= asOf;
  for (const inv of org.invoices.all()) {
    if (!live(inv)) continue;
    if (inv.Type === 'ACCREC') postDocument(inv, 1, ar);
    else postDocument(inv, -1, ap);
  }
  for (const cn of org.creditNotes.all()) {
    if (!live(cn)) continue;
    if (cn.Type === 'ACCRECCREDIT') postDocument(cn, -1, ar);
    else postDocument(cn, 1, ap);
  }
  for (const p of org.payments.all()) {
    if (p.Status !== 'AUTHORISED' || String(p.Date) > asOf) continue;
    const bank = (p.Account as Rec).AccountID as string;
    const amount = cents(p.Amount);
    switch (p.PaymentType) {
      case 'ACCRECPAYMENT':
        post(bank, amount);
        post(ar, -amount);
        break;
      case 'ACCPAYPAYMENT':
        post(ap, amount);
        post(bank, -amount);
        break;
      case 'ARCREDITPAYMENT':
        post(ar, amount);
        post(bank, -amount);
        break;
      case 'APCREDITPAYMENT':
        post(bank, amount);
        post(ap, -amount);
        break;
    }
  }
  return balances;
}
