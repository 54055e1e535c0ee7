import { randomUUID } from 'node:crypto';
import { badArgument } from '../../errors.js';
import { RecordStatus } from '../../schema/enums.js';
import type { TaxCode } from '../../schema/tax-code.entity.js';
import type { TaxCodeInput } from '../../schema/tax-code.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import { pendingTaxCodeFields, toXeroTaxRate } from '../mappers/connec-tax-code.mapper.js';
import { taxCodeOutbound } from './tax-code.outbound.js';
import { lockedTaxCodeReason, resolveTaxCodeInput } from './tax-code-write.rules.js';
import { assertCurrentVersion } from './version-check.js';
import {
  type CreateOptions,
  loadRecord,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

/** Creates a tax rate in Xero (Xero issues its TaxType, TAX001, TAX002, ...). */
export async function createTaxCode(
  caller: WriteCaller,
  input: TaxCodeInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const resolved = await resolveTaxCodeInput(
    caller.pipeline.deps.db.manager,
    caller.tenantId,
    input,
    null,
    connection.countryCode,
  );
  const outcome = await caller.pipeline.submit(
    {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'TaxCode',
      operation: 'CREATE',
      connecId: randomUUID(),
      request: toXeroTaxRate(resolved) as unknown as Record<string, unknown>,
      pending: pendingTaxCodeFields(resolved, true),
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
    },
    connection,
  );
  return { ...outcome, warnings: [] };
}

/**
 * Changes a tax code's name, components or report tax type. Xero's system rates and DELETED or ARCHIVED
 * rates are refused before Xero. An update based on an older version is a CONFLICT unless forced.
 */
export async function updateTaxCode(
  caller: WriteCaller,
  id: string,
  input: TaxCodeInput,
  force: boolean,
): Promise<WriteAnswer> {
  const existing = await loadWritableTaxCode(caller, id);
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const resolved = await resolveTaxCodeInput(
    caller.pipeline.deps.db.manager,
    caller.tenantId,
    input,
    existing,
    connection.countryCode,
  );
  // Xero keeps no UpdatedDateUTC on tax rates: the check compares Xero's content with the cache's.
  const basedOn = force
    ? undefined
    : await assertCurrentVersion(
        caller,
        taxCodeOutbound,
        'TaxCode',
        existing,
        input.expectedUpdatedAt,
        connection,
      );
  const outcome = await caller.pipeline.submit(
    {
      basedOn,
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'TaxCode',
      operation: 'UPDATE',
      connecId: existing.id,
      request: toXeroTaxRate(resolved) as unknown as Record<string, unknown>,
      pending: pendingTaxCodeFields(resolved, false),
    },
    connection,
  );
  return { ...outcome, warnings: [] };
}

/** Creates or updates the tax code the app knows by its own id: the same call twice makes one. */
export async function upsertTaxCode(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: TaxCodeInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'TaxCode', externalId, input, {
    update: (connecId) => updateTaxCode(caller, connecId, { ...input, expectedUpdatedAt: null }, true),
    create: (options) => createTaxCode(caller, input, options),
  });
}

/**
 * Deletes a tax rate in Xero by setting its Status to DELETED; Xero archives it instead (ARCHIVED) when a
 * transaction used it. Either way the gateway keeps it, with Xero's status.
 */
export async function deleteTaxCode(caller: WriteCaller, id: string): Promise<WriteAnswer> {
  const existing = await loadWritableTaxCode(caller, id);
  const request = {
    name: existing.name,
    components: existing.components,
    status: RecordStatus.DELETED,
  } as const;
  const outcome = await caller.pipeline.submit({
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'TaxCode',
    operation: 'DELETE',
    connecId: existing.id,
    request: toXeroTaxRate(request) as unknown as Record<string, unknown>,
    pending: pendingTaxCodeFields({ status: RecordStatus.DELETED }, false),
  });
  return { ...outcome, warnings: [] };
}

async function loadWritableTaxCode(caller: WriteCaller, id: string): Promise<TaxCode> {
  const existing = await loadRecord<TaxCode>(caller, 'TaxCode', id);
  const locked = lockedTaxCodeReason(existing);
  if (locked) throw badArgument('id', locked);
  return existing;
}
