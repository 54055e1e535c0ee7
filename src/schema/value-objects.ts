import { Field, InputType, ObjectType } from 'type-graphql';
import { DecimalScalar } from './scalars.js';

/**
 * Value objects stored as jsonb columns: they have no identity of their own. Those that apps also write
 * are input types too (`AddressInput`...), so one class states their fields for reading and writing.
 */

@ObjectType('Address', { description: 'A postal address.' })
@InputType('AddressInput', { description: 'A postal address.' })
export class Address {
  @Field(() => String, { nullable: true, description: 'Attention line (to whom).' })
  attention?: string | null;
  @Field(() => String, { nullable: true, description: 'First street line.' })
  line1?: string | null;
  @Field(() => String, { nullable: true, description: 'Second street line.' })
  line2?: string | null;
  @Field(() => String, { nullable: true, description: 'City or town.' })
  city?: string | null;
  @Field(() => String, { nullable: true, description: 'State, province or region.' })
  region?: string | null;
  @Field(() => String, { nullable: true, description: 'Postal or ZIP code.' })
  postalCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Country name or ISO code.' })
  country?: string | null;
}

@ObjectType('Addresses', { description: 'Billing and shipping addresses.' })
@InputType('AddressesInput', { description: 'Billing and shipping addresses.' })
export class Addresses {
  @Field(() => Address, { nullable: true, description: 'Where invoices are sent (Xero POBOX address).' })
  billing?: Address | null;
  @Field(() => Address, { nullable: true, description: 'Where goods are delivered (Xero STREET address).' })
  shipping?: Address | null;
}

@ObjectType('Phone', { description: 'Phone numbers.' })
@InputType('PhoneInput', { description: 'Phone numbers.' })
export class Phone {
  @Field(() => String, { nullable: true, description: 'Main landline.' })
  landline?: string | null;
  @Field(() => String, { nullable: true, description: 'Second landline.' })
  landline2?: string | null;
  @Field(() => String, { nullable: true, description: 'Mobile number.' })
  mobile?: string | null;
  @Field(() => String, { nullable: true, description: 'Fax number.' })
  fax?: string | null;
}

@ObjectType('Email', { description: 'Email addresses.' })
export class Email {
  @Field(() => String, { nullable: true, description: 'Main email address.' })
  address?: string | null;
  @Field(() => String, { nullable: true, description: 'Second email address.' })
  address2?: string | null;
}

@ObjectType('Website', { description: 'A website.' })
export class Website {
  @Field(() => String, { nullable: true, description: 'The URL.' })
  url?: string | null;
}

@ObjectType('Amount', { description: 'A Connec! amount block: net, tax and total in one currency.' })
export class Amount {
  @Field(() => DecimalScalar, { nullable: true, description: 'Amount before tax.' })
  netAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Tax amount.' })
  taxAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Amount including tax.' })
  totalAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Tax rate in percent, e.g. "15".' })
  taxRate?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO-4217 currency code.' })
  currency?: string | null;
}

@ObjectType('TaxComponent', { description: 'One component of a tax rate (a tax code may compound several).' })
export class TaxComponent {
  @Field(() => String, { description: 'Component name, e.g. "GST".' })
  name!: string;
  @Field(() => DecimalScalar, { description: 'Rate in percent.' })
  rate!: string;
  @Field(() => Boolean, { description: 'Whether it applies on top of the other components.' })
  isCompound!: boolean;
}

@ObjectType('ExternalId', {
  description: 'The id of a record in one system: Connec!, Xero, or a client app.',
})
export class ExternalId {
  @Field(() => String, {
    description: 'The system: "connec", "xero", or an app provider name such as "vtiger".',
  })
  provider!: string;
  @Field(() => String, {
    description: 'The account in that system: the tenant, a Xero tenantId, an app account.',
  })
  realm!: string;
  @Field(() => String, { description: 'The id of the record in that system.' })
  id!: string;
}

@InputType('ExternalIdInput', { description: 'Finds a record by its id in another system.' })
export class ExternalIdInput {
  @Field(() => String, { description: 'The system, e.g. "xero" or "vtiger".' })
  provider!: string;
  @Field(() => String, { nullable: true, description: 'The account in that system; any when omitted.' })
  realm?: string | null;
  @Field(() => String, { description: 'The id in that system.' })
  id!: string;
}
