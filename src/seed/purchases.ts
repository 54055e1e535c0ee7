import type { CacheRecord } from '../cache/upsert.js';
import { addDays, money } from './random.js';
import { contact, type Ledger, transactionLines } from './sales.js';
import type { World } from './world.js';

const ORDER_STATUSES = ['DRAFT', 'SUBMITTED', 'AUTHORISED', 'AUTHORISED', 'BILLED', 'DELETED'];

export function purchaseOrders(
  world: World,
  count: number,
  ledger: Ledger,
  taxCodeIds: string[],
): CacheRecord[] {
  const { random } = world;
  return Array.from({ length: count }, (_, index) => {
    const date = addDays(world.anchor, -random.int(0, 729));
    const { lines, net, tax } = transactionLines(world, ledger, taxCodeIds, ledger.costAccount);
    return world.record('PurchaseOrder', {
      status: random.pick(ORDER_STATUSES),
      transactionNumber: `PO-${String(index + 1).padStart(6, '0')}`,
      transactionDate: date,
      deliveryDate: addDays(date, random.int(3, 21)),
      deliveryAddress: {
        line1: '1 Warehouse Rd',
        city: 'Sydney',
        region: 'NSW',
        postalCode: '2000',
        country: 'AU',
      },
      reference: random.chance(0.5) ? `REQ ${random.int(100, 9999)}` : null,
      ...contact(world),
      currency: 'AUD',
      taxCalculation: 'EXCLUSIVE',
      netAmount: money(net),
      taxAmount: money(tax),
      totalAmount: money(net + tax),
      lines,
    });
  });
}

/** Credit notes, about half of them allocated to an invoice. */
export function creditNotes(
  world: World,
  count: number,
  ledger: Ledger,
  taxCodeIds: string[],
): CacheRecord[] {
  const { random } = world;
  return Array.from({ length: count }, (_, index) => {
    const date = addDays(world.anchor, -random.int(0, 729));
    const { lines, net, tax } = transactionLines(world, ledger, taxCodeIds, ledger.salesAccount);
    const total = net + tax;
    const allocated = random.chance(0.5) ? Math.floor(total / 2) : 0;
    return world.record('CreditNote', {
      type: random.chance(0.85) ? 'CUSTOMER' : 'SUPPLIER',
      status: random.pick(['DRAFT', 'AUTHORISED', 'AUTHORISED', 'PAID']),
      transactionNumber: `CN-${String(index + 1).padStart(6, '0')}`,
      transactionDate: date,
      reference: `Credit ${index + 1}`,
      ...contact(world),
      currency: 'AUD',
      taxCalculation: 'EXCLUSIVE',
      netAmount: money(net),
      taxAmount: money(tax),
      totalAmount: money(total),
      remainingCredit: money(total - allocated),
      lines,
      allocations:
        allocated > 0
          ? [
              {
                invoiceId: world.pickId('Invoice'),
                amount: money(allocated),
                date: addDays(date, random.int(0, 10)),
              },
            ]
          : [],
    });
  });
}
