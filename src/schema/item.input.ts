import { Field, ID, InputType } from 'type-graphql';
import { ExpectedUpdatedAtField } from './expected-updated-at.js';
import { DecimalScalar } from './scalars.js';
import { ExternalIdInput } from './value-objects.js';

/**
 * A product to create, or the fields of one to change (omitted fields keep their value). A CRM product
 * may carry several taxes; Xero applies one per side, so the first is sent (rule 7).
 */
@InputType('ItemInput', {
  description: 'An item (product or service) to create, or the fields of one to change.',
})
export class ItemInput {
  @Field(() => String, { nullable: true, description: 'Item code: required on create, unique, at most 30.' })
  code?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name (Xero keeps 50 characters; longer is cut with a warning).',
  })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Sales description.' })
  description?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Unit sale price, zero or more.' })
  salePrice?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Unit purchase price (optional), zero or more.',
  })
  purchasePrice?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Connec! ids of the tax codes on sales; Xero applies the first (the others are named in a warning).',
  })
  saleTaxCodeIds?: string[] | null;

  @Field(() => [ExternalIdInput], {
    nullable: true,
    description: 'The sale tax codes by ids in another system.',
  })
  saleTaxCodes?: ExternalIdInput[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Connec! ids of the tax codes on purchases; the first applies.',
  })
  purchaseTaxCodeIds?: string[] | null;

  @Field(() => [ExternalIdInput], {
    nullable: true,
    description: 'The purchase tax codes by ids in another system.',
  })
  purchaseTaxCodes?: ExternalIdInput[] | null;

  @Field(() => ID, { nullable: true, description: 'Connec! id of the revenue account for sales.' })
  saleAccountId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: 'The sales account by its id in another system.',
  })
  saleAccount?: ExternalIdInput | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Connec! id of the purchases account (the COGS account of a tracked item).',
  })
  purchaseAccountId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: 'The purchases account by its id in another system.',
  })
  purchaseAccount?: ExternalIdInput | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Refused with a warning: quantity on hand is read-only in Xero, which tracks inventory itself.',
  })
  quantityOnHand?: string | null;

  @ExpectedUpdatedAtField('item')
  expectedUpdatedAt?: Date | null;
}
