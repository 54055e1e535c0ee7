import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantOwned } from './connec-entity.js';
import { PartyType, TransactionStatus } from './enums.js';
import { DateScalar, DecimalScalar } from './scalars.js';
import { TransactionEntity, TransactionLine } from './transaction.js';

/** A credit note to a customer (Xero ACCRECCREDIT) or from a supplier (ACCPAYCREDIT). */
@Entity({ name: 'credit_notes' })
@Index(['tenantId', 'transactionDate', 'id'])
@Index(['tenantId', 'organizationId'])
@ObjectType('CreditNote', { description: 'A credit note to a customer or from a supplier.' })
export class CreditNote extends TransactionEntity {
  @Column({ type: 'text', default: PartyType.CUSTOMER })
  @Field(() => PartyType, { description: 'CUSTOMER (ACCRECCREDIT) or SUPPLIER (ACCPAYCREDIT).' })
  type!: PartyType;

  @Column({ type: 'text', default: TransactionStatus.DRAFT })
  @Field(() => TransactionStatus, { description: 'Status, as in Xero.' })
  status!: TransactionStatus;

  @Column({ type: 'numeric', name: 'remaining_credit', default: 0 })
  @Field(() => DecimalScalar, { description: 'Credit not yet allocated or refunded.' })
  remainingCredit!: string;
}

@Entity({ name: 'credit_note_lines' })
@Index(['tenantId', 'creditNoteId'])
@Index(['tenantId', 'itemId'])
@ObjectType('CreditNoteLine', { description: 'One line of a credit note.' })
export class CreditNoteLine extends TransactionLine {
  @Column({ type: 'uuid', name: 'credit_note_id' })
  @Field(() => ID, { description: 'Connec! id of the credit note.' })
  creditNoteId!: string;

  @ManyToOne(() => CreditNote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'credit_note_id' })
  creditNote?: CreditNote;
}

@Entity({ name: 'credit_note_allocations' })
@Index(['tenantId', 'creditNoteId'])
@Index(['tenantId', 'invoiceId'])
@ObjectType('CreditNoteAllocation', { description: 'Part of a credit note applied to an invoice.' })
export class CreditNoteAllocation extends TenantOwned {
  @Column({ type: 'uuid', name: 'credit_note_id' })
  @Field(() => ID, { description: 'Connec! id of the credit note.' })
  creditNoteId!: string;

  @ManyToOne(() => CreditNote, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'credit_note_id' })
  creditNote?: CreditNote;

  @Column({ type: 'uuid', name: 'invoice_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the invoice the credit was applied to.' })
  invoiceId!: string | null;

  @Column({ type: 'numeric' })
  @Field(() => DecimalScalar, { description: 'Amount applied.' })
  amount!: string;

  @Column({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Date of the allocation.' })
  date!: string | null;
}
