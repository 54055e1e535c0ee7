import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badUserInput, type FieldError } from '../../errors.js';
import { RecordStatus } from '../../schema/enums.js';
import type { Organization } from '../../schema/organization.entity.js';
import type { AddressInput, OrganizationInput, PersonInput } from '../../schema/organization.input.js';
import { Person } from '../../schema/person.entity.js';
import {
  MAX_XERO_PEOPLE,
  type ResolvedOrganization,
  type ResolvedPerson,
} from '../mappers/connec-organization.mapper.js';

const MAX_NAME = 255;
const MAX_CODE = 50;
const MAX_TEXT = 255;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One person of the organization after the write: sent to Xero (the first 5) or kept in the gateway. */
export interface PlannedPerson {
  person: ResolvedPerson;
  isPrimary: boolean;
  sent: boolean;
  /** Named in the input (created or changed by this write): shown PENDING while the write waits. */
  touched: boolean;
}

export interface PeoplePlan {
  people: PlannedPerson[];
  warnings: string[];
}

/** Field rules for a person that need no database. Pure. */
export function checkPersonFields(person: PersonInput, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ path: `${path}${field}`, message });
  if (!person.firstName?.trim() && !person.lastName?.trim() && !person.email?.trim()) {
    add('firstName', 'A person needs a first name, a last name or an email.');
  }
  for (const field of ['firstName', 'lastName', 'email'] as const) {
    if ((person[field]?.length ?? 0) > MAX_TEXT) add(field, `Must be at most ${MAX_TEXT} characters.`);
  }
  if (person.email && !EMAIL.test(person.email)) add('email', 'Must be an email address.');
  return errors;
}

/** Field rules for an organization and its people that need no database. Pure. */
export function checkOrganizationFields(input: OrganizationInput, isCreate: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  if (isCreate && !input.name?.trim()) add('name', 'An organization needs a name (Xero Contact Name).');
  if (input.name !== undefined && input.name !== null && !input.name.trim() && !isCreate)
    add('name', 'The name cannot be blank.');
  if ((input.name?.length ?? 0) > MAX_NAME) add('name', `Must be at most ${MAX_NAME} characters.`);
  for (const field of ['code', 'taxNumber'] as const) {
    if ((input[field]?.length ?? 0) > MAX_CODE) add(field, `Must be at most ${MAX_CODE} characters.`);
  }
  if (input.email && !EMAIL.test(input.email)) add('email', 'Must be an email address.');
  if ((input.website?.length ?? 0) > MAX_TEXT) add('website', `Must be at most ${MAX_TEXT} characters.`);
  if (input.currency && !/^[A-Z]{3}$/.test(input.currency))
    add('currency', 'Must be an ISO-4217 code such as "AUD".');
  for (const kind of ['billing', 'shipping'] as const) {
    const address = input.address?.[kind] as AddressInput | null | undefined;
    for (const [field, value] of Object.entries(address ?? {})) {
      if (typeof value === 'string' && value.length > MAX_TEXT)
        add(`address.${kind}.${field}`, `Must be at most ${MAX_TEXT} characters.`);
    }
  }
  const people = input.people ?? [];
  people.forEach((person, index) => {
    errors.push(...checkPersonFields(person, `people.${index}.`));
    if (person.organizationId || person.organization)
      add(`people.${index}.organizationId`, 'People of an organization belong to it: leave this out.');
    if (person.expectedUpdatedAt)
      add(
        `people.${index}.expectedUpdatedAt`,
        "The organization's expectedUpdatedAt covers its people: leave this out.",
      );
  });
  if (people.filter((person) => person.isPrimary).length > 1)
    add('people', 'At most one person can be the primary person.');
  const keys = people.map(identity).filter(Boolean);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate)
    add('people', `Two people share "${duplicate}": Xero tells people apart by email (or name).`);
  return errors;
}

/** How Xero tells a person apart within a Contact: the email, else the name (as `personKey` does). */
function identity(person: {
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}): string {
  const email = person.email?.trim().toLowerCase();
  if (email) return email;
  return [person.firstName?.trim(), person.lastName?.trim()].filter(Boolean).join(' ').toLowerCase();
}

/**
 * The organization's fields after the write; `undefined` leaves a field alone. An update changes only
 * what it gives: within `address` and `phone`, a part or a line left out keeps its current value (null
 * clears it), so `address: { billing }` never touches the shipping address. Xero replaces a Contact's
 * address of a type, and its phone of a type, as a whole, so the full merged values are what is sent.
 */
export function resolveOrganizationFields(
  input: OrganizationInput,
  existing?: Pick<Organization, 'address' | 'phone'> | null,
): ResolvedOrganization {
  const address = input.address;
  const phone = input.phone;
  const before = existing?.phone ?? null;
  return {
    name: input.name?.trim() || undefined,
    code: input.code,
    taxNumber: input.taxNumber,
    address:
      address === undefined
        ? undefined
        : address && {
            billing: mergeAddress(address.billing, existing?.address?.billing),
            shipping: mergeAddress(address.shipping, existing?.address?.shipping),
          },
    email: input.email,
    phone:
      phone === undefined
        ? undefined
        : phone && {
            landline: given(phone.landline, before?.landline),
            landline2: given(phone.landline2, before?.landline2),
            mobile: given(phone.mobile, before?.mobile),
            fax: given(phone.fax, before?.fax),
          },
    website: input.website,
    currency: input.currency,
  };
}

/** The value given, or (left out) the current one. */
const given = <T>(value: T | null | undefined, current: T | null | undefined): T | null =>
  value === undefined ? (current ?? null) : value;

