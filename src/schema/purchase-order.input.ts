import { Field, ID, InputType } from 'type-graphql';
import { PurchaseOrderStatus, TaxCalculation } from './enums.js';
import { ExpectedUpdatedAtField } from './expected-updated-at.js';
import { InvoiceLineInput } from './invoice.input.js';
import { DateScalar } from './scalars.js';
import { ExternalIdInput } from './value-objects.js';

/** A purchase order to create, or the fields of one to change (`lines` replaces every line). */
@InputType('PurchaseOrderInput', {
  description: 'A purchase order to create, or the fields of one to change.',
})
export class PurchaseOrderInput {
  @Field(() => PurchaseOrderStatus, {
    nullable: true,
    description: 'DRAFT (default), SUBMITTED or AUTHORISED; use deletePurchaseOrder to delete.',
  })
  status?: PurchaseOrderStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Purchase order number; Xero numbers it when omitted.',
  })
  transactionNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the order (default: today).' })
  transactionDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Expected delivery date (on or after the date).' })
  deliveryDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Free reference.' })
  reference?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO-4217 currency code (default: the organisation's).",
  })
  currency?: string | null;

  @Field(() => TaxCalculation, { nullable: true, description: 'Whether line amounts include tax.' })
  taxCalculation?: TaxCalculation | null;

  @Field(() => ID, { nullable: true, description: 'Connec! id of the supplier.' })
  organizationId?: string | null;

  @Field(() => ExternalIdInput, { nullable: true, description: 'The supplier by its id in another system.' })
  organization?: ExternalIdInput | null;

  @Field(() => [InvoiceLineInput], {
    nullable: true,
    description: 'The lines (replacing all lines on an update).',
  })
  lines?: InvoiceLineInput[] | null;

  @ExpectedUpdatedAtField('purchase order')
  expectedUpdatedAt?: Date | null;
}
