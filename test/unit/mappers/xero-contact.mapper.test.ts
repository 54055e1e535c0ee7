import { describe, expect, it } from 'vitest';
import type { Contact } from 'xero-node';
import { RecordStatus } from '../../../src/schema/enums.js';
import { mapXeroContact, personKey } from '../../../src/sync/mappers/xero-contact.mapper.js';
import { fromXero, modelExamples } from './openapi-examples.js';

const contact = (json: Record<string, unknown>) => fromXero<Contact>('accounting', 'Contact', json);
const ID = 'bd2270c3-8706-4c11-9cfb-000b551c3f51';

describe('mapXeroContact with the OpenAPI examples', () => {
  const cases = modelExamples<Contact>('accounting', 'Contacts', 'contacts');

  it('has examples to run', () => expect(cases.length).toBeGreaterThan(5));

  it.each(cases)('maps $label to an Organization keyed by ContactID', ({ raw, model }) => {
    const { organization, people } = mapXeroContact(model);
    expect(organization.entity).toBe('Organization');
    expect(organization.xeroId).toBe(raw.ContactID);
    expect(organization.fields.name).toBe(raw.Name ?? '');
    expect(organization.fields.isCustomer || organization.fields.isSupplier).toBe(true);
    for (const person of people) {
      expect(person.references.organizationId).toEqual({ entity: 'Organization', xeroId: raw.ContactID });
      expect(person.xeroId.startsWith(`${String(raw.ContactID)}/`)).toBe(true);
    }
    const persons = (raw.ContactPersons as unknown[] | undefined) ?? [];
    expect(people.filter((p) => !p.fields.isPrimary).length).toBeLessThanOrEqual(persons.length);
  });
});

