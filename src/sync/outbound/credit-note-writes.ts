import { randomUUID } from 'node:crypto';
import type { Allocation } from 'xero-node';
import { badArgument, badUserInput, type FieldError } from '../../errors.js';
import type { CreditNote } from '../../schema/credit-note.entity.js';
import type { CreditNoteAllocationInput, CreditNoteInput } from '../../schema/credit-note.input.js';
import { PartyType, TransactionStatus } from '../../schema/enums.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import { pendingCreditNoteFields, toXeroCreditNote } from '../mappers/connec-credit-note.mapper.js';
import { compareDecimal } from '../mappers/connec-payment.mapper.js';
import { subtractDecimal } from '../mappers/decimal.util.js';
import { creditNoteOutbound } from './credit-note.outbound.js';
import { withCapitalArticle } from './indefinite-article.js';
import { chosenPersonExtra, type DocumentKind, resolveInvoiceInput } from './invoice-write.rules.js';
import { lookupReferences } from './reference-lookup.js';
import { assertCurrentVersion } from './version-check.js';
import {
  type CreateOptions,
  loadRecord,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

const KIND: DocumentKind = { noun: 'credit note', party: 'customer or supplier' };
const WRITABLE = [TransactionStatus.DRAFT, TransactionStatus.SUBMITTED, TransactionStatus.AUTHORISED];

/** Creates a credit note in Xero (the invoice rules: a contact, lines, references, tax codes). */
export async function createCreditNote(
  caller: WriteCaller,
  input: CreditNoteInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const note = await resolveInvoiceInput(caller.pipeline.deps.db.manager, caller.tenantId, input, null, KIND);
  const outcome = await caller.pipeline.submit(
    {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'CreditNote',
      operation: 'CREATE',
      connecId: randomUUID(),
      request: toXeroCreditNote(note) as unknown as Record<string, unknown>,
      pending: pendingCreditNoteFields({ ...note, currency: note.currency ?? connection.baseCurrency }, true),
      ...chosenPersonExtra(note),
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
    },
    connection,
  );
  return { ...outcome, warnings: [] };
}

/** Changes a DRAFT, SUBMITTED or AUTHORISED credit note; an older version than the current is a CONFLICT. */
export async function updateCreditNote(
  caller: WriteCaller,
  id: string,
  input: CreditNoteInput,
  force: boolean,
): Promise<WriteAnswer> {
  const existing = await loadCreditNote(caller, id);
  if (!WRITABLE.includes(existing.status)) {
    throw badArgument('id', `This credit note is ${existing.status}: Xero does not allow editing it.`);
  }
  const note = await resolveInvoiceInput(
    caller.pipeline.deps.db.manager,
    caller.tenantId,
    input,
    existing,
    KIND,
  );
  const basedOn = force
    ? undefined
    : await assertCurrentVersion(caller, creditNoteOutbound, 'CreditNote', existing, input.expectedUpdatedAt);
  const outcome = await caller.pipeline.submit({
    basedOn,
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'CreditNote',
    operation: 'UPDATE',
    connecId: existing.id,
    request: toXeroCreditNote(note) as unknown as Record<string, unknown>,
    pending: pendingCreditNoteFields(
      {
        ...note,
        taxCalculation: note.lines ? (note.taxCalculation ?? existing.taxCalculation) : note.taxCalculation,
      },
      false,
    ),
    ...chosenPersonExtra(note),
  });
  return { ...outcome, warnings: [] };
}

/** Creates or updates the credit note the app knows by its own id: the same call twice makes one. */
export async function upsertCreditNote(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: CreditNoteInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'CreditNote', externalId, input, {
    update: (connecId) => updateCreditNote(caller, connecId, input, true),
    create: (options) => createCreditNote(caller, input, options),
  });
}

