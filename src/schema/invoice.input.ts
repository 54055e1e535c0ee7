import { Field, ID, InputType } from 'type-graphql';
import { PartyType, TaxCalculation, TransactionStatus } from './enums.js';
import { ExpectedUpdatedAtField } from './expected-updated-at.js';
import { DateScalar, DecimalScalar } from './scalars.js';
import { ExternalIdInput } from './value-objects.js';

/** One line of an invoice to write; references take a Connec! id (`itemId`) or an external id (`item`). */
@InputType('InvoiceLineInput', { description: 'One line of an invoice to create or replace.' })
export class InvoiceLineInput {
  @Field(() => String, { nullable: true, description: 'Line description (required without an item).' })
  description?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Quantity, zero or more (default 1).' })
  quantity?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: "Unit price (default: the item's price)." })
  unitPrice?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Discount in percent, 0 to 100.' })
  discountPercent?: string | null;

  @Field(() => ID, { nullable: true, description: 'Connec! id of the item sold or bought.' })
  itemId?: string | null;

  @Field(() => ExternalIdInput, { nullable: true, description: 'The item by its id in another system.' })
  item?: ExternalIdInput | null;

  @Field(() => ID, { nullable: true, description: 'Connec! id of the account the line posts to.' })
  accountId?: string | null;

  @Field(() => ExternalIdInput, { nullable: true, description: 'The account by its id in another system.' })
  account?: ExternalIdInput | null;

  @Field(() => ID, {
    nullable: true,
    description: "Connec! id of the line's tax code; without one the item's tax code applies.",
  })
  taxCodeId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: 'The tax code by its id in another system (Xero: the TaxType).',
  })
  taxCode?: ExternalIdInput | null;
}

/**
 * An invoice to create, or the fields of one to change (omitted fields keep their value; `lines`
 * replaces every line). Rules are checked by the gateway before Xero sees anything.
 */
@InputType('InvoiceInput', { description: 'An invoice to create, or the fields of one to change.' })
export class InvoiceInput {
  @Field(() => PartyType, {
    nullable: true,
    description: 'CUSTOMER (sales invoice, default) or SUPPLIER (bill).',
  })
  type?: PartyType | null;

  @Field(() => TransactionStatus, {
    nullable: true,
    description: 'DRAFT (default), SUBMITTED or AUTHORISED; use voidInvoice / deleteInvoice for the others.',
  })
  status?: TransactionStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Invoice number; Xero numbers sales invoices when omitted.',
  })
  transactionNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the invoice (default: today).' })
  transactionDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When payment is due (on or after the date).' })
  dueDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Free reference, e.g. the customer order number.' })
  reference?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO-4217 currency code (default: the organisation's).",
  })
  currency?: string | null;

  @Field(() => TaxCalculation, { nullable: true, description: 'Whether line amounts include tax.' })
  taxCalculation?: TaxCalculation | null;

  @Field(() => ID, { nullable: true, description: 'Connec! id of the customer or supplier.' })
  organizationId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: 'The customer or supplier by its id in another system.',
  })
  organization?: ExternalIdInput | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Connec! id of the contact person; their organization is the customer when none is given.',
  })
  personId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: 'The contact person by its id in another system.',
  })
  person?: ExternalIdInput | null;

  @Field(() => [InvoiceLineInput], {
    nullable: true,
    description: 'The lines (replacing all lines on an update).',
  })
  lines?: InvoiceLineInput[] | null;

  @ExpectedUpdatedAtField('invoice')
  expectedUpdatedAt?: Date | null;
}
