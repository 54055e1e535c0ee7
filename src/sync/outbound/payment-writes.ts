import { randomUUID } from 'node:crypto';
import { badArgument } from '../../errors.js';
import { PartyType, PaymentStatus } from '../../schema/enums.js';
import type { Payment } from '../../schema/payment.entity.js';
import type { PaymentInput } from '../../schema/payment.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import { toXeroPayment } from '../mappers/connec-payment.mapper.js';
import { resolvePaymentInput } from './payment-write.rules.js';
import {
  type CreateOptions,
  loadRecord,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

/** Creates a payment of an AUTHORISED invoice (rule 13: a bank account, or the default one, or refused). */
export async function createPayment(
  caller: WriteCaller,
  input: PaymentInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const { payment, warnings } = await resolvePaymentInput(
    caller.pipeline.deps.db.manager,
    caller.tenantId,
    input,
  );
  const outcome = await caller.pipeline.submit(
    {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'Payment',
      operation: 'CREATE',
      connecId: randomUUID(),
      request: toXeroPayment(payment) as unknown as Record<string, unknown>,
      pending: {
        type: payment.type === PartyType.SUPPLIER ? PartyType.SUPPLIER : PartyType.CUSTOMER,
        status: PaymentStatus.AUTHORISED,
        transactionDate: payment.transactionDate ?? new Date().toISOString().slice(0, 10),
        amount: payment.amount,
        currency: payment.currency,
        reference: payment.reference,
        accountId: payment.accountId,
        invoiceId: payment.invoiceId,
        isReconciled: false,
      },
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
      extra: { invoiceId: payment.invoiceId },
    },
    connection,
  );
  return { ...outcome, warnings };
}

/** Creates the payment the app knows by its own id once; a repeat answers the same payment (never edited). */
export async function upsertPayment(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: PaymentInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'Payment', externalId, input, {
    update: async (connecId) => {
      const existing = await loadRecord<Payment>(caller, 'Payment', connecId);
      return {
        recordId: existing.id,
        syncStatus: existing.syncStatus,
        operationId: null,
        warnings: ['Payments are never edited in Xero: this payment exists already and was left as it is.'],
      };
    },
    create: (options) => createPayment(caller, input, options),
  });
}

/** Deletes a payment in Xero: the invoice owes the amount again; the payment is kept with status DELETED. */
export async function deletePayment(caller: WriteCaller, id: string): Promise<WriteAnswer> {
  const existing = await loadRecord<Payment>(caller, 'Payment', id);
  if (existing.status === PaymentStatus.DELETED) {
    throw badArgument('id', 'This payment is already deleted.');
  }
  const outcome = await caller.pipeline.submit({
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'Payment',
    operation: 'DELETE',
    connecId: existing.id,
    request: { status: 'DELETED' },
    pending: { status: PaymentStatus.DELETED },
    extra: existing.invoiceId ? { invoiceId: existing.invoiceId } : undefined,
  });
  return { ...outcome, warnings: [] };
}
