import { Field, ID, InputType } from 'type-graphql';
import { PartyType, TaxCalculation, TransactionStatus } from './enums.js';
import { ExpectedUpdatedAtField } from './expected-updated-at.js';
import { InvoiceLineInput } from './invoice.input.js';
import { DateScalar, DecimalScalar } from './scalars.js';
import { ExternalIdInput } from './value-objects.js';

/** A credit note to create, or the fields of one to change (`lines` replaces every line). */
@InputType('CreditNoteInput', { description: 'A credit note to create, or the fields of one to change.' })
export class CreditNoteInput {
  @Field(() => PartyType, {
    nullable: true,
    description: 'CUSTOMER (credit given, default) or SUPPLIER (credit received).',
  })
  type?: PartyType | null;

  @Field(() => TransactionStatus, {
    nullable: true,
    description:
      'DRAFT (default), SUBMITTED or AUTHORISED; use voidCreditNote / deleteCreditNote for the others.',
  })
  status?: TransactionStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Credit note number; Xero numbers customer credit notes when omitted.',
  })
  transactionNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the credit note (default: today).' })
  transactionDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Free reference.' })
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

  @Field(() => [InvoiceLineInput], {
    nullable: true,
    description: 'The lines (replacing all lines on an update).',
  })
  lines?: InvoiceLineInput[] | null;

  @ExpectedUpdatedAtField('credit note')
  expectedUpdatedAt?: Date | null;
}

/** Part of a credit note's remaining credit applied to an invoice of the same contact. */
@InputType('CreditNoteAllocationInput', { description: 'Applies credit to an invoice.' })
export class CreditNoteAllocationInput {
  @Field(() => ID, { nullable: true, description: 'Connec! id of the AUTHORISED invoice credited.' })
  invoiceId?: string | null;

  @Field(() => ExternalIdInput, { nullable: true, description: 'The invoice by its id in another system.' })
  invoice?: ExternalIdInput | null;

  @Field(() => DecimalScalar, { description: 'Amount: at most the remaining credit and the amount due.' })
  amount!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the allocation (default: today).' })
  date?: string | null;
}
