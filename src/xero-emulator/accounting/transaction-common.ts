import type { Rec } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { render, round2 } from '../core/render.js';
import { parseInputDate, todayDate } from '../core/xero-date.js';
import type { OrgState } from '../state/org-state.js';
import { accountByCode, itemByCode } from './indexes.js';
import { taxRatePercent } from './tax-rates.routes.js';
import { num, str } from './write-pipeline.js';

export const LINE_AMOUNT_TYPES = ['Exclusive', 'Inclusive', 'NoTax'];

export interface ComputedLines {
  lines: Rec[];
  SubTotal: number;
  TotalTax: number;
  Total: number;
  TotalDiscount: number;
}

/** Default tax types per region and side; seeds create these tax rates. */
export function defaultTaxType(org: OrgState, side: 'sale' | 'purchase'): string {
  if (org.countryCode === 'AU') return side === 'sale' ? 'OUTPUT' : 'INPUT';
  if (org.countryCode === 'GB') return side === 'sale' ? 'OUTPUT2' : 'INPUT2';
  return side === 'sale' ? 'TAX001' : 'NONE';
}

/** Xero computes every amount itself: line amounts, tax per line by LineAmountTypes, and totals. */
export function computeLines(
  org: OrgState,
  raw: unknown,
  lineAmountTypes: string,
  side: 'sale' | 'purchase',
  requireAccounts: boolean,
  errors: string[],
): ComputedLines {
  const lines: Rec[] = [];
  let sub = 0;
  let tax = 0;
  let discount = 0;
  for (const src of Array.isArray(raw) ? (raw as Rec[]) : []) {
    const line: Rec = { ...src };
    const item = itemByCode(org, str(line.ItemCode));
    if (line.ItemCode && !item) errors.push(`Item code '${String(line.ItemCode)}' is not valid.`);
    const details = (item?.[side === 'sale' ? 'SalesDetails' : 'PurchaseDetails'] ?? {}) as Rec;
    if (item && line.Description === undefined) line.Description = item.Description ?? item.Name;
    if (item && line.AccountCode === undefined && details.AccountCode) line.AccountCode = details.AccountCode;
    if (
      item &&
      line.UnitAmount === undefined &&
      line.LineAmount === undefined &&
      details.UnitPrice !== undefined
    ) {
      line.UnitAmount = details.UnitPrice;
    }
    if (!str(line.Description) && !item)
      errors.push('The description field is mandatory for each line item.');
    const account = accountByCode(org, str(line.AccountCode));
    if (line.AccountCode !== undefined && !account) {
      errors.push(`Account code '${String(line.AccountCode)}' is not a valid code for this document.`);
    } else if (!line.AccountCode && requireAccounts) {
      errors.push('Account code must be specified for each line item on an approved document.');
    }
    const quantity = num(line.Quantity) ?? 1;
    const disc = num(line.DiscountRate) ?? 0;
    let unit = num(line.UnitAmount);
    let amount: number;
    if (unit === undefined) {
      amount = round2(num(line.LineAmount) ?? 0);
      unit = quantity === 0 ? 0 : round2(amount / quantity);
    } else {
      amount = round2(quantity * unit * (1 - disc / 100));
    }
    discount += round2(quantity * unit * (disc / 100));
    const taxType =
      lineAmountTypes === 'NoTax'
        ? 'NONE'
        : (str(line.TaxType) ?? str(details.TaxType) ?? str(account?.TaxType) ?? defaultTaxType(org, side));
    const rate = taxRatePercent(org, taxType);
    if (rate === undefined && taxType !== 'NONE') {
      errors.push(
        `The TaxType code '${taxType}' does not exist or cannot be used with this type of transaction.`,
      );
    }
    const r = rate ?? 0;
    const lineTax =
      lineAmountTypes === 'NoTax'
        ? 0
        : lineAmountTypes === 'Inclusive'
          ? round2((amount * r) / (100 + r))
          : round2((amount * r) / 100);
    sub += lineAmountTypes === 'Inclusive' ? amount - lineTax : amount;
    tax += lineTax;
    lines.push({
      ...line,
      LineItemID: str(line.LineItemID) ?? newId(),
      Quantity: quantity,
      UnitAmount: unit,
      TaxType: taxType,
      TaxAmount: lineTax,
      LineAmount: amount,
      ...(account ? { AccountID: account.AccountID } : {}),
      ...(item ? { Item: { ItemID: item.ItemID, Code: item.Code, Name: item.Name } } : {}),
      Tracking: Array.isArray(line.Tracking) ? line.Tracking : [],
    });
  }
  const SubTotal = round2(sub);
  const TotalTax = round2(tax);
  return { lines, SubTotal, TotalTax, Total: round2(SubTotal + TotalTax), TotalDiscount: round2(discount) };
}

