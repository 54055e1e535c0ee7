import { PurchaseOrderStatus } from '../schema/enums.js';
import { PurchaseOrder, PurchaseOrderLine } from '../schema/purchase-order.entity.js';
import { byDate, dateRange, transactionFilters, transactionOrder } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { type ChildSpec, defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver, createRelationResolver } from './list/entity-resolver.js';
import { anyOf } from './list/filter-spec.js';
import { hasMany } from './list/relations.js';
import { lineRelations, transactionRelations } from './list/transaction-relations.js';

const orderLines: ChildSpec = {
  entity: () => PurchaseOrderLine,
  foreignKey: 'purchase_order_id',
  orderBy: 'line_number',
};

export const purchaseOrderDescriptor = defineEntity({
  name: 'PurchaseOrder',
  entity: PurchaseOrder,
  single: 'purchaseOrder',
  plural: 'purchaseOrders',
  filters: {
    status: anyOf('status', PurchaseOrderStatus, 'Only purchase orders with one of these statuses.'),
    ...transactionFilters('purchase_order_lines', 'purchase_order_id'),
    ...dateRange('deliveryDate', 'delivery_date', 'delivery date'),
  },
  orderBy: { ...transactionOrder, DELIVERY_DATE: byDate('delivery_date', 'Delivery date.') },
  defaultOrder: { field: 'TRANSACTION_DATE', direction: SortDirection.DESC },
  children: { lines: orderLines },
});

export const PurchaseOrderResolver = createEntityResolver(purchaseOrderDescriptor, {
  ...transactionRelations(),
  lines: hasMany(orderLines, 'The lines of the purchase order, in order.'),
});

export const PurchaseOrderLineResolver = createRelationResolver(PurchaseOrderLine, lineRelations());
