import { PartyType, TransactionStatus } from '../schema/enums.js';
import { Invoice, InvoiceLine } from '../schema/invoice.entity.js';
import { Payment } from '../schema/payment.entity.js';
import { DecimalScalar } from '../schema/scalars.js';
import { byDate, dateRange, transactionFilters, transactionOrder } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { type ChildSpec, defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver, createRelationResolver } from './list/entity-resolver.js';
import { anyOf, atLeast } from './list/filter-spec.js';
import { hasMany } from './list/relations.js';
import { lineRelations, transactionRelations } from './list/transaction-relations.js';

const invoiceLines: ChildSpec = {
  entity: () => InvoiceLine,
  foreignKey: 'invoice_id',
  orderBy: 'line_number',
};

export const invoiceDescriptor = defineEntity({
  name: 'Invoice',
  entity: Invoice,
  single: 'invoice',
  plural: 'invoices',
  filters: {
    status: anyOf('status', TransactionStatus, 'Only invoices with one of these statuses.'),
    type: anyOf('type', PartyType, 'CUSTOMER for sales invoices, SUPPLIER for bills.'),
    ...transactionFilters('invoice_lines', 'invoice_id'),
    ...dateRange('dueDate', 'due_date', 'due date'),
    balanceMin: atLeast('balance', DecimalScalar, 'Only invoices with at least this amount still due.'),
  },
  orderBy: { ...transactionOrder, DUE_DATE: byDate('due_date', 'Due date.') },
  defaultOrder: { field: 'TRANSACTION_DATE', direction: SortDirection.DESC },
  children: { lines: invoiceLines },
});

export const InvoiceResolver = createEntityResolver(invoiceDescriptor, {
  ...transactionRelations(),
  lines: hasMany(invoiceLines, 'The lines of the invoice, in order.'),
  payments: hasMany(
    { entity: () => Payment, foreignKey: 'invoice_id', orderBy: 'transaction_date' },
    'Payments of the invoice, oldest first.',
  ),
});

export const InvoiceLineResolver = createRelationResolver(InvoiceLine, lineRelations());
