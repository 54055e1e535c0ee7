import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, DecimalScalar } from './scalars.js';
import { ExternalIdInput } from './value-objects.js';

/** A payment of an AUTHORISED invoice. Payments are never edited in Xero, only deleted. */
@InputType('PaymentInput', { description: 'A payment of an invoice to create.' })
export class PaymentInput {
  @Field(() => ID, { nullable: true, description: 'Connec! id of the AUTHORISED invoice paid.' })
  invoiceId?: string | null;

  @Field(() => ExternalIdInput, { nullable: true, description: 'The invoice by its id in another system.' })
  invoice?: ExternalIdInput | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Connec! id of the bank account paid into or from; without one the organisation's default bank account is used (rule 13).",
  })
  accountId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: 'The bank account by its id in another system.',
  })
  account?: ExternalIdInput | null;

  @Field(() => DecimalScalar, { description: 'Amount paid: more than zero, at most the amount due.' })
  amount!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the payment (default: today).' })
  transactionDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Reference, e.g. a bank transfer note.' })
  reference?: string | null;
}
