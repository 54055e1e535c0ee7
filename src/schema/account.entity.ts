import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ConnecEntity } from './connec-entity.js';
import { AccountClass, AccountType, RecordStatus } from './enums.js';

/** An account of the chart of accounts (Xero Account). */
@Entity({ name: 'accounts' })
@Index(['tenantId', 'code'])
@ObjectType('Account', { description: 'An account of the chart of accounts (a Xero Account).' })
export class Account extends ConnecEntity {
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Account code (Xero: max 10), e.g. "200".' })
  code!: string | null;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Account name.' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Description.' })
  description!: string | null;

  @Column({ type: 'text', default: RecordStatus.ACTIVE })
  @Field(() => RecordStatus, { description: 'ACTIVE or ARCHIVED.' })
  status!: RecordStatus;

  @Column({ type: 'text' })
  @Field(() => AccountClass, {
    description: 'ASSET, LIABILITY, EQUITY, REVENUE or EXPENSE (read-only in Xero).',
  })
  class!: AccountClass;

  @Column({ type: 'text' })
  @Field(() => AccountType, { description: "Xero's account type, e.g. BANK or SALES." })
  type!: AccountType;

  @Column({ type: 'text', name: 'bank_account_number', nullable: true })
  @Field(() => String, { nullable: true, description: 'Bank account number, for BANK accounts.' })
  bankAccountNumber!: string | null;

  @Column({ type: 'text', name: 'bank_account_type', nullable: true })
  @Field(() => String, { nullable: true, description: 'BANK, CREDITCARD or PAYPAL, for BANK accounts.' })
  bankAccountType!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Currency of a bank account (ISO-4217).' })
  currency!: string | null;

  @Column({ type: 'boolean', name: 'enable_payments', default: false })
  @Field(() => Boolean, { description: 'Whether payments can be made to or from this account.' })
  enablePayments!: boolean;

  @Column({ type: 'uuid', name: 'tax_code_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the default tax code.' })
  taxCodeId!: string | null;
}
