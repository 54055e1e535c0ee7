import { CreditNote, CreditNoteAllocation, CreditNoteLine } from '../schema/credit-note.entity.js';
import { PartyType, TransactionStatus } from '../schema/enums.js';
import { Invoice } from '../schema/invoice.entity.js';
import { DecimalScalar } from '../schema/scalars.js';
import { transactionFilters, transactionOrder } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { type ChildSpec, defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver, createRelationResolver } from './list/entity-resolver.js';
import { anyOf, atLeast } from './list/filter-spec.js';
import { belongsTo, hasMany } from './list/relations.js';
import { lineRelations, transactionRelations } from './list/transaction-relations.js';

const creditLines: ChildSpec = {
  entity: () => CreditNoteLine,
  foreignKey: 'credit_note_id',
  orderBy: 'line_number',
};
const allocations: ChildSpec = {
  entity: () => CreditNoteAllocation,
  foreignKey: 'credit_note_id',
  orderBy: 'date',
};

export const creditNoteDescriptor = defineEntity({
  name: 'CreditNote',
  entity: CreditNote,
  single: 'creditNote',
  plural: 'creditNotes',
  filters: {
    status: anyOf('status', TransactionStatus, 'Only credit notes with one of these statuses.'),
    type: anyOf('type', PartyType, 'CUSTOMER or SUPPLIER credit notes.'),
    ...transactionFilters('credit_note_lines', 'credit_note_id'),
    remainingCreditMin: atLeast(
      'remaining_credit',
      DecimalScalar,
      'Only credit notes with at least this credit left.',
    ),
  },
  orderBy: transactionOrder,
  defaultOrder: { field: 'TRANSACTION_DATE', direction: SortDirection.DESC },
  children: { lines: creditLines, allocations },
});

export const CreditNoteResolver = createEntityResolver(creditNoteDescriptor, {
  ...transactionRelations(),
  lines: hasMany(creditLines, 'The lines of the credit note, in order.'),
  allocations: hasMany(allocations, 'Where the credit was applied.'),
});

export const CreditNoteLineResolver = createRelationResolver(CreditNoteLine, lineRelations());

export const CreditNoteAllocationResolver = createRelationResolver(CreditNoteAllocation, {
  invoice: belongsTo(() => Invoice, 'invoiceId', 'The invoice the credit was applied to.'),
});
