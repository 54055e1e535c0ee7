import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { PartyType, TransactionStatus } from './enums.js';
import { DateScalar, DecimalScalar } from './scalars.js';
import { TransactionEntity, TransactionLine } from './transaction.js';

/** A sales invoice (Xero ACCREC) or a supplier bill (ACCPAY). */
@Entity({ name: 'invoices' })
@Index(['tenantId', 'transactionDate', 'id'])
@Index(['tenantId', 'organizationId'])
@ObjectType('Invoice', { description: 'A sales invoice (Xero ACCREC) or a supplier bill (ACCPAY).' })
export class Invoice extends TransactionEntity {
  @Column({ type: 'text', default: PartyType.CUSTOMER })
  @Field(() => PartyType, { description: 'CUSTOMER (sales invoice) or SUPPLIER (bill).' })
  type!: PartyType;

  @Column({ type: 'text', default: TransactionStatus.DRAFT })
  @Field(() => TransactionStatus, { description: 'Status, as in Xero.' })
  status!: TransactionStatus;

  @Column({ type: 'date', name: 'due_date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'When payment is due.' })
  dueDate!: string | null;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Amount still due (Xero AmountDue).' })
  balance!: string;

  @Column({ type: 'numeric', name: 'paid_amount', default: 0 })
  @Field(() => DecimalScalar, { description: 'Amount paid so far (Xero AmountPaid).' })
  paidAmount!: string;
}

@Entity({ name: 'invoice_lines' })
@Index(['tenantId', 'invoiceId'])
@Index(['tenantId', 'itemId'])
@ObjectType('InvoiceLine', { description: 'One line of an invoice.' })
export class InvoiceLine extends TransactionLine {
  @Column({ type: 'uuid', name: 'invoice_id' })
  @Field(() => ID, { description: 'Connec! id of the invoice.' })
  invoiceId!: string;

  @ManyToOne(() => Invoice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: Invoice;
}
