import { randomUUID } from 'node:crypto';
import { badArgument, badUserInput } from '../../errors.js';
import { PartyType, PurchaseOrderStatus, TaxCalculation, TransactionStatus } from '../../schema/enums.js';
import type { InvoiceInput } from '../../schema/invoice.input.js';
import type { PurchaseOrder } from '../../schema/purchase-order.entity.js';
import type { PurchaseOrderInput } from '../../schema/purchase-order.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import {
  pendingPurchaseOrderFields,
  type ResolvedPurchaseOrder,
  toXeroPurchaseOrder,
} from '../mappers/connec-purchase-order.mapper.js';
import {
  chosenPersonExtra,
  type DocumentKind,
  type ExistingInvoice,
  resolveInvoiceInput,
} from './invoice-write.rules.js';
import { purchaseOrderOutbound } from './purchase-order.outbound.js';
import { assertCurrentVersion } from './version-check.js';
import { loadRecord, upsertByExternalId, type WriteAnswer, type WriteCaller } from './write-caller.js';

const KIND: DocumentKind = { noun: 'purchase order', party: 'supplier' };
const WRITABLE = [PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.SUBMITTED, PurchaseOrderStatus.AUTHORISED];

/** The invoice rules, for a supplier document with a delivery date (lines, references, totals alike). */
async function resolvePurchaseOrder(
  caller: WriteCaller,
  input: PurchaseOrderInput,
  existing: PurchaseOrder | null,
): Promise<ResolvedPurchaseOrder> {
  const errors = [];
  if (input.status && !WRITABLE.includes(input.status))
    errors.push({ path: 'status', message: `Must be DRAFT, SUBMITTED or AUTHORISED (not ${input.status}).` });
  if (existing && !WRITABLE.includes(existing.status))
    errors.push({
      path: 'id',
      message: `This purchase order is ${existing.status}: Xero does not allow editing it.`,
    });
  if (input.transactionDate && input.deliveryDate && input.deliveryDate < input.transactionDate)
    errors.push({ path: 'deliveryDate', message: 'Must be on or after transactionDate.' });
  if (errors.length > 0) throw badUserInput(errors);
  const { deliveryDate, status, ...shared } = input;
  // A purchase order is a supplier document: a line without a tax code or account takes its item's
  // purchase details (PurchaseDetails.TaxType / AccountCode), as a bill's lines do, never the sale ones.
  // Xero defaults a line given only an ItemCode the same way, from the side of the document (LineItems,
  // developer.xero.com/documentation/api/accounting/purchaseorders and .../accounting/invoices).
  const asInvoice: InvoiceInput = {
    ...shared,
    type: PartyType.SUPPLIER,
    status: status as unknown as TransactionStatus | null | undefined,
  };
  const before: ExistingInvoice | null = existing && {
    id: existing.id,
    type: PartyType.SUPPLIER,
    status: existing.status as unknown as TransactionStatus,
    taxCalculation: existing.taxCalculation ?? TaxCalculation.EXCLUSIVE,
  };
  const resolved = await resolveInvoiceInput(
    caller.pipeline.deps.db.manager,
    caller.tenantId,
    asInvoice,
    before,
    KIND,
  );
  return { ...resolved, type: undefined, deliveryDate };
}

/** Creates a purchase order in Xero (rule 9). */
export async function createPurchaseOrder(
  caller: WriteCaller,
  input: PurchaseOrderInput,
  options: { appExternalId?: { provider: string; realm: string; id: string }; idempotencyKey?: string } = {},
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const order = await resolvePurchaseOrder(caller, input, null);
  const outcome = await caller.pipeline.submit(
    {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'PurchaseOrder',
      operation: 'CREATE',
      connecId: randomUUID(),
      request: toXeroPurchaseOrder(order) as unknown as Record<string, unknown>,
      pending: pendingPurchaseOrderFields(
        { ...order, currency: order.currency ?? connection.baseCurrency },
        true,
      ),
      ...chosenPersonExtra(order),
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
    },
    connection,
  );
  return { ...outcome, warnings: [] };
}

/** Changes a DRAFT, SUBMITTED or AUTHORISED purchase order; an older version than the current is a CONFLICT. */
export async function updatePurchaseOrder(
  caller: WriteCaller,
  id: string,
  input: PurchaseOrderInput,
  force: boolean,
): Promise<WriteAnswer> {
  const existing = await loadRecord<PurchaseOrder>(caller, 'PurchaseOrder', id);
  const order = await resolvePurchaseOrder(caller, input, existing);
  const basedOn = force
    ? undefined
    : await assertCurrentVersion(
        caller,
        purchaseOrderOutbound,
        'PurchaseOrder',
        existing,
        input.expectedUpdatedAt,
      );
  const outcome = await caller.pipeline.submit({
    basedOn,
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'PurchaseOrder',
    operation: 'UPDATE',
    connecId: existing.id,
    request: toXeroPurchaseOrder(order) as unknown as Record<string, unknown>,
    pending: pendingPurchaseOrderFields(
      {
        ...order,
        taxCalculation: order.lines
          ? (order.taxCalculation ?? existing.taxCalculation)
          : order.taxCalculation,
      },
      false,
    ),
    ...chosenPersonExtra(order),
  });
  return { ...outcome, warnings: [] };
}

/** Creates or updates the purchase order the app knows by its own id: the same call twice makes one. */
export async function upsertPurchaseOrder(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: PurchaseOrderInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'PurchaseOrder', externalId, input, {
    update: (connecId) => updatePurchaseOrder(caller, connecId, input, true),
    create: (options) => createPurchaseOrder(caller, input, options),
  });
}

/** Deletes a purchase order that is not BILLED (kept with status DELETED). */
export async function deletePurchaseOrder(caller: WriteCaller, id: string): Promise<WriteAnswer> {
  const existing = await loadRecord<PurchaseOrder>(caller, 'PurchaseOrder', id);
  if (!WRITABLE.includes(existing.status)) {
    throw badArgument('id', `A ${existing.status} purchase order cannot be deleted.`);
  }
  const outcome = await caller.pipeline.submit({
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'PurchaseOrder',
    operation: 'DELETE',
    connecId: existing.id,
    request: { status: PurchaseOrderStatus.DELETED },
    pending: { status: PurchaseOrderStatus.DELETED },
  });
  return { ...outcome, warnings: [] };
}
