import { Account } from '../schema/account.entity.js';
import { CreditNote } from '../schema/credit-note.entity.js';
import { PartyType, PaymentStatus } from '../schema/enums.js';
import { Invoice } from '../schema/invoice.entity.js';
import { Payment } from '../schema/payment.entity.js';
import {
  amountRange,
  byCreatedAt,
  byDate,
  byNumber,
  byUpdatedAt,
  dateRange,
  updatedSince,
} from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver } from './list/entity-resolver.js';
import { anyOf, idIn, isTrue, textSearch } from './list/filter-spec.js';
import { belongsTo } from './list/relations.js';

export const paymentDescriptor = defineEntity({
  name: 'Payment',
  entity: Payment,
  single: 'payment',
  plural: 'payments',
  filters: {
    status: anyOf('status', PaymentStatus, 'Only payments with one of these statuses.'),
    type: anyOf('type', PartyType, 'CUSTOMER (received) or SUPPLIER (paid out).'),
    invoiceId: idIn('invoice_id', 'Only payments of these invoices (Connec! ids).'),
    creditNoteId: idIn('credit_note_id', 'Only refunds of these credit notes (Connec! ids).'),
    accountId: idIn('account_id', 'Only payments into or out of these bank accounts (Connec! ids).'),
    isReconciled: isTrue('is_reconciled', 'Only reconciled (true) or unreconciled (false) payments.'),
    ...dateRange('transactionDate', 'transaction_date', 'payment date'),
    ...amountRange('amount', 'amount', 'amount'),
    search: textSearch(['e.reference'], 'Text contained in the reference (case-insensitive).'),
    updatedSince: updatedSince(),
  },
  orderBy: {
    TRANSACTION_DATE: byDate('transaction_date', 'Payment date.'),
    AMOUNT: byNumber('amount', 'Amount.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'TRANSACTION_DATE', direction: SortDirection.DESC },
});

export const PaymentResolver = createEntityResolver(paymentDescriptor, {
  invoice: belongsTo(() => Invoice, 'invoiceId', 'The invoice paid.'),
  creditNote: belongsTo(() => CreditNote, 'creditNoteId', 'The credit note refunded.'),
  account: belongsTo(() => Account, 'accountId', 'The bank account.'),
});
