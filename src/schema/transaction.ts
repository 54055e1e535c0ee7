import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column } from 'typeorm';
import { ConnecEntity, TenantOwned } from './connec-entity.js';
import { TaxCalculation } from './enums.js';
import { DateScalar, DecimalScalar } from './scalars.js';
import { Amount } from './value-objects.js';

/**
 * The shape invoices, purchase orders and credit notes share. Amounts are real numeric columns (not a
 * jsonb block) so filters and widgets can sum and compare them in SQL; GraphQL shows the Connec! block.
 */
@ObjectType('TransactionRecord', { description: 'Base of invoices, orders and credit notes.' })
export abstract class TransactionEntity extends ConnecEntity {
  @Column({ type: 'text', name: 'transaction_number', nullable: true })
  @Field(() => String, { nullable: true, description: 'Document number, e.g. "INV-0042".' })
  transactionNumber!: string | null;

  @Column({ type: 'date', name: 'transaction_date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Date of the document.' })
  transactionDate!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Free reference, e.g. the customer order number.' })
  reference!: string | null;

  @Column({ type: 'uuid', name: 'organization_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the customer or supplier.' })
  organizationId!: string | null;

  @Column({ type: 'uuid', name: 'person_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the contact person.' })
  personId!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'ISO-4217 currency code.' })
  currency!: string | null;

  @Column({ type: 'text', name: 'tax_calculation', default: TaxCalculation.EXCLUSIVE })
  @Field(() => TaxCalculation, { description: 'Whether line amounts include tax (Xero LineAmountTypes).' })
  taxCalculation!: TaxCalculation;

  @Column({ type: 'numeric', name: 'net_amount', default: 0 })
  netAmount!: string;

  @Column({ type: 'numeric', name: 'tax_amount', default: 0 })
  taxAmount!: string;

  @Column({ type: 'numeric', name: 'total_amount', default: 0 })
  totalAmount!: string;

  @Field(() => Amount, { description: 'Net, tax and total of the document.' })
  get amount(): Amount {
    return amountBlock(this.netAmount, this.taxAmount, this.totalAmount, null, this.currency);
  }
}

/** One line of a transaction; the parent column lives in each concrete line class. */
@ObjectType('TransactionLineRecord', { description: 'Base of transaction lines.' })
export abstract class TransactionLine extends TenantOwned {
  @Column({ type: 'int', name: 'line_number' })
  @Field(() => Int, { description: 'Position of the line, from 1.' })
  lineNumber!: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Line description.' })
  description!: string | null;

  @Column({ type: 'numeric', default: 1 })
  @Field(() => DecimalScalar, { description: 'Quantity.' })
  quantity!: string;

  @Column({ type: 'numeric', name: 'unit_price', default: 0 })
  @Field(() => DecimalScalar, { description: 'Unit price.' })
  unitPrice!: string;

  @Column({ type: 'numeric', name: 'discount_percent', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Discount in percent.' })
  discountPercent!: string | null;

  @Column({ type: 'uuid', name: 'item_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the item sold or bought.' })
  itemId!: string | null;

  @Column({ type: 'uuid', name: 'account_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the account the line posts to.' })
  accountId!: string | null;

  @Column({ type: 'uuid', name: 'tax_code_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the tax code of the line.' })
  taxCodeId!: string | null;

  @Column({ type: 'numeric', name: 'net_amount', default: 0 })
  netAmount!: string;

  @Column({ type: 'numeric', name: 'tax_amount', default: 0 })
  taxAmount!: string;

  @Column({ type: 'numeric', name: 'total_amount', default: 0 })
  totalAmount!: string;

  @Column({ type: 'numeric', name: 'tax_rate', nullable: true })
  taxRate!: string | null;

  @Field(() => Amount, { description: 'Net, tax and total of the line.' })
  get amount(): Amount {
    return amountBlock(this.netAmount, this.taxAmount, this.totalAmount, this.taxRate, null);
  }
}

function amountBlock(
  netAmount: string,
  taxAmount: string,
  totalAmount: string,
  taxRate: string | null,
  currency: string | null,
): Amount {
  return { netAmount, taxAmount, totalAmount, taxRate, currency };
}
