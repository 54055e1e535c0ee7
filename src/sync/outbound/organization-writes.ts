import { randomUUID } from 'node:crypto';
import { type EntityManager, IsNull } from 'typeorm';
import { upsertEntities } from '../../cache/upsert.js';
import { badArgument } from '../../errors.js';
import { SyncStatus } from '../../schema/connec-entity.js';
import { RecordStatus } from '../../schema/enums.js';
import type { Organization } from '../../schema/organization.entity.js';
import type { OrganizationInput, PersonInput } from '../../schema/organization.input.js';
import { Person } from '../../schema/person.entity.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import {
  pendingOrganizationFields,
  personFields,
  type ResolvedOrganization,
  type ResolvedPerson,
  toXeroContact,
} from '../mappers/connec-organization.mapper.js';
import { type OpPerson, organizationOutbound } from './organization.outbound.js';
import {
  checkNameFree,
  checkOrganizationFields,
  checkPersonFields,
  contactEmail,
  isNamedPerson,
  type PeoplePlan,
  planPeople,
  refuse,
  resolveOrganizationFields,
} from './organization-write.rules.js';
import { originOf } from './outbound-pipeline.js';
import { lookupReferences } from './reference-lookup.js';
import { assertCurrentVersion, type VersionBasis } from './version-check.js';
import {
  type CreateOptions,
  loadRecord,
  type PreparedWrite,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

/** Validates an organization create: BAD_USER_INPUT before anything is written anywhere. */
export async function prepareOrganizationCreate(
  caller: WriteCaller,
  input: OrganizationInput,
  options: CreateOptions = {},
): Promise<PreparedWrite> {
  const manager = caller.pipeline.deps.db.manager;
  const errors = checkOrganizationFields(input, true);
  refuse(errors);
  const organization = resolveOrganizationFields(input);
  refuse(await checkNameFree(manager, caller.tenantId, organization.name, null));
  const plan = await planPeople(manager, caller.tenantId, null, input.people ?? []);
  return organizationWrite(caller, 'CREATE', randomUUID(), organization, plan, options);
}

/** Creates an organization (a Xero Contact) with its people (rules 1 and 2). */
export async function createOrganization(
  caller: WriteCaller,
  input: OrganizationInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const { write, warnings } = await prepareOrganizationCreate(caller, input, options);
  return { ...(await caller.pipeline.submit(write, connection)), warnings };
}

/**
 * Changes an organization; people given are matched by email (or name) and added when new. An update
 * based on an older version than the gateway's or the Xero Contact's is a CONFLICT unless forced.
 */
export async function updateOrganization(
  caller: WriteCaller,
  id: string,
  input: OrganizationInput,
  force: boolean,
): Promise<WriteAnswer> {
  const manager = caller.pipeline.deps.db.manager;
  const existing = await loadOrganization(caller, id);
  refuse(checkOrganizationFields(input, false));
  const organization = resolveOrganizationFields(input, existing);
  refuse(await checkNameFree(manager, caller.tenantId, organization.name, existing.id));
  const basedOn = force
    ? undefined
    : await assertCurrentVersion(
        caller,
        organizationOutbound,
        'Organization',
        existing,
        input.expectedUpdatedAt,
      );
  const plan = input.people ? await planPeople(manager, caller.tenantId, existing, input.people) : undefined;
  // Without people in the input, the Contact keeps its primary person: their email stays the Contact's.
  const primary =
    !plan && input.email !== undefined
      ? await namedPrimary(manager, caller.tenantId, existing.id)
      : undefined;
  const { write, warnings } = organizationWrite(
    caller,
    'UPDATE',
    existing.id,
    organization,
    plan,
    {},
    primary,
  );
  return { ...(await caller.pipeline.submit({ ...write, basedOn })), warnings };
}

/** Creates or updates the organization the app knows by its own id: the same call twice makes one. */
export async function upsertOrganization(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: OrganizationInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'Organization', externalId, input, {
    update: (connecId) => updateOrganization(caller, connecId, input, true),
    create: (options) => createOrganization(caller, input, options),
  });
}

/** Archives the organization's Xero Contact (kept as a tombstone with status ARCHIVED). */
export async function archiveOrganization(caller: WriteCaller, id: string): Promise<WriteAnswer> {
  const existing = await loadOrganization(caller, id);
  if (existing.status !== RecordStatus.ACTIVE) {
    throw badArgument('id', `This organization is already ${existing.status}.`);
  }
  const outcome = await caller.pipeline.submit({
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'Organization',
    operation: 'ARCHIVE',
    connecId: existing.id,
    request: { contactStatus: 'ARCHIVED' },
    pending: { status: RecordStatus.ARCHIVED },
  });
  return { ...outcome, warnings: [] };
}

