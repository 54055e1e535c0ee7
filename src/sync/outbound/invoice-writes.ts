import { randomUUID } from 'node:crypto';
import { badArgument } from '../../errors.js';
import { TransactionStatus } from '../../schema/enums.js';
import type { Invoice } from '../../schema/invoice.entity.js';
import type { InvoiceInput } from '../../schema/invoice.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import { pendingInvoiceFields, toXeroInvoice } from '../mappers/connec-invoice.mapper.js';
import { withCapitalArticle } from './indefinite-article.js';
import { invoiceOutbound } from './invoice.outbound.js';
import { chosenPersonExtra, resolveInvoiceInput } from './invoice-write.rules.js';
import { assertCurrentVersion } from './version-check.js';
import {
  type CreateOptions,
  loadRecord,
  type PreparedWrite,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

export type { WriteAnswer, WriteCaller } from './write-caller.js';

/** Validates an invoice create: BAD_USER_INPUT before anything is written anywhere. */
export async function prepareInvoiceCreate(
  caller: WriteCaller,
  input: InvoiceInput,
  baseCurrency: string | null,
  options: CreateOptions = {},
): Promise<PreparedWrite> {
  const resolved = await resolveInvoiceInput(caller.pipeline.deps.db.manager, caller.tenantId, input, null);
  const pending = pendingInvoiceFields({ ...resolved, currency: resolved.currency ?? baseCurrency }, true);
  return {
    write: {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'Invoice',
      operation: 'CREATE',
      connecId: randomUUID(),
      request: toXeroInvoice(resolved) as unknown as Record<string, unknown>,
      pending,
      ...chosenPersonExtra(resolved),
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
    },
    warnings: [],
  };
}

/** Validates and creates an invoice in Xero (or keeps it PENDING when Xero cannot take it now). */
export async function createInvoice(
  caller: WriteCaller,
  input: InvoiceInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const { write, warnings } = await prepareInvoiceCreate(caller, input, connection.baseCurrency, options);
  return { ...(await caller.pipeline.submit(write, connection)), warnings };
}

/**
 * Validates and applies a change: PAID, VOIDED and DELETED invoices are refused (rule 11), and an
 * update based on an older version than the gateway's or Xero's is a CONFLICT unless forced.
 */
export async function updateInvoice(
  caller: WriteCaller,
  id: string,
  input: InvoiceInput,
  force: boolean,
): Promise<WriteAnswer> {
  const { pipeline, tenantId } = caller;
  const existing = await loadRecord<Invoice>(caller, 'Invoice', id);
  const resolved = await resolveInvoiceInput(pipeline.deps.db.manager, tenantId, input, existing);
  const basedOn = force
    ? undefined
    : await assertCurrentVersion(caller, invoiceOutbound, 'Invoice', existing, input.expectedUpdatedAt);
  const calculation = resolved.taxCalculation ?? existing.taxCalculation;
  const outcome = await pipeline.submit({
    basedOn,
    tenantId,
    app: caller.app,
    entity: 'Invoice',
    operation: 'UPDATE',
    connecId: existing.id,
    request: toXeroInvoice(resolved) as unknown as Record<string, unknown>,
    pending: pendingInvoiceFields(
      { ...resolved, taxCalculation: resolved.lines ? calculation : resolved.taxCalculation },
      false,
    ),
    ...chosenPersonExtra(resolved),
  });
  return { ...outcome, warnings: [] };
}

/** Creates or updates the invoice the app knows by its own id (see `upsertByExternalId`). */
export async function upsertInvoice(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: InvoiceInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'Invoice', externalId, input, {
    update: (connecId) => updateInvoice(caller, connecId, { ...input, expectedUpdatedAt: null }, true),
    create: (options) => createInvoice(caller, input, options),
  });
}

/** Voids an AUTHORISED invoice or deletes a DRAFT/SUBMITTED one, as Xero allows. */
export async function setInvoiceStatus(
  caller: WriteCaller,
  id: string,
  status: TransactionStatus.VOIDED | TransactionStatus.DELETED,
): Promise<WriteAnswer> {
  const existing = await loadRecord<Invoice>(caller, 'Invoice', id);
  const allowed =
    status === TransactionStatus.VOIDED
      ? [TransactionStatus.AUTHORISED]
      : [TransactionStatus.DRAFT, TransactionStatus.SUBMITTED];
  if (!allowed.includes(existing.status)) {
    const verb = status === TransactionStatus.VOIDED ? 'voided' : 'deleted';
    throw badArgument(
      'id',
      `${withCapitalArticle(existing.status)} invoice cannot be ${verb}; Xero allows it for ${allowed.join(' or ')} only.`,
    );
  }
  const outcome = await caller.pipeline.submit({
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'Invoice',
    operation: status === TransactionStatus.VOIDED ? 'VOID' : 'DELETE',
    connecId: existing.id,
    request: { status },
    pending: { status },
  });
  return { ...outcome, warnings: [] };
}
