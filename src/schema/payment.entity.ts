import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ConnecEntity } from './connec-entity.js';
import { PartyType, PaymentStatus } from './enums.js';
import { DateScalar, DecimalScalar } from './scalars.js';

/** Money received against an invoice or credit note, or paid out (Xero Payment). */
@Entity({ name: 'payments' })
@Index(['tenantId', 'transactionDate', 'id'])
@Index(['tenantId', 'invoiceId'])
@ObjectType('Payment', { description: 'A payment of an invoice or credit note (a Xero Payment).' })
export class Payment extends ConnecEntity {
  @Column({ type: 'text', default: PartyType.CUSTOMER })
  @Field(() => PartyType, { description: 'CUSTOMER (received) or SUPPLIER (paid out).' })
  type!: PartyType;

  @Column({ type: 'text', default: PaymentStatus.AUTHORISED })
  @Field(() => PaymentStatus, { description: 'AUTHORISED or DELETED.' })
  status!: PaymentStatus;

  @Column({ type: 'date', name: 'transaction_date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Date of the payment.' })
  transactionDate!: string | null;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Amount paid.' })
  amount!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'ISO-4217 currency code.' })
  currency!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Reference, e.g. a bank transfer note.' })
  reference!: string | null;

  @Column({ type: 'uuid', name: 'account_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the bank account.' })
  accountId!: string | null;

  @Column({ type: 'uuid', name: 'invoice_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the invoice paid.' })
  invoiceId!: string | null;

  @Column({ type: 'uuid', name: 'credit_note_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the credit note refunded.' })
  creditNoteId!: string | null;

  @Column({ type: 'boolean', name: 'is_reconciled', default: false })
  @Field(() => Boolean, { description: 'Whether the payment is reconciled with a bank statement line.' })
  isReconciled!: boolean;
}
