import type { Contact } from 'xero-node';
import { RecordStatus } from '../../schema/enums.js';
import type { MappedRecord, OrganizationFields, PersonFields, Tombstone } from './mapped-record.js';
import { buildRecord, MapIssues, refById } from './record-builder.util.js';
import { nullIfEmpty, toAddresses, toPhone } from './xero-contact-info.util.js';
import { enumName, flag, text } from './xero-value.util.js';

export type MappedOrganization = MappedRecord<OrganizationFields>;
export type MappedPerson = MappedRecord<PersonFields>;

export interface MappedContact {
  organization: MappedOrganization;
  /** The primary person first, then each ContactPerson; people without email or name are skipped. */
  people: MappedPerson[];
}

// GDPRREQUEST: Xero is erasing the contact's personal data at the owner's request, so it is gone.
const STATUS: Record<string, [RecordStatus, Tombstone | null]> = {
  ACTIVE: [RecordStatus.ACTIVE, null],
  ARCHIVED: [RecordStatus.ARCHIVED, 'ARCHIVED'],
  GDPRREQUEST: [RecordStatus.DELETED, 'DELETED'],
};

/**
 * The key that stands for a Person's Xero id. Xero gives contact persons no id: on its side a person
 * is its email (rule 3), so the key is (ContactID, lower-cased email) and a changed email is a new
 * Person. A person without email is keyed by name within the contact.
 */
export function personKey(
  contactId: string,
  email: string | null,
  firstName: string | null,
  lastName: string | null,
): string | null {
  const address = text(email)?.toLowerCase();
  if (address) return `${contactId}/email/${address}`;
  const name = [text(firstName), text(lastName)].filter(Boolean).join(' ').toLowerCase();
  return name ? `${contactId}/name/${name}` : null;
}

interface PersonInput {
  firstName?: string;
  lastName?: string;
  emailAddress?: string;
  includeInEmails?: boolean;
}

function mapPerson(
  contact: Contact,
  contactId: string,
  input: PersonInput,
  isPrimary: boolean,
): MappedPerson | null {
  const key = personKey(
    contactId,
    input.emailAddress ?? null,
    input.firstName ?? null,
    input.lastName ?? null,
  );
  if (!key) return null;
  return buildRecord('Person', new MapIssues(), {
    xeroId: key,
    idField: 'ContactID',
    updatedAt: contact.updatedDateUTC,
    fields: {
      title: null,
      firstName: text(input.firstName),
      lastName: text(input.lastName),
      jobTitle: null,
      email: nullIfEmpty({ address: text(input.emailAddress), address2: null }),
      phone: null,
      isPrimary,
      // Xero always emails invoices to the primary person; contact persons opt in.
      includeInEmails: isPrimary || flag(input.includeInEmails),
    },
    references: { organizationId: refById('Organization', contactId) },
  });
}

function mapPeople(contact: Contact, issues: MapIssues): MappedPerson[] {
  const contactId = text(contact.contactID);
  if (!contactId) return [];
  const candidates = [
    mapPerson(contact, contactId, contact, true),
    ...(contact.contactPersons ?? []).map((p) => mapPerson(contact, contactId, p, false)),
  ];
  const seen = new Set<string>();
  const people: MappedPerson[] = [];
  for (const person of candidates) {
    if (!person) continue;
    if (seen.has(person.xeroId)) {
      issues.warn(`duplicate person ${person.xeroId} in contact: kept the first`);
      continue;
    }
    seen.add(person.xeroId);
    people.push(person);
  }
  return people;
}

/** Maps a Xero Contact to an Organization and its People (primary person, then ContactPersons). */
export function mapXeroContact(contact: Contact): MappedContact {
  const issues = new MapIssues();
  const statusName = enumName(contact.contactStatus) ?? 'ACTIVE';
  const [status, tombstone] = STATUS[statusName] ?? [RecordStatus.ACTIVE, null];
  if (!STATUS[statusName]) issues.warn(`ContactStatus "${statusName}" unknown: using ACTIVE`);
  const isSupplier = flag(contact.isSupplier);
  const people = mapPeople(contact, issues);
  const organization = buildRecord('Organization', issues, {
    xeroId: text(contact.contactID),
    idField: 'ContactID',
    updatedAt: contact.updatedDateUTC,
    tombstone,
    fields: {
      name: issues.required('Name', text(contact.name), ''),
      status,
      // Rule 5: Xero sets IsCustomer only once a sales invoice exists; a contact that Xero knows only
      // as a supplier stays a supplier, anything else is a customer by default.
      isCustomer: flag(contact.isCustomer) || !isSupplier,
      isSupplier,
      isLead: false,
      code: text(contact.accountNumber),
      taxNumber: text(contact.taxNumber),
      address: toAddresses(contact.addresses),
      email: nullIfEmpty({ address: text(contact.emailAddress), address2: null }),
      phone: toPhone(contact.phones),
      website: nullIfEmpty({ url: text(contact.website) }),
      currency: enumName(contact.defaultCurrency),
    },
  });
  return { organization, people };
}