const ADDRESS_FIELDS = ['attention', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

function mergeAddress(address: AddressInput | null | undefined, current: AddressInput | null | undefined) {
  if (address === undefined) return current ?? null;
  if (!address) return null;
  return Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [field, given(address[field], current?.[field])]),
  ) as Required<AddressInput>;
}

/** A person with a name: a name-less primary person is only the Contact's email, read back from Xero. */
export function isNamedPerson(person: Pick<ResolvedPerson, 'firstName' | 'lastName'>): boolean {
  return Boolean(person.firstName?.trim() || person.lastName?.trim());
}

/**
 * The Contact's EmailAddress (rule 1): Xero holds one email on a Contact, its primary person's (the
 * person's identity there, rule 3), so when the Contact has a primary person the organization's email
 * cannot travel beside it. The organization then shows the email Xero holds, and a warning says so
 * instead of replacing it silently. `primary` is the Contact's primary person after the write, if any.
 */
export function contactEmail(
  email: string | null | undefined,
  primary: ResolvedPerson | undefined,
): { email: string | null | undefined; warnings: string[] } {
  if (!primary) return { email, warnings: [] };
  const held = primary.email ?? null;
  const same = (email ?? '').trim().toLowerCase() === (held ?? '').trim().toLowerCase();
  if (email === undefined || same) return { email: held, warnings: [] };
  const shown = held ? `"${held}"` : 'no email';
  return {
    email: held,
    warnings: [
      `Xero holds one email per contact, its primary person's (${describePerson(primary)}): the organization's email ${email ? `"${email}"` : '(cleared)'} was not sent to Xero, and the organization shows ${shown}, as Xero does.`,
    ],
  };
}

/** An active organization of the tenant already has this name: Xero refuses duplicates among active contacts. */
export async function checkNameFree(
  manager: EntityManager,
  tenantId: string,
  name: string | undefined,
  selfId: string | null,
): Promise<FieldError[]> {
  if (!name) return [];
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM organizations WHERE tenant_id = $1 AND lower(name) = lower($2) AND status = $3
        AND deleted_at IS NULL AND ($4::uuid IS NULL OR id <> $4) LIMIT 1`,
    [tenantId, name, RecordStatus.ACTIVE, selfId],
  );
  return rows.length > 0
    ? [
        {
          path: 'name',
          message: `An active organization is already named "${name}": Xero requires unique names.`,
        },
      ]
    : [];
}

/**
 * The organization's people after the write (rules 1 and 2): the cached people, with the input's people
 * matched by email (or name) or added; the primary person first; the first 5 go to Xero, and a warning
 * names the others, who stay in the gateway.
 */
export async function planPeople(
  manager: EntityManager,
  tenantId: string,
  organization: Organization | null,
  inputs: PersonInput[],
): Promise<PeoplePlan> {
  const cached = organization
    ? await manager.getRepository(Person).find({
        where: { tenantId, organizationId: organization.id },
        order: { isPrimary: 'DESC', createdAt: 'ASC' },
      })
    : [];
  const people: PlannedPerson[] = cached
    .filter((row) => !row.deletedAt)
    .map((row) => ({
      person: {
        connecId: row.id,
        firstName: row.firstName,
        lastName: row.lastName,
        email: row.email?.address ?? null,
        includeInEmails: row.includeInEmails,
      },
      isPrimary: row.isPrimary,
      sent: false,
      touched: false,
    }));
  let primary = people.find((planned) => planned.isPrimary) ?? null;
  for (const input of inputs) {
    const match = people.find((planned) => identity(planned.person) === identity(input));
    const planned = match ?? {
      person: {
        connecId: randomUUID(),
        firstName: null,
        lastName: null,
        email: null,
        includeInEmails: false,
      },
      isPrimary: false,
      sent: false,
      touched: true,
    };
    planned.touched = true;
    const { person } = planned;
    if (input.firstName !== undefined) person.firstName = input.firstName?.trim() || null;
    if (input.lastName !== undefined) person.lastName = input.lastName?.trim() || null;
    if (input.email !== undefined) person.email = input.email?.trim() || null;
    if (input.includeInEmails !== undefined && input.includeInEmails !== null)
      person.includeInEmails = input.includeInEmails;
    if (input.isPrimary) primary = planned;
    if (!match) people.push(planned);
  }
  primary ??= people[0] ?? null;
  const ordered = primary ? [primary, ...people.filter((planned) => planned !== primary)] : people;
  ordered.forEach((planned, index) => {
    const wasPrimary = planned.isPrimary;
    planned.isPrimary = planned === primary;
    if (wasPrimary !== planned.isPrimary) planned.touched = true;
    planned.sent = index < MAX_XERO_PEOPLE;
  });
  const left = ordered.filter((planned) => !planned.sent);
  const warnings =
    left.length === 0
      ? []
      : [
          `Xero keeps at most ${MAX_XERO_PEOPLE} people per organization: ${left.map((p) => describePerson(p.person)).join(', ')} ${left.length === 1 ? 'was' : 'were'} not sent to Xero and stay${left.length === 1 ? 's' : ''} in the gateway.`,
        ];
  return { people: ordered, warnings };
}

export function describePerson(person: ResolvedPerson): string {
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ');
  if (name && person.email) return `${name} <${person.email}>`;
  return name || person.email || person.connecId;
}

/** Throws BAD_USER_INPUT naming every field at fault. */
export function refuse(errors: FieldError[]): void {
  if (errors.length > 0) throw badUserInput(errors);
}
