import type { Contact, ContactPerson, Address as XeroAddress, Phone as XeroPhone } from 'xero-node';
import type { Address, Addresses, Phone } from '../../schema/value-objects.js';

/** Xero keeps at most this many people under a Contact: the primary person and four ContactPersons (rule 2). */
export const MAX_XERO_PEOPLE = 5;

/** A person as it travels: the fields Xero holds, and its Connec! id. */
export interface ResolvedPerson {
  connecId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  includeInEmails: boolean;
}

/** The organization fields of a write; `undefined` means "not given" (an update keeps that field). */
export interface ResolvedOrganization {
  name?: string;
  code?: string | null;
  taxNumber?: string | null;
  address?: Addresses | null;
  email?: string | null;
  phone?: Phone | null;
  website?: string | null;
  currency?: string | null;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function toXeroAddress(type: 'POBOX' | 'STREET', address: Address | null | undefined): XeroAddress {
  // Every field is sent ("" clears it): Xero replaces the address of that type as a whole.
  return {
    addressType: type as never,
    attentionTo: address?.attention ?? '',
    addressLine1: address?.line1 ?? '',
    addressLine2: address?.line2 ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    postalCode: address?.postalCode ?? '',
    country: address?.country ?? '',
  };
}

function toXeroPhones(phone: Phone | null): XeroPhone[] {
  const entry = (type: string, number: string | null | undefined): XeroPhone => ({
    phoneType: type as never,
    phoneNumber: number ?? '',
  });
  return [
    entry('DEFAULT', phone?.landline),
    entry('DDI', phone?.landline2),
    entry('MOBILE', phone?.mobile),
    entry('FAX', phone?.fax),
  ];
}

/** The person's name and email as Xero's ContactPerson. */
function toContactPerson(person: ResolvedPerson): ContactPerson {
  return {
    firstName: person.firstName ?? '',
    lastName: person.lastName ?? '',
    emailAddress: person.email ?? '',
    includeInEmails: person.includeInEmails,
  };
}

/**
 * The Xero Contact of an organization write (rule 1): the organization's fields, the first person as the
 * primary person (Contact FirstName, LastName, EmailAddress) and the next ones as ContactPersons. `people`
 * must already be cut to `MAX_XERO_PEOPLE`; undefined leaves Xero's people alone.
 */
export function toXeroContact(organization: ResolvedOrganization, people?: ResolvedPerson[]): Contact {
  const [primary, ...others] = people ?? [];
  // Rule 1: the Contact's EmailAddress is the primary person's (the writer makes `email` theirs).
  const email = organization.email === undefined && primary ? primary.email : organization.email;
  return defined({
    name: organization.name,
    accountNumber: organization.code === undefined ? undefined : (organization.code ?? ''),
    taxNumber: organization.taxNumber === undefined ? undefined : (organization.taxNumber ?? ''),
    emailAddress: email === undefined ? undefined : (email ?? ''),
    firstName: people ? (primary?.firstName ?? '') : undefined,
    lastName: people ? (primary?.lastName ?? '') : undefined,
    contactPersons: people ? others.map(toContactPerson) : undefined,
    addresses:
      organization.address === undefined
        ? undefined
        : [
            toXeroAddress('POBOX', organization.address?.billing),
            toXeroAddress('STREET', organization.address?.shipping),
          ],
    phones: organization.phone === undefined ? undefined : toXeroPhones(organization.phone),
    website: organization.website === undefined ? undefined : (organization.website ?? ''),
    defaultCurrency: organization.currency === undefined ? undefined : (organization.currency as never),
  }) as Contact;
}

/** The cache fields of an organization whose write is pending. */
export function pendingOrganizationFields(
  organization: ResolvedOrganization,
  isCreate: boolean,
): Record<string, unknown> {
  return defined({
    name: organization.name,
    status: isCreate ? 'ACTIVE' : undefined,
    isCustomer: isCreate ? true : undefined,
    code: organization.code,
    taxNumber: organization.taxNumber,
    address: organization.address,
    email: organization.email === undefined ? undefined : { address: organization.email, address2: null },
    phone: organization.phone,
    website: organization.website === undefined ? undefined : { url: organization.website },
    currency: organization.currency,
  });
}

/** The cache fields of a person (pending, or kept in the gateway only). */
export function personFields(
  person: ResolvedPerson,
  organizationId: string | null,
  isPrimary: boolean,
): Record<string, unknown> {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email ? { address: person.email, address2: null } : null,
    isPrimary,
    includeInEmails: isPrimary || person.includeInEmails,
    organizationId,
  };
}