/**
 * Creates a person. Under an organization the person joins its Xero Contact (the organization is
 * written again with its people); without one the person stays in the gateway (rule 4).
 */
export async function createPerson(caller: WriteCaller, input: PersonInput): Promise<WriteAnswer> {
  return writePerson(caller, null, input);
}

/**
 * Changes a person (and its organization's Contact in Xero when it has one). An update based on an older
 * version than the person's in the gateway, or than its Contact's in Xero, is a CONFLICT unless forced.
 */
export async function updatePerson(
  caller: WriteCaller,
  id: string,
  input: PersonInput,
  force: boolean,
): Promise<WriteAnswer> {
  const existing = await loadRecord<Person>(caller, 'Person', id);
  return writePerson(caller, existing, input, { force });
}

/** Creates or updates the person the app knows by its own id. */
export async function upsertPerson(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: PersonInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'Person', externalId, input, {
    update: (connecId) => updatePerson(caller, connecId, input, true),
    create: (options) => writePerson(caller, null, input, options),
  });
}

interface PersonWriteOptions extends CreateOptions {
  /** Skips the version check (force: true, upserts). */
  force?: boolean;
}

async function writePerson(
  caller: WriteCaller,
  existing: Person | null,
  input: PersonInput,
  options: PersonWriteOptions = {},
): Promise<WriteAnswer> {
  const manager = caller.pipeline.deps.db.manager;
  const errors = existing ? [] : checkPersonFields(input, '');
  if (input.organizationId && input.organization)
    errors.push({ path: 'organization', message: 'Give organizationId or organization, not both.' });
  refuse(errors);
  const organization = await personOrganization(manager, caller.tenantId, input, existing);
  if (organization && existing?.organizationId && existing.organizationId !== organization.id) {
    refuse([{ path: 'organizationId', message: 'A person cannot move to another organization in Xero.' }]);
  }
  const basedOn =
    existing && !options.force ? await checkPersonVersion(caller, existing, organization, input) : undefined;
  if (!organization) return keepPersonInGateway(caller, existing, input, options);
  // Matching by email needs the person's current identity when the input leaves it out.
  const merged: PersonInput = existing
    ? {
        firstName: existing.firstName,
        lastName: existing.lastName,
        email: existing.email?.address ?? null,
        ...definedOnly(input),
      }
    : input;
  if (existing) refuse(checkPersonFields(merged, ''));
  const plan = await planPeople(manager, caller.tenantId, organization, [merged]);
  if (existing) retarget(plan, existing.id, merged);
  const target = plan.people.find((planned) => planned.touched && identityOf(planned, merged));
  const { write, warnings } = organizationWrite(caller, 'UPDATE', organization.id, {}, plan);
  if (options.appExternalId) write.extra = { ...write.extra, personExternalId: options.appExternalId };
  const outcome = await caller.pipeline.submit({ ...write, basedOn });
  if (options.appExternalId && target) await recordExternalId(caller, target.person.connecId, options);
  return { ...outcome, recordId: target?.person.connecId ?? existing?.id ?? outcome.recordId, warnings };
}

/**
 * A person's version in the gateway is its own row's; in Xero a person is part of its organization's
 * Contact, so the Contact's version (against the one the organization's row holds) is the one compared.
 */
async function checkPersonVersion(
  caller: WriteCaller,
  existing: Person,
  organization: Organization | null,
  input: PersonInput,
): Promise<VersionBasis | undefined> {
  const version = {
    id: existing.id,
    updatedAt: existing.updatedAt,
    xeroId: organization?.xeroId ?? null,
    remoteUpdatedAt: organization?.remoteUpdatedAt ?? null,
  };
  return assertCurrentVersion(caller, organizationOutbound, 'Person', version, input.expectedUpdatedAt);
}

/** The person's current row is the one to change, even when the input changes its email. */
function retarget(plan: PeoplePlan, id: string, merged: PersonInput) {
  const byId = plan.people.find((planned) => planned.person.connecId === id);
  const byIdentity = plan.people.find((planned) => planned.touched && identityOf(planned, merged));
  if (!byId || !byIdentity || byId === byIdentity) return;
  // The input's email is new: Xero sees a new person (rule 3), the gateway keeps the same row.
  byIdentity.person.connecId = id;
  plan.people.splice(plan.people.indexOf(byId), 1);
}

