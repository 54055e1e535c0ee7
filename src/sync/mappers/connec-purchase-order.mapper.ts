import type { PurchaseOrder } from 'xero-node';
import { pendingInvoiceFields, type ResolvedInvoice, toXeroInvoice } from './connec-invoice.mapper.js';

/** A purchase order write: an invoice-shaped transaction with a delivery date. */
export interface ResolvedPurchaseOrder extends ResolvedInvoice {
  deliveryDate?: string | null;
}

/**
 * The Xero PurchaseOrder of a write: the same transaction fields as an invoice (Contact, lines, amounts
 * computed by Xero), numbered by PurchaseOrderNumber, with no type and no due date.
 */
export function toXeroPurchaseOrder(order: ResolvedPurchaseOrder): PurchaseOrder {
  const {
    type: _type,
    invoiceNumber,
    dueDate: _due,
    ...fields
  } = toXeroInvoice({ ...order, type: undefined }) as unknown as Record<string, unknown>;
  return {
    ...fields,
    ...(invoiceNumber !== undefined ? { purchaseOrderNumber: invoiceNumber } : {}),
    ...(order.deliveryDate !== undefined ? { deliveryDate: order.deliveryDate ?? '' } : {}),
  } as PurchaseOrder;
}

/** The cache fields of a purchase order whose write is pending. */
export function pendingPurchaseOrderFields(
  order: ResolvedPurchaseOrder,
  isCreate: boolean,
): Record<string, unknown> {
  const {
    type: _type,
    dueDate: _due,
    balance: _balance,
    paidAmount: _paid,
    ...fields
  } = pendingInvoiceFields(order, isCreate);
  return { ...fields, ...(order.deliveryDate !== undefined ? { deliveryDate: order.deliveryDate } : {}) };
}
