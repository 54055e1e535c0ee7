import type { Item, Purchase } from 'xero-node';
import { ItemType, RecordStatus } from '../../schema/enums.js';
import type { Amount } from '../../schema/value-objects.js';
import { decimal, divideDecimal } from './decimal.util.js';
import type { ItemFields, MappedRecord } from './mapped-record.js';
import { buildRecord, MapIssues, refById, refByIdOrCode } from './record-builder.util.js';
import { flag, text } from './xero-value.util.js';

export type MappedItem = MappedRecord<ItemFields>;

/** Xero's item prices are unit prices without tax information: they fill the net amount only. */
function price(details: Purchase | undefined): Amount | null {
  const unitPrice = decimal(details?.unitPrice);
  if (unitPrice === null) return null;
  return { netAmount: unitPrice, taxAmount: null, totalAmount: null, taxRate: null, currency: null };
}

function itemType(item: Item): ItemType {
  if (flag(item.isTrackedAsInventory)) return ItemType.INVENTORY;
  if (flag(item.isPurchased) && !flag(item.isSold)) return ItemType.PURCHASED;
  return ItemType.SERVICE;
}

/** Average unit cost of tracked stock: TotalCostPool / QuantityOnHand, to 4 places like Xero's unit prices. */
function averageCost(item: Item, tracked: boolean): string | null {
  const pool = decimal(item.totalCostPool);
  const quantity = decimal(item.quantityOnHand);
  if (!tracked || pool === null || quantity === null) return null;
  return divideDecimal(pool, quantity, 4);
}

/**
 * Maps a Xero Item. Rule 14: QuantityOnHand is Xero's (read-only); it is only meaningful for tracked
 * items, whose purchases post to the COGS account rather than PurchaseDetails.AccountCode.
 */
export function mapXeroItem(item: Item): MappedItem {
  const issues = new MapIssues();
  const tracked = flag(item.isTrackedAsInventory);
  const code = issues.required('Code', text(item.code), '');
  const purchaseAccount = tracked
    ? (text(item.purchaseDetails?.cOGSAccountCode) ?? text(item.purchaseDetails?.accountCode))
    : text(item.purchaseDetails?.accountCode);
  return buildRecord('Item', issues, {
    xeroId: text(item.itemID),
    idField: 'ItemID',
    updatedAt: item.updatedDateUTC,
    fields: {
      code,
      // Name is optional in older Xero items; the code is what Xero shows then.
      name: text(item.name) ?? code,
      description: text(item.description),
      type: itemType(item),
      // Xero Items have no status: a deleted item simply disappears (the sync learns it from a 404).
      status: RecordStatus.ACTIVE,
      salePrice: price(item.salesDetails),
      purchasePrice: price(item.purchaseDetails),
      isInventoried: tracked,
      quantityOnHand: tracked ? decimal(item.quantityOnHand) : null,
      averageCost: averageCost(item, tracked),
    },
    references: {
      saleTaxCodeId: refById('TaxCode', text(item.salesDetails?.taxType)),
      purchaseTaxCodeId: refById('TaxCode', text(item.purchaseDetails?.taxType)),
      saleAccountId: refByIdOrCode('Account', null, text(item.salesDetails?.accountCode)),
      purchaseAccountId: refByIdOrCode('Account', null, purchaseAccount),
    },
  });
}