function identityOf(planned: PeoplePlan['people'][number], input: PersonInput): boolean {
  const email = input.email?.trim().toLowerCase();
  if (email) return planned.person.email?.toLowerCase() === email;
  return (
    (planned.person.firstName ?? '') === (input.firstName?.trim() ?? '') &&
    (planned.person.lastName ?? '') === (input.lastName?.trim() ?? '')
  );
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

async function personOrganization(
  manager: EntityManager,
  tenantId: string,
  input: PersonInput,
  existing: Person | null,
): Promise<Organization | null> {
  const path = input.organization ? 'organization' : 'organizationId';
  const id = input.organizationId ?? (input.organization ? undefined : existing?.organizationId);
  if (!id && !input.organization) return null;
  const found = await lookupReferences(manager, tenantId, [
    { path, entity: 'Organization', id, external: input.organization },
  ]);
  refuse(found.errors);
  const organization = found.rows.get(path) as unknown as Organization;
  if (!organization.xeroId) {
    refuse([{ path, message: 'This organization is not in Xero yet (its own write is pending).' }]);
  }
  return organization;
}

/** Rule 4: Xero shows no contact without an organization, so this person is never pushed. */
async function keepPersonInGateway(
  caller: WriteCaller,
  existing: Person | null,
  input: PersonInput,
  options: CreateOptions,
): Promise<WriteAnswer> {
  const id = existing?.id ?? randomUUID();
  const fields = definedOnly({
    firstName: input.firstName,
    lastName: input.lastName,
    email:
      input.email === undefined ? undefined : input.email ? { address: input.email, address2: null } : null,
    includeInEmails: input.includeInEmails ?? undefined,
    isPrimary: existing ? undefined : false,
    syncStatus: SyncStatus.SYNCED,
  });
  const result = await upsertEntities(
    caller.pipeline.deps.db.manager,
    caller.tenantId,
    'Person',
    [{ id, externalIds: options.appExternalId ? [options.appExternalId] : [], fields }],
    originOf(caller.app),
  );
  return {
    recordId: result.ids[0],
    syncStatus: SyncStatus.SYNCED,
    operationId: null,
    warnings: [
      'This person belongs to no organization: Xero shows no contact without one, so the person stays in the gateway and is not sent to Xero.',
    ],
  };
}

async function recordExternalId(caller: WriteCaller, connecId: string, options: CreateOptions) {
  await upsertEntities(
    caller.pipeline.deps.db.manager,
    caller.tenantId,
    'Person',
    [{ id: connecId, externalIds: [options.appExternalId!], fields: {} }],
    originOf(caller.app),
  );
}

/** The pipeline write of an organization and its people. */
function organizationWrite(
  caller: WriteCaller,
  operation: 'CREATE' | 'UPDATE',
  connecId: string,
  organization: ResolvedOrganization,
  plan: PeoplePlan | undefined,
  options: CreateOptions = {},
  cachedPrimary?: ResolvedPerson,
): PreparedWrite {
  const sent = plan?.people.filter((planned) => planned.sent).map((planned) => planned.person);
  const contact = contactEmail(organization.email, plan ? sent?.[0] : cachedPrimary);
  const fields = { ...organization, email: contact.email };
  const people: OpPerson[] = (plan?.people ?? []).map((planned) => ({
    connecId: planned.person.connecId,
    firstName: planned.person.firstName,
    lastName: planned.person.lastName,
    email: planned.person.email,
    sent: planned.sent,
    fields: personFields(planned.person, connecId, planned.isPrimary),
  }));
  return {
    write: {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'Organization',
      operation,
      connecId,
      request: toXeroContact(fields, sent) as unknown as Record<string, unknown>,
      pending: pendingOrganizationFields(fields, operation === 'CREATE'),
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
      companions: (plan?.people ?? [])
        .filter((planned) => planned.touched)
        .map((planned) => ({
          entity: 'Person' as const,
          id: planned.person.connecId,
          fields: personFields(planned.person, connecId, planned.isPrimary),
        })),
      extra: { people },
    },
    warnings: [...(plan?.warnings ?? []), ...contact.warnings],
  };
}

/** The organization's primary person in the cache, when it has a name (else it is only the Contact's email). */
async function namedPrimary(
  manager: EntityManager,
  tenantId: string,
  organizationId: string,
): Promise<ResolvedPerson | undefined> {
  const row = await manager
    .getRepository(Person)
    .findOneBy({ tenantId, organizationId, isPrimary: true, deletedAt: IsNull() });
  if (!row) return undefined;
  const person: ResolvedPerson = {
    connecId: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email?.address ?? null,
    includeInEmails: row.includeInEmails,
  };
  return isNamedPerson(person) ? person : undefined;
}

async function loadOrganization(caller: WriteCaller, id: string): Promise<Organization> {
  const found = await loadRecord<Organization>(caller, 'Organization', id);
  if (found.status === RecordStatus.DELETED) {
    throw badArgument('id', 'This organization was deleted in Xero.');
  }
  return found;
}