export interface ContactResolution {
  contact?: Rec;
  /** A contact Xero creates on the fly when a transaction names an unknown contact. */
  create?: Rec;
  error?: string;
}

export function resolveContact(
  org: OrgState,
  ref: unknown,
  allowCreate: boolean,
  now: number,
): ContactResolution {
  if (!ref || typeof ref !== 'object')
    return { error: 'A Contact must be specified for this type of transaction' };
  const r = ref as Rec;
  const id = str(r.ContactID);
  if (id) {
    const c = org.contacts.get(id);
    return c ? { contact: c } : { error: 'The contact with the specified ContactID could not be found.' };
  }
  const name = str(r.Name)?.trim();
  if (!name) return { error: 'A Contact must be specified for this type of transaction' };
  const lower = name.toLowerCase();
  const found = org.contacts.find(
    (c) => String(c.Name).toLowerCase() === lower && c.ContactStatus === 'ACTIVE',
  );
  if (found) return { contact: found };
  if (!allowCreate) return { error: `The contact '${name}' could not be found.` };
  const create: Rec = {
    ContactID: newId(),
    Name: name,
    ContactStatus: 'ACTIVE',
    Addresses: [],
    Phones: [],
    ContactPersons: [],
    UpdatedDateUTC: now,
  };
  return { contact: create, create };
}

export function docDate(
  value: unknown,
  fallback: string | undefined,
  field: string,
  errors: string[],
): string | undefined {
  if (value === undefined || value === null || value === '') return fallback;
  const d = parseInputDate(value);
  if (!d) errors.push(`${field} is not a valid date.`);
  return d ?? fallback;
}

export function today(): string {
  return todayDate();
}

export function nextNumber(prefix: string, counter: number, taken: (n: string) => boolean): [string, number] {
  let n = counter;
  let candidate: string;
  do {
    n++;
    candidate = `${prefix}${String(n).padStart(4, '0')}`;
  } while (taken(candidate));
  return [candidate, n];
}

/** Embeds the contact summary Xero returns inside transactions. */
export function renderTransaction(org: OrgState, rec: Rec): Rec {
  const ref = rec.Contact as Rec | undefined;
  const contact = ref?.ContactID ? org.contacts.get(String(ref.ContactID)) : undefined;
  const out = render(rec) as Rec;
  if (contact) {
    out.Contact = {
      ContactID: contact.ContactID,
      Name: contact.Name,
      ContactStatus: contact.ContactStatus,
      ...(contact.EmailAddress ? { EmailAddress: contact.EmailAddress } : {}),
      HasValidationErrors: false,
    };
  }
  return out;
}

/**
 * xero-node serialises unset arrays and objects of a model as `[]` / `{}` (Xero's own update examples
 * send `"LineItems": [], "Contact": {}`): on an update they mean "unchanged", not "remove".
 */
export function dropEmptyUpdateFields(patch: Rec, existing: Rec | undefined): void {
  if (!existing) return;
  if (Array.isArray(patch.LineItems) && patch.LineItems.length === 0) delete patch.LineItems;
  const contact = patch.Contact;
  if (contact && typeof contact === 'object' && Object.keys(contact).length === 0) delete patch.Contact;
}
