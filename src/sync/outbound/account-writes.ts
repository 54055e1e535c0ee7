import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badArgument, badUserInput, type FieldError } from '../../errors.js';
import type { Account } from '../../schema/account.entity.js';
import type { AccountInput } from '../../schema/account.input.js';
import { AccountType, RecordStatus } from '../../schema/enums.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import { accountOutbound } from './account.outbound.js';
import { lookupReferences } from './reference-lookup.js';
import { assertCurrentVersion } from './version-check.js';
import {
  type CreateOptions,
  loadRecord,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Field rules (Xero: code at most 10, name at most 150, BANK accounts need a number). Pure. */
export function checkAccountFields(input: AccountInput, existing: Account | null): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  const type = input.type ?? existing?.type;
  if (!existing && !input.name?.trim()) add('name', 'An account needs a name.');
  if ((input.name?.length ?? 0) > 150) add('name', 'Must be at most 150 characters.');
  if ((input.code?.length ?? 0) > 10) add('code', 'Must be at most 10 characters.');
  if (!existing && !type) add('type', 'An account needs a type.');
  if (existing && input.type && input.type !== existing.type)
    add('type', "An account's type cannot be changed here.");
  if (type === AccountType.BANK && !(input.bankAccountNumber ?? existing?.bankAccountNumber))
    add('bankAccountNumber', 'A BANK account needs its bank account number.');
  if (type === AccountType.BANK && input.description)
    add('description', 'BANK accounts have no description in Xero.');
  if ((input.description?.length ?? 0) > 4000) add('description', 'Must be at most 4000 characters.');
  if (input.currency && !/^[A-Z]{3}$/.test(input.currency))
    add('currency', 'Must be an ISO-4217 code such as "AUD".');
  if (input.taxCodeId && input.taxCode) add('taxCode', 'Give taxCodeId or taxCode, not both.');
  return errors;
}

async function resolveAccount(
  manager: EntityManager,
  tenantId: string,
  input: AccountInput,
  existing: Account | null,
) {
  const errors = checkAccountFields(input, existing);
  for (const [field, value] of [
    ['code', input.code],
    ['name', input.name],
  ] as const) {
    if (!value) continue;
    const taken: unknown[] = await manager.query(
      `SELECT 1 FROM accounts WHERE tenant_id = $1 AND lower(${field}) = lower($2) AND deleted_at IS NULL
          AND ($3::uuid IS NULL OR id <> $3) LIMIT 1`,
      [tenantId, value, existing?.id ?? null],
    );
    if (taken.length > 0)
      errors.push({ path: field, message: `Another account has this ${field}: it must be unique.` });
  }
  if (errors.length > 0) throw badUserInput(errors);
  const path = input.taxCode ? 'taxCode' : 'taxCodeId';
  const found = await lookupReferences(manager, tenantId, [
    { path, entity: 'TaxCode', id: input.taxCodeId, external: input.taxCode },
  ]);
  if (found.errors.length > 0) throw badUserInput(found.errors);
  const tax = found.rows.get(path);
  const request = defined({
    code: input.code ?? undefined,
    name: input.name?.trim() || undefined,
    type: existing ? undefined : (input.type ?? undefined),
    description: input.description ?? undefined,
    bankAccountNumber: input.bankAccountNumber ?? undefined,
    currencyCode: input.currency ?? undefined,
    enablePaymentsToAccount: input.enablePayments ?? undefined,
    taxType: tax?.xeroId ?? undefined,
  });
  const pending = defined({
    code: input.code ?? undefined,
    name: input.name?.trim() || undefined,
    type: existing ? undefined : (input.type ?? undefined),
    description: input.description,
    bankAccountNumber: input.bankAccountNumber,
    currency: input.currency,
    enablePayments: input.enablePayments ?? undefined,
    taxCodeId: tax?.id,
    status: existing ? undefined : RecordStatus.ACTIVE,
  });
  return { request, pending };
}

/** Creates an account in Xero's chart of accounts. */
export async function createAccount(
  caller: WriteCaller,
  input: AccountInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const { request, pending } = await resolveAccount(
    caller.pipeline.deps.db.manager,
    caller.tenantId,
    input,
    null,
  );
  const outcome = await caller.pipeline.submit(
    {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'Account',
      operation: 'CREATE',
      connecId: randomUUID(),
      request,
      pending,
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
    },
    connection,
  );
  return { ...outcome, warnings: [] };
}

/** Changes an account (its type stays); based on an older version than the current one it is a CONFLICT. */
export async function updateAccount(
  caller: WriteCaller,
  id: string,
  input: AccountInput,
  force: boolean,
): Promise<WriteAnswer> {
  const existing = await loadRecord<Account>(caller, 'Account', id);
  const { request, pending } = await resolveAccount(
    caller.pipeline.deps.db.manager,
    caller.tenantId,
    input,
    existing,
  );
  const basedOn = force
    ? undefined
    : await assertCurrentVersion(caller, accountOutbound, 'Account', existing, input.expectedUpdatedAt);
  const outcome = await caller.pipeline.submit({
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'Account',
    operation: 'UPDATE',
    connecId: existing.id,
    request,
    pending,
    basedOn,
  });
  return { ...outcome, warnings: [] };
}

/** Creates or updates the account the app knows by its own id: the same call twice makes one. */
export async function upsertAccount(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: AccountInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'Account', externalId, input, {
    update: (connecId) => updateAccount(caller, connecId, input, true),
    create: (options) => createAccount(caller, input, options),
  });
}

/** Archives an account in Xero (kept with status ARCHIVED). */
export async function archiveAccount(caller: WriteCaller, id: string): Promise<WriteAnswer> {
  const existing = await loadRecord<Account>(caller, 'Account', id);
  if (existing.status !== RecordStatus.ACTIVE)
    throw badArgument('id', `This account is already ${existing.status}.`);
  const outcome = await caller.pipeline.submit({
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'Account',
    operation: 'ARCHIVE',
    connecId: existing.id,
    request: { status: 'ARCHIVED' },
    pending: { status: RecordStatus.ARCHIVED },
  });
  return { ...outcome, warnings: [] };
}
