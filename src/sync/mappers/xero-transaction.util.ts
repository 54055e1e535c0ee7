import type { Contact, LineItem } from 'xero-node';
import { TaxCalculation } from '../../schema/enums.js';
import { addDecimal, decimal, decimalOrZero, subtractDecimal } from './decimal.util.js';
import type { InvoiceLineFields, MappedChild, References } from './mapped-record.js';
import { type MapIssues, refById, refByIdOrCode } from './record-builder.util.js';
import { personKey } from './xero-contact.mapper.js';
import { enumName, lookupEnum, text } from './xero-value.util.js';

/** Invoice, purchase order and credit note lines share one shape. */
export type TransactionLineFields = InvoiceLineFields;

const TAX_CALCULATION: Record<string, TaxCalculation> = {
  EXCLUSIVE: TaxCalculation.EXCLUSIVE,
  INCLUSIVE: TaxCalculation.INCLUSIVE,
  NOTAX: TaxCalculation.NO_TAX,
};

/** Xero LineAmountTypes (Exclusive | Inclusive | NoTax); Xero's default is Exclusive. */
export function taxCalculation(value: unknown, issues: MapIssues): TaxCalculation {
  if (value === undefined || value === null) return TaxCalculation.EXCLUSIVE;
  return lookupEnum(TAX_CALCULATION, value, TaxCalculation.EXCLUSIVE, 'LineAmountTypes', (m) =>
    issues.warn(m),
  );
}

/**
 * The customer or supplier, and its person when the embedded Contact carries an email (list
 * responses usually embed only ContactID and Name, so personId is then left for the sync to decide).
 */
export function partyReferences(contact: Contact | undefined): References {
  const contactId = text(contact?.contactID);
  const key =
    contactId && text(contact?.emailAddress)
      ? personKey(contactId, contact?.emailAddress ?? null, null, null)
      : null;
  return { organizationId: refById('Organization', contactId), personId: refById('Person', key) };
}

/**
 * Net, tax and total of a line. Xero's LineAmount is after discount and excludes tax, except under
 * Inclusive where it includes it; TaxAmount is always the tax part.
 */
function lineAmounts(line: LineItem, calculation: TaxCalculation) {
  const lineAmount = decimalOrZero(line.lineAmount);
  const taxAmount = decimalOrZero(line.taxAmount);
  if (calculation === TaxCalculation.INCLUSIVE) {
    return { netAmount: subtractDecimal(lineAmount, taxAmount), taxAmount, totalAmount: lineAmount };
  }
  return { netAmount: lineAmount, taxAmount, totalAmount: addDecimal(lineAmount, taxAmount) };
}

/** One Xero LineItem -> a Connec! line; item by ItemID or ItemCode, account by AccountID or AccountCode. */
export function mapLine(
  line: LineItem,
  index: number,
  calculation: TaxCalculation,
): MappedChild<TransactionLineFields> {
  return {
    xeroId: text(line.lineItemID),
    fields: {
      lineNumber: index + 1,
      description: text(line.description),
      // Description-only lines carry no quantity; Xero treats a missing quantity as 1.
      quantity: decimal(line.quantity) ?? '1',
      unitPrice: decimalOrZero(line.unitAmount),
      discountPercent: decimal(line.discountRate),
      // Xero gives no rate on a line; the TaxCode (line TaxType) has it.
      taxRate: null,
      ...lineAmounts(line, calculation),
    },
    references: {
      itemId: refByIdOrCode('Item', text(line.item?.itemID), text(line.itemCode)),
      accountId: refByIdOrCode('Account', text(line.accountID), text(line.accountCode)),
      taxCodeId: refById('TaxCode', text(line.taxType)),
    },
  };
}

/** All lines of a document, numbered from 1 in Xero's order. */
export function mapLines(
  lines: LineItem[] | undefined,
  calculation: TaxCalculation,
): Array<MappedChild<TransactionLineFields>> {
  return (lines ?? []).map((line, index) => mapLine(line, index, calculation));
}

/** Document totals; Xero computes them, so missing ones are zero rather than recomputed. */
export function documentAmounts(doc: { subTotal?: number; totalTax?: number; total?: number }) {
  return {
    netAmount: decimalOrZero(doc.subTotal),
    taxAmount: decimalOrZero(doc.totalTax),
    totalAmount: decimalOrZero(doc.total),
  };
}

/** The currency code as text (xero-node types it as an enum). */
export function currency(value: unknown): string | null {
  return enumName(value);
}
