import type { PurchaseOrder } from 'xero-node';
import { PurchaseOrderStatus } from '../../schema/enums.js';
import type { Address } from '../../schema/value-objects.js';
import type { MappedPurchaseOrder } from './mapped-record.js';
import { buildRecord, MapIssues } from './record-builder.util.js';
import { nullIfEmpty } from './xero-contact-info.util.js';
import {
  currency,
  documentAmounts,
  mapLines,
  partyReferences,
  taxCalculation,
} from './xero-transaction.util.js';
import { calendarDate, lookupEnum, text } from './xero-value.util.js';

const STATUS: Record<string, PurchaseOrderStatus> = {
  DRAFT: PurchaseOrderStatus.DRAFT,
  SUBMITTED: PurchaseOrderStatus.SUBMITTED,
  AUTHORISED: PurchaseOrderStatus.AUTHORISED,
  BILLED: PurchaseOrderStatus.BILLED,
  DELETED: PurchaseOrderStatus.DELETED,
};

/**
 * Xero keeps a purchase order's delivery address as one free-text block (lines separated by newlines)
 * plus AttentionTo; the first line is the street, the rest go to line2.
 */
function deliveryAddress(order: PurchaseOrder): Address | null {
  const lines = (text(order.deliveryAddress) ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return nullIfEmpty({
    attention: text(order.attentionTo),
    line1: lines[0] ?? null,
    line2: lines.length > 1 ? lines.slice(1).join(', ') : null,
    city: null,
    region: null,
    postalCode: null,
    country: null,
  });
}

/** Maps a Xero PurchaseOrder with its lines; DELETED becomes a tombstone. */
export function mapXeroPurchaseOrder(order: PurchaseOrder): MappedPurchaseOrder {
  const issues = new MapIssues();
  const status = lookupEnum(STATUS, order.status, PurchaseOrderStatus.DRAFT, 'PurchaseOrder Status', (m) =>
    issues.warn(m),
  );
  const calculation = taxCalculation(order.lineAmountTypes, issues);
  return buildRecord('PurchaseOrder', issues, {
    xeroId: text(order.purchaseOrderID),
    idField: 'PurchaseOrderID',
    updatedAt: order.updatedDateUTC,
    tombstone: status === PurchaseOrderStatus.DELETED ? 'DELETED' : null,
    fields: {
      status,
      transactionNumber: text(order.purchaseOrderNumber),
      transactionDate: issues.required('Date', calendarDate(order.date), ''),
      deliveryDate: calendarDate(order.deliveryDate),
      deliveryAddress: deliveryAddress(order),
      reference: text(order.reference),
      currency: currency(order.currencyCode),
      taxCalculation: calculation,
      ...documentAmounts(order),
    },
    references: partyReferences(order.contact),
    children: { lines: mapLines(order.lineItems, calculation) },
  });
}