describe('mapXeroContact', () => {
  const full = contact({
    ContactID: ID,
    ContactStatus: 'ACTIVE',
    Name: 'ABC Limited',
    FirstName: 'Andrea',
    LastName: 'Dutchess',
    EmailAddress: 'A.Dutchess@abclimited.com',
    AccountNumber: 'ABC-001',
    TaxNumber: '12-345-678',
    DefaultCurrency: 'NZD',
    Website: 'https://abc.example.com',
    Addresses: [
      {
        AddressType: 'POBOX',
        AddressLine1: 'P O Box 123',
        AddressLine2: 'Level 2',
        AddressLine3: 'Suite 5',
        City: 'Wellington',
        PostalCode: '6011',
        AttentionTo: 'Andrea',
      },
      { AddressType: 'STREET', AddressLine1: '', City: '' },
    ],
    Phones: [
      { PhoneType: 'DEFAULT', PhoneNumber: '1111111', PhoneAreaCode: '04', PhoneCountryCode: '64' },
      { PhoneType: 'FAX', PhoneNumber: '' },
      { PhoneType: 'MOBILE', PhoneNumber: '2222222', PhoneAreaCode: '021' },
      { PhoneType: 'DDI', PhoneNumber: '' },
    ],
    UpdatedDateUTC: '/Date(1551399323399+0000)/',
    IsSupplier: false,
    IsCustomer: false,
  });

  it('maps name, codes, currency, addresses (POBOX billing, STREET shipping) and phones', () => {
    const { organization } = mapXeroContact(full);
    expect(organization.fields).toMatchObject({
      name: 'ABC Limited',
      status: RecordStatus.ACTIVE,
      code: 'ABC-001',
      taxNumber: '12-345-678',
      currency: 'NZD',
      website: { url: 'https://abc.example.com' },
      email: { address: 'A.Dutchess@abclimited.com', address2: null },
      address: {
        billing: {
          attention: 'Andrea',
          line1: 'P O Box 123',
          line2: 'Level 2, Suite 5',
          city: 'Wellington',
          postalCode: '6011',
        },
        shipping: null,
      },
      phone: { landline: '64 04 1111111', landline2: null, mobile: '021 2222222', fax: null },
    });
    expect(organization.remoteUpdatedAt).toEqual(new Date(1551399323399));
    expect(organization.tombstone).toBeNull();
    expect(organization.missing).toEqual([]);
  });

  it.each([
    {
      isCustomer: false,
      isSupplier: false,
      expected: [true, false],
      why: 'no invoice yet: a customer by default (rule 5)',
    },
    { isCustomer: true, isSupplier: false, expected: [true, false], why: 'a customer' },
    { isCustomer: false, isSupplier: true, expected: [false, true], why: 'known only as a supplier' },
    { isCustomer: true, isSupplier: true, expected: [true, true], why: 'both' },
  ])('flags customer/supplier: $why', ({ isCustomer, isSupplier, expected }) => {
    const { organization } = mapXeroContact(
      contact({ ContactID: ID, Name: 'X', IsCustomer: isCustomer, IsSupplier: isSupplier }),
    );
    expect([organization.fields.isCustomer, organization.fields.isSupplier]).toEqual(expected);
  });

  it.each([
    { status: 'ACTIVE', expected: RecordStatus.ACTIVE, tombstone: null },
    { status: 'ARCHIVED', expected: RecordStatus.ARCHIVED, tombstone: 'ARCHIVED' },
    { status: 'GDPRREQUEST', expected: RecordStatus.DELETED, tombstone: 'DELETED' },
    { status: undefined, expected: RecordStatus.ACTIVE, tombstone: null },
  ])('maps ContactStatus $status to $expected', ({ status, expected, tombstone }) => {
    const { organization } = mapXeroContact(contact({ ContactID: ID, Name: 'X', ContactStatus: status }));
    expect(organization.fields.status).toBe(expected);
    expect(organization.tombstone).toBe(tombstone);
  });

  it('makes the primary person from FirstName, LastName and EmailAddress', () => {
    const { people } = mapXeroContact(full);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      entity: 'Person',
      xeroId: `${ID}/email/a.dutchess@abclimited.com`,
      fields: { firstName: 'Andrea', lastName: 'Dutchess', isPrimary: true, includeInEmails: true },
      references: { organizationId: { entity: 'Organization', xeroId: ID } },
    });
  });

  it('maps a contact with no people at all to an organization alone', () => {
    expect(mapXeroContact(contact({ ContactID: ID, Name: 'Solo Ltd', ContactPersons: [] })).people).toEqual(
      [],
    );
  });

  it('maps a contact with 5 contact persons to 6 people, the primary first', () => {
    const persons = [1, 2, 3, 4, 5].map((n) => ({
      FirstName: `P${n}`,
      LastName: 'Smith',
      EmailAddress: `p${n}@abc.example.com`,
      IncludeInEmails: n % 2 === 0,
    }));
    const { people } = mapXeroContact(
      contact({
        ContactID: ID,
        Name: 'X',
        FirstName: 'Main',
        EmailAddress: 'main@abc.example.com',
        ContactPersons: persons,
      }),
    );
    expect(people.map((p) => p.fields.firstName)).toEqual(['Main', 'P1', 'P2', 'P3', 'P4', 'P5']);
    expect(people.map((p) => p.fields.isPrimary)).toEqual([true, false, false, false, false, false]);
    expect(people.map((p) => p.fields.includeInEmails)).toEqual([true, false, true, false, true, false]);
    expect(new Set(people.map((p) => p.xeroId)).size).toBe(6);
  });

  it('gives a person whose email changed in Xero a different key, so a new Person is added (rule 3)', () => {
    const before = mapXeroContact(
      contact({ ContactID: ID, Name: 'X', FirstName: 'Ann', EmailAddress: 'ann@old.example.com' }),
    );
    const after = mapXeroContact(
      contact({ ContactID: ID, Name: 'X', FirstName: 'Ann', EmailAddress: 'ann@new.example.com' }),
    );
    expect(before.people[0].xeroId).not.toBe(after.people[0].xeroId);
  });

  it('keys a person by email case-insensitively and per contact', () => {
    expect(personKey(ID, ' Ann@Example.com ', null, null)).toBe(
      personKey(ID, 'ann@example.com', 'Ann', null),
    );
    expect(personKey('other', 'ann@example.com', null, null)).not.toBe(
      personKey(ID, 'ann@example.com', null, null),
    );
  });

  it('keys a person without email by name, and skips a person with neither', () => {
    const { people } = mapXeroContact(
      contact({
        ContactID: ID,
        Name: 'X',
        ContactPersons: [{ FirstName: 'No', LastName: 'Mail' }, { IncludeInEmails: true }],
      }),
    );
    expect(people.map((p) => p.xeroId)).toEqual([`${ID}/name/no mail`]);
  });

  it('keeps the first of two people with the same email and warns', () => {
    const { organization, people } = mapXeroContact(
      contact({
        ContactID: ID,
        Name: 'X',
        EmailAddress: 'same@x.com',
        ContactPersons: [{ FirstName: 'Dup', EmailAddress: 'SAME@x.com' }],
      }),
    );
    expect(people).toHaveLength(1);
    expect(people[0].fields.isPrimary).toBe(true);
    expect(organization.warnings.join()).toMatch(/duplicate person/);
  });

  it('is total: an empty contact maps without throwing and reports the missing id and name', () => {
    const { organization, people } = mapXeroContact(contact({}));
    expect(organization.missing).toEqual(['Name', 'ContactID']);
    expect(organization.fields).toMatchObject({
      address: null,
      phone: null,
      email: null,
      website: null,
      currency: null,
    });
    expect(people).toEqual([]);
  });
});
