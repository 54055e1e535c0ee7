import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../cache/content-hash.js';
import { badArgument, badUserInput, conflict, notFound } from '../../errors.js';
import { isUuid } from '../../resolvers/list/cursor.js';
import type { SyncStatus } from '../../schema/connec-entity.js';
import { TransactionStatus } from '../../schema/enums.js';
import { Invoice } from '../../schema/invoice.entity.js';
import type { InvoiceInput } from '../../schema/invoice.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import { pendingInvoiceFields, toXeroInvoice } from '../mappers/connec-invoice.mapper.js';
import { invoiceOutbound } from './invoice.outbound.js';
import { resolveInvoiceInput } from './invoice-write.rules.js';
import type { OutboundPipeline } from './outbound-pipeline.js';

/** Who writes, and through what. */
export interface WriteCaller {
  pipeline: OutboundPipeline;
  tenantId: string;
  app: { id: string; provider: string };
}

/** What every mutation answers (the resolver loads the record). */
export interface WriteAnswer {
  recordId: string;
  syncStatus: SyncStatus;
  operationId: string | null;
  warnings: string[];
}

interface CreateOptions {
  appExternalId?: { provider: string; realm: string; id: string };
  idempotencyKey?: string;
}

/** Validates and creates an invoice in Xero (or keeps it PENDING when Xero cannot take it now). */
export async function createInvoice(
  caller: WriteCaller,
  input: InvoiceInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const { pipeline, tenantId } = caller;
  const connection = await pipeline.connectionFor(tenantId);
  const resolved = await resolveInvoiceInput(pipeline.deps.db.manager, tenantId, input, null);
  const pending = pendingInvoiceFields(
    { ...resolved, currency: resolved.currency ?? connection.baseCurrency },
    true,
  );
  const outcome = await pipeline.submit(
    {
      tenantId,
      app: caller.app,
      entity: 'Invoice',
      operation: 'CREATE',
      connecId: randomUUID(),
      request: toXeroInvoice(resolved) as unknown as Record<string, unknown>,
      pending,
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
    },
    connection,
  );
  return { ...outcome, warnings: [] };
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
  const existing = await loadInvoice(caller, id);
  const resolved = await resolveInvoiceInput(pipeline.deps.db.manager, tenantId, input, existing);
  if (input.expectedUpdatedAt && !force) await checkVersion(caller, existing, input.expectedUpdatedAt);
  const calculation = resolved.taxCalculation ?? existing.taxCalculation;
  const outcome = await pipeline.submit({
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
  });
  return { ...outcome, warnings: [] };
}

/**
 * Creates or updates the invoice the app knows by its own id. The same call twice gives one invoice in
 * the cache and one in Xero: the second finds the first through the id map, and two racing creates
 * share an idempotency key derived from the external id and the input, so Xero makes one.
 */
export async function upsertInvoice(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: InvoiceInput,
): Promise<WriteAnswer> {
  if (externalId.provider === 'xero' || externalId.provider === 'connec') {
    throw badArgument(
      'externalId.provider',
      "Upserts use the app's own ids; Xero and Connec! ids are issued, not chosen.",
    );
  }
  const realm = externalId.realm ?? caller.app.id;
  const rows: Array<{ connec_id: string }> = await caller.pipeline.deps.db.query(
    `SELECT connec_id FROM id_map WHERE tenant_id = $1 AND entity = 'Invoice' AND provider = $2
        AND realm = $3 AND external_id = $4 LIMIT 1`,
    [caller.tenantId, externalId.provider, realm, externalId.id],
  );
  if (rows[0]) return updateInvoice(caller, rows[0].connec_id, { ...input, expectedUpdatedAt: null }, true);
  const appExternalId = { provider: externalId.provider, realm, id: externalId.id };
  const key = createHash('sha256')
    .update(canonicalJson([caller.tenantId, 'Invoice', appExternalId, input]))
    .digest('hex');
  return createInvoice(caller, input, { appExternalId, idempotencyKey: `upsert-${key}` });
}

/** Voids an AUTHORISED invoice or deletes a DRAFT/SUBMITTED one, as Xero allows. */
export async function setInvoiceStatus(
  caller: WriteCaller,
  id: string,
  status: TransactionStatus.VOIDED | TransactionStatus.DELETED,
): Promise<WriteAnswer> {
  const existing = await loadInvoice(caller, id);
  const allowed =
    status === TransactionStatus.VOIDED
      ? [TransactionStatus.AUTHORISED]
      : [TransactionStatus.DRAFT, TransactionStatus.SUBMITTED];
  if (!allowed.includes(existing.status)) {
    const verb = status === TransactionStatus.VOIDED ? 'voided' : 'deleted';
    throw badUserInput([
      {
        path: 'id',
        message: `A ${existing.status} invoice cannot be ${verb}; Xero allows it for ${allowed.join(' or ')} only.`,
      },
    ]);
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

async function loadInvoice(caller: WriteCaller, id: string): Promise<Invoice> {
  const found = isUuid(id)
    ? await caller.pipeline.deps.db.getRepository(Invoice).findOneBy({ tenantId: caller.tenantId, id })
    : null;
  if (!found) throw notFound('Invoice', id);
  return found;
}

/**
 * The update must be based on the current version: the gateway's (`updatedAt`) and Xero's (a change
 * made in Xero that the sync has not brought in yet). When Xero cannot be asked, the cache decides.
 */
async function checkVersion(caller: WriteCaller, existing: Invoice, expected: Date): Promise<void> {
  const refuse = (current: Date, where: string) =>
    conflict(
      `The invoice changed ${where} since ${expected.toISOString()} (now ${current.toISOString()}): re-read it, or pass force: true to overwrite.`,
      { expectedUpdatedAt: expected.toISOString(), currentUpdatedAt: current.toISOString() },
    );
  if (existing.updatedAt.getTime() > expected.getTime()) throw refuse(existing.updatedAt, 'in the gateway');
  if (!existing.xeroId) return;
  const { pipeline } = caller;
  const connection = await pipeline.connectionFor(caller.tenantId);
  let answer: unknown;
  try {
    answer = await invoiceOutbound.fetch?.(pipeline.api, pipeline.target(connection), existing.xeroId);
  } catch {
    return;
  }
  if (!answer) return;
  const remote = invoiceOutbound.map(answer);
  const xeroUpdatedAt = remote.remoteUpdatedAt;
  if (xeroUpdatedAt && (!existing.remoteUpdatedAt || xeroUpdatedAt > existing.remoteUpdatedAt)) {
    throw refuse(xeroUpdatedAt, 'in Xero');
  }
}
