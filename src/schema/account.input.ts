import { Field, ID, InputType } from 'type-graphql';
import { AccountType } from './enums.js';
import { ExpectedUpdatedAtField } from './expected-updated-at.js';
import { ExternalIdInput } from './value-objects.js';

/** An account of the chart of accounts to create, or the fields of one to change. */
@InputType('AccountInput', { description: 'An account to create, or the fields of one to change.' })
export class AccountInput {
  @Field(() => String, {
    nullable: true,
    description: 'Code, at most 10 characters, unique (not for BANK accounts).',
  })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Name: required on create, at most 150, unique.' })
  name?: string | null;

  @Field(() => AccountType, {
    nullable: true,
    description: "Xero's account type (required on create); the class follows.",
  })
  type?: AccountType | null;

  @Field(() => String, { nullable: true, description: 'Description (not for BANK accounts).' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Bank account number (required for BANK accounts).' })
  bankAccountNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO-4217 currency of a BANK account.' })
  currency?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether payments can be made to or from this account.',
  })
  enablePayments?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Connec! id of the default tax code.' })
  taxCodeId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: 'The default tax code by its id in another system.',
  })
  taxCode?: ExternalIdInput | null;

  @ExpectedUpdatedAtField('account')
  expectedUpdatedAt?: Date | null;
}
