import { randomUUID } from 'node:crypto';
import { badArgument } from '../../errors.js';
import { RecordStatus } from '../../schema/enums.js';
import type { Item } from '../../schema/item.entity.js';
import type { ItemInput } from '../../schema/item.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import { pendingItemFields, toXeroItem } from '../mappers/connec-item.mapper.js';
import { itemOutbound } from './item.outbound.js';
import { resolveItemInput } from './item-write.rules.js';
import { assertCurrentVersion } from './version-check.js';
import {
  type CreateOptions,
  loadRecord,
  type PreparedWrite,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

/** Validates an item create (rules 6, 7, 8, 14): BAD_USER_INPUT before anything is written. */
export async function prepareItemCreate(
  caller: WriteCaller,
  input: ItemInput,
  options: CreateOptions = {},
): Promise<PreparedWrite> {
  const { item, warnings } = await resolveItemInput(
    caller.pipeline.deps.db.manager,
    caller.tenantId,
    input,
    null,
  );
  return {
    write: {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'Item',
      operation: 'CREATE',
      connecId: randomUUID(),
      request: toXeroItem(item) as unknown as Record<string, unknown>,
      pending: pendingItemFields(item, true),
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
    },
    warnings,
  };
}

/** Creates an item in Xero (a purchase price is optional, rule 6). */
export async function createItem(
  caller: WriteCaller,
  input: ItemInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const { write, warnings } = await prepareItemCreate(caller, input, options);
  return { ...(await caller.pipeline.submit(write, connection)), warnings };
}

/**
 * Changes an item; a tracked item stays tracked by Xero and its quantity on hand is never sent (rule 14).
 * An update based on an older version than the gateway's or Xero's is a CONFLICT unless forced.
 */
export async function updateItem(
  caller: WriteCaller,
  id: string,
  input: ItemInput,
  force: boolean,
): Promise<WriteAnswer> {
  const existing = await loadItem(caller, id);
  const { item, warnings } = await resolveItemInput(
    caller.pipeline.deps.db.manager,
    caller.tenantId,
    input,
    existing,
  );
  const basedOn = force
    ? undefined
    : await assertCurrentVersion(caller, itemOutbound, 'Item', existing, input.expectedUpdatedAt);
  const outcome = await caller.pipeline.submit({
    basedOn,
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'Item',
    operation: 'UPDATE',
    connecId: existing.id,
    request: toXeroItem(item) as unknown as Record<string, unknown>,
    pending: pendingItemFields(item, false),
  });
  return { ...outcome, warnings };
}

/** Creates or updates the item the app knows by its own id: the same call twice makes one. */
export async function upsertItem(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: ItemInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'Item', externalId, input, {
    update: (connecId) => updateItem(caller, connecId, input, true),
    create: (options) => createItem(caller, input, options),
  });
}

/** Deletes the item in Xero (Xero allows it); the gateway keeps it as a tombstone with status DELETED. */
export async function deleteItem(caller: WriteCaller, id: string): Promise<WriteAnswer> {
  const existing = await loadItem(caller, id);
  const outcome = await caller.pipeline.submit({
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'Item',
    operation: 'DELETE',
    connecId: existing.id,
    request: {},
    pending: { status: RecordStatus.DELETED },
  });
  return { ...outcome, warnings: [] };
}

async function loadItem(caller: WriteCaller, id: string): Promise<Item> {
  const found = await loadRecord<Item>(caller, 'Item', id);
  if (found.status === RecordStatus.DELETED) {
    throw badArgument('id', 'This item is deleted.');
  }
  return found;
}
