import type { Invoice, LineItem } from 'xero-node';
import { PartyType, TaxCalculation, type TransactionStatus } from '../../schema/enums.js';
import { addDecimal, divideDecimal, subtractDecimal, sumDecimals } from './decimal.util.js';

/** An invoice line with its references already resolved (Connec! ids for the cache, codes for Xero). */
export interface ResolvedInvoiceLine {
  description: string | null;
  quantity: string;
  unitPrice: string | null;
  discountPercent: string | null;
  itemId: string | null;
  itemCode: string | null;
  accountId: string | null;
  accountCode: string | null;
  taxCodeId: string | null;
  /** Xero's TaxType (the tax code's Xero id). */
  taxType: string | null;
  /** Percent, for the provisional amounts shown while the write is pending. */
  taxRate: string | null;
}

/** The fields of an invoice write; `undefined` means "not given" (an update keeps that field). */
export interface ResolvedInvoice {
  type?: PartyType;
  status?: TransactionStatus;
  transactionNumber?: string | null;
  transactionDate?: string | null;
  dueDate?: string | null;
  reference?: string | null;
  currency?: string | null;
  taxCalculation?: TaxCalculation;
  organizationId?: string;
  personId?: string | null;
  contactXeroId?: string;
  lines?: ResolvedInvoiceLine[];
}

const XERO_TYPE: Record<PartyType, string> = { CUSTOMER: 'ACCREC', SUPPLIER: 'ACCPAY' };
const XERO_LINE_AMOUNT_TYPES: Record<TaxCalculation, string> = {
  EXCLUSIVE: 'Exclusive',
  INCLUSIVE: 'Inclusive',
  NO_TAX: 'NoTax',
};

/** Only the given fields, so a partial update leaves the others alone in Xero. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A Connec! line -> a Xero LineItem; amounts travel as numbers because xero-node's model says so. */
export function toXeroLineItem(line: ResolvedInvoiceLine): LineItem {
  return defined({
    description: line.description ?? undefined,
    quantity: Number(line.quantity),
    unitAmount: line.unitPrice === null ? undefined : Number(line.unitPrice),
    discountRate: line.discountPercent === null ? undefined : Number(line.discountPercent),
    itemCode: line.itemCode ?? undefined,
    accountCode: line.accountCode ?? undefined,
    taxType: line.taxType ?? undefined,
  }) as LineItem;
}

/**
 * The Xero Invoice for a create (no id) or an update (with `xeroId`): the given fields only. Xero
 * computes every amount itself, so none is sent.
 */
export function toXeroInvoice(invoice: ResolvedInvoice, xeroId?: string | null): Invoice {
  return defined({
    invoiceID: xeroId ?? undefined,
    type: invoice.type ? XERO_TYPE[invoice.type] : undefined,
    status: invoice.status,
    invoiceNumber: nullToEmpty(invoice.transactionNumber),
    date: nullToEmpty(invoice.transactionDate),
    dueDate: nullToEmpty(invoice.dueDate),
    reference: nullToEmpty(invoice.reference),
    currencyCode: invoice.currency ?? undefined,
    lineAmountTypes: invoice.taxCalculation ? XERO_LINE_AMOUNT_TYPES[invoice.taxCalculation] : undefined,
    contact: invoice.contactXeroId ? { contactID: invoice.contactXeroId } : undefined,
    lineItems: invoice.lines?.map(toXeroLineItem),
  }) as unknown as Invoice;
}

/** Xero clears a text field given as "" (null would be ignored). */
function nullToEmpty(value: string | null | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value ?? '';
}

/** value * factor / divisor rounded to 2 places, exactly (scaled BigInts). */
function scale(value: string, factor: string, divisor: string): string {
  return divideDecimal(multiply(value, factor), divisor, 2) ?? '0';
}

function multiply(a: string, b: string): string {
  const [ai, af = ''] = a.replace('-', '').split('.');
  const [bi, bf = ''] = b.replace('-', '').split('.');
  const product = BigInt(ai + af) * BigInt(bi + bf);
  const places = af.length + bf.length;
  const digits = product.toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return (a.startsWith('-') !== b.startsWith('-') && product !== 0n ? '-' : '') + text;
}

/**
 * Line amounts as Xero will compute them (quantity x price less discount, tax at the code's rate), shown
 * while the write waits for Xero; Xero's own figures replace them once it answers.
 */
export function provisionalLineAmounts(line: ResolvedInvoiceLine, calculation: TaxCalculation) {
  const gross = multiply(line.quantity, line.unitPrice ?? '0');
  const lineAmount = scale(gross, subtractDecimal('100', line.discountPercent ?? '0'), '100');
  const rate = calculation === TaxCalculation.NO_TAX ? '0' : (line.taxRate ?? '0');
  if (calculation === TaxCalculation.INCLUSIVE) {
    const tax = scale(lineAmount, rate, addDecimal('100', rate));
    return { netAmount: subtractDecimal(lineAmount, tax), taxAmount: tax, totalAmount: lineAmount };
  }
  const tax = scale(lineAmount, rate, '100');
  return { netAmount: lineAmount, taxAmount: tax, totalAmount: addDecimal(lineAmount, tax) };
}

/** The cache fields of an invoice whose write is pending: the input, with provisional amounts. */
export function pendingInvoiceFields(invoice: ResolvedInvoice, isCreate: boolean): Record<string, unknown> {
  const calculation = invoice.taxCalculation ?? TaxCalculation.EXCLUSIVE;
  const lines = invoice.lines?.map((line, index) => ({
    lineNumber: index + 1,
    description: line.description,
    quantity: line.quantity,
    unitPrice: line.unitPrice ?? '0',
    discountPercent: line.discountPercent,
    itemId: line.itemId,
    accountId: line.accountId,
    taxCodeId: line.taxCodeId,
    taxRate: line.taxRate,
    ...provisionalLineAmounts(line, calculation),
  }));
  const totals = lines && {
    netAmount: sumDecimals(lines.map((line) => line.netAmount)),
    taxAmount: sumDecimals(lines.map((line) => line.taxAmount)),
    totalAmount: sumDecimals(lines.map((line) => line.totalAmount)),
  };
  return defined({
    type: invoice.type ?? (isCreate ? PartyType.CUSTOMER : undefined),
    status: invoice.status ?? (isCreate ? 'DRAFT' : undefined),
    transactionNumber: invoice.transactionNumber,
    transactionDate: invoice.transactionDate,
    dueDate: invoice.dueDate,
    reference: invoice.reference,
    currency: invoice.currency,
    taxCalculation: invoice.taxCalculation ?? (isCreate ? calculation : undefined),
    organizationId: invoice.organizationId,
    personId: invoice.personId,
    lines,
    ...(totals ?? {}),
    ...(totals && isCreate ? { balance: totals.totalAmount, paidAmount: '0' } : {}),
  });
}