/** Voids an AUTHORISED credit note or deletes a DRAFT/SUBMITTED one, as Xero allows. */
export async function setCreditNoteStatus(
  caller: WriteCaller,
  id: string,
  status: TransactionStatus.VOIDED | TransactionStatus.DELETED,
): Promise<WriteAnswer> {
  const existing = await loadCreditNote(caller, id);
  const allowed =
    status === TransactionStatus.VOIDED
      ? [TransactionStatus.AUTHORISED]
      : [TransactionStatus.DRAFT, TransactionStatus.SUBMITTED];
  if (!allowed.includes(existing.status)) {
    throw badArgument(
      'id',
      `${withCapitalArticle(existing.status)} credit note cannot be ${status === TransactionStatus.VOIDED ? 'voided' : 'deleted'}; Xero allows it for ${allowed.join(' or ')} only.`,
    );
  }
  const outcome = await caller.pipeline.submit({
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'CreditNote',
    operation: status === TransactionStatus.VOIDED ? 'VOID' : 'DELETE',
    connecId: existing.id,
    request: { status },
    pending: { status },
  });
  return { ...outcome, warnings: [] };
}

/**
 * Applies credit to an invoice of the same contact and side: both AUTHORISED, the amount at most the
 * remaining credit and the amount due. The credit note and the invoice land with Xero's new figures.
 */
export async function allocateCreditNote(
  caller: WriteCaller,
  id: string,
  input: CreditNoteAllocationInput,
): Promise<WriteAnswer> {
  const note = await loadCreditNote(caller, id);
  const path = input.invoice ? 'invoice' : 'invoiceId';
  const errors: FieldError[] = [];
  if (!input.invoiceId && !input.invoice)
    errors.push({ path: 'invoiceId', message: 'Name the invoice to credit.' });
  if (compareDecimal(input.amount, '0') <= 0)
    errors.push({ path: 'amount', message: 'Must be more than zero.' });
  if (errors.length > 0) throw badUserInput(errors);
  const found = await lookupReferences(caller.pipeline.deps.db.manager, caller.tenantId, [
    { path, entity: 'Invoice', id: input.invoiceId, external: input.invoice },
  ]);
  if (found.errors.length > 0) throw badUserInput(found.errors);
  const invoice = found.rows.get(path)!;
  if (note.status !== TransactionStatus.AUTHORISED)
    errors.push({
      path: 'id',
      message: `This credit note is ${note.status}: only AUTHORISED credit can be allocated.`,
    });
  if (invoice.status !== TransactionStatus.AUTHORISED)
    errors.push({
      path,
      message: `This invoice is ${String(invoice.status)}: credit goes to AUTHORISED invoices only.`,
    });
  if (invoice.type !== note.type)
    errors.push({ path, message: `A ${note.type} credit note credits ${note.type} invoices only.` });
  if (invoice.organizationId !== note.organizationId)
    errors.push({ path, message: 'The invoice and the credit note must have the same contact.' });
  if (compareDecimal(input.amount, note.remainingCredit) > 0)
    errors.push({
      path: 'amount',
      message: `Must be at most the remaining credit (${note.remainingCredit}).`,
    });
  else if (compareDecimal(input.amount, String(invoice.balance)) > 0)
    errors.push({ path: 'amount', message: `Must be at most the amount due (${String(invoice.balance)}).` });
  if (errors.length > 0) throw badUserInput(errors);
  const allocation: Allocation = {
    invoice: { invoiceID: invoice.xeroId! },
    amount: Number(input.amount),
    date: input.date ?? new Date().toISOString().slice(0, 10),
  };
  const outcome = await caller.pipeline.submit({
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'CreditNote',
    operation: 'ALLOCATE',
    connecId: note.id,
    request: allocation as unknown as Record<string, unknown>,
    pending: { remainingCredit: subtractDecimal(note.remainingCredit, input.amount) },
    extra: { invoiceId: invoice.id },
  });
  return { ...outcome, warnings: [] };
}

async function loadCreditNote(caller: WriteCaller, id: string): Promise<CreditNote> {
  const note = await loadRecord<CreditNote>(caller, 'CreditNote', id);
  return { ...note, type: note.type ?? PartyType.CUSTOMER } as CreditNote;
}
