import { Field, ID, InputType } from 'type-graphql';
import { Addresses as AddressesInput, ExternalIdInput, Phone as PhoneInput } from './value-objects.js';

/** The writable value objects are the read ones: one class each, for both directions. */
export {
  Address as AddressInput,
  Addresses as AddressesInput,
  Phone as PhoneInput,
} from './value-objects.js';

/**
 * A person to write. Xero holds a person as names and an email under a Contact (the email is the
 * person's identity there, rule 3), so those are the fields that travel.
 */
@InputType('PersonInput', { description: 'A contact person to create, or the fields of one to change.' })
export class PersonInput {
  @Field(() => String, { nullable: true, description: 'First name (a name or an email is required).' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Last name.' })
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: "Email address: the person's identity in Xero." })
  email?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Makes this person the organization's primary person (Xero Contact FirstName/LastName/Email).",
  })
  isPrimary?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether Xero copies this person on emailed invoices.',
  })
  includeInEmails?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'createPerson / updatePerson: Connec! id of the organization. A person without one stays in the gateway (Xero has no contact without an organization).',
  })
  organizationId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: 'The organization by its id in another system.',
  })
  organization?: ExternalIdInput | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "updatePerson only: the `updatedAt` the change is based on. When the person changed since in the gateway, or its organization's Contact changed in Xero, the update is refused with CONFLICT unless `force` is true. Not inside OrganizationInput.people: the organization's covers them.",
  })
  expectedUpdatedAt?: Date | null;
}

/**
 * An organization (a Xero Contact) with its people: one is the primary person, the others Xero's
 * ContactPersons; Xero keeps at most 5 (rule 2). On an update, people are matched by email (or name)
 * with the organization's people and added when new; people not mentioned are kept.
 */
@InputType('OrganizationInput', { description: 'An organization to create, or the fields of one to change.' })
export class OrganizationInput {
  @Field(() => String, { nullable: true, description: 'Company name (required on create; unique in Xero).' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Account number or reference (Xero AccountNumber).' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Tax number (ABN, VAT or GST number).' })
  taxNumber?: string | null;

  @Field(() => AddressesInput, { nullable: true, description: 'Billing and shipping addresses.' })
  address?: AddressesInput | null;

  @Field(() => String, {
    nullable: true,
    description: "Email address (Xero shows the primary person's email when there is one).",
  })
  email?: string | null;

  @Field(() => PhoneInput, { nullable: true, description: 'Phone numbers.' })
  phone?: PhoneInput | null;

  @Field(() => String, { nullable: true, description: 'Website URL.' })
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Default currency (ISO-4217).' })
  currency?: string | null;

  @Field(() => [PersonInput], {
    nullable: true,
    description: 'People of the organization (organizationId is implied). Xero keeps the first 5.',
  })
  people?: PersonInput[] | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'Updates only: the `updatedAt` the change is based on. When the organization changed since (in the gateway or its Contact in Xero), the update is refused with CONFLICT unless `force` is true.',
  })
  expectedUpdatedAt?: Date | null;
}
