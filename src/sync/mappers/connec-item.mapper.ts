import type { Item } from 'xero-node';

/** One side (sales or purchases) of an item, references resolved. */
export interface ResolvedItemSide {
  unitPrice: string | null;
  accountId: string | null;
  accountCode: string | null;
  taxCodeId: string | null;
  /** Xero's TaxType (the tax code's Xero id). */
  taxType: string | null;
}

/** The fields of an item write; `undefined` means "not given" (an update keeps that field). */
export interface ResolvedItem {
  code?: string;
  name?: string;
  description?: string | null;
  /** Whole sides: Xero replaces SalesDetails / PurchaseDetails as a block, so an update sends them whole. */
  sale?: ResolvedItemSide;
  purchase?: ResolvedItemSide;
  /** Tracked by Xero (rule 14): purchases go to its COGS account, and inventory stays Xero's. */
  tracked: boolean;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function details(side: ResolvedItemSide, accountField: 'accountCode' | 'cOGSAccountCode') {
  return defined({
    unitPrice: side.unitPrice === null ? undefined : Number(side.unitPrice),
    [accountField]: side.accountCode ?? undefined,
    taxType: side.taxType ?? undefined,
  });
}

/**
 * The Xero Item of a write. QuantityOnHand, TotalCostPool and IsTrackedAsInventory are never sent:
 * inventory is Xero's (rule 14); a tracked item's purchase account travels as its COGSAccountCode.
 */
export function toXeroItem(item: ResolvedItem): Item {
  return defined({
    code: item.code,
    name: item.name,
    description: item.description === undefined ? undefined : (item.description ?? ''),
    salesDetails: item.sale ? details(item.sale, 'accountCode') : undefined,
    purchaseDetails: item.purchase
      ? details(item.purchase, item.tracked ? 'cOGSAccountCode' : 'accountCode')
      : undefined,
  }) as unknown as Item;
}

const price = (unitPrice: string | null) =>
  unitPrice === null
    ? null
    : { netAmount: unitPrice, taxAmount: null, totalAmount: null, taxRate: null, currency: null };

/** The cache fields of an item whose write is pending. */
export function pendingItemFields(item: ResolvedItem, isCreate: boolean): Record<string, unknown> {
  return defined({
    code: item.code,
    name: item.name,
    description: item.description,
    type: isCreate ? 'SERVICE' : undefined,
    status: isCreate ? 'ACTIVE' : undefined,
    isInventoried: isCreate ? false : undefined,
    salePrice: item.sale ? price(item.sale.unitPrice) : undefined,
    saleAccountId: item.sale?.accountId,
    saleTaxCodeId: item.sale?.taxCodeId,
    purchasePrice: item.purchase ? price(item.purchase.unitPrice) : undefined,
    purchaseAccountId: item.purchase?.accountId,
    purchaseTaxCodeId: item.purchase?.taxCodeId,
  });
}
