import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { TransactionStatus } from '../schema/enums.js';
import { Invoice } from '../schema/invoice.entity.js';
import { InvoiceInput } from '../schema/invoice.input.js';
import { Scope } from '../schema/scope.js';
import { ExternalIdInput } from '../schema/value-objects.js';
import { createMany } from '../sync/outbound/batch-writes.js';
import {
  createInvoice,
  prepareInvoiceCreate,
  setInvoiceStatus,
  updateInvoice,
  upsertInvoice,
} from '../sync/outbound/invoice-writes.js';
import { type BatchItemResult, batchResultType, toBatchResults } from './batch-mutation.resolver.js';
import { ForceArg } from './force-arg.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const InvoicePayload = writePayloadType(Invoice, 'Invoice');
type Payload = Promise<WritePayload<Invoice>>;
const InvoiceBatchResult = batchResultType(Invoice, 'Invoice');

@Resolver()
@Authorized(Scope.WRITE)
export class InvoiceMutationResolver {
  @Mutation(() => InvoicePayload, {
    description:
      'Creates an invoice in Xero. Validated first (nothing is written on BAD_USER_INPUT); when Xero cannot take it now it is kept and retried (syncStatus PENDING).',
  })
  async createInvoice(
    @Arg('input', () => InvoiceInput) input: InvoiceInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'Invoice', await createInvoice(writeCaller(context), input));
  }

  @Mutation(() => InvoicePayload, {
    description:
      'Changes an invoice (omitted fields keep their value; lines replace all lines). PAID, VOIDED and DELETED invoices are refused.',
  })
  async updateInvoice(
    @Arg('id', () => ID, { description: 'Connec! id of the invoice.' }) id: string,
    @Arg('input', () => InvoiceInput) input: InvoiceInput,
    @ForceArg('invoice') force: boolean,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'Invoice', await updateInvoice(writeCaller(context), id, input, force));
  }

  @Mutation(() => InvoicePayload, {
    description:
      'Creates or updates the invoice the app knows by its own id (realm defaults to the app): the same call twice makes one invoice.',
  })
  async upsertInvoice(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => InvoiceInput) input: InvoiceInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'Invoice', await upsertInvoice(writeCaller(context), externalId, input));
  }

  @Mutation(() => InvoicePayload, { description: 'Voids an AUTHORISED invoice (kept with status VOIDED).' })
  async voidInvoice(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Payload {
    return toPayload(
      context,
      'Invoice',
      await setInvoiceStatus(writeCaller(context), id, TransactionStatus.VOIDED),
    );
  }

  @Mutation(() => InvoicePayload, {
    description: 'Deletes a DRAFT or SUBMITTED invoice (kept with status DELETED).',
  })
  async deleteInvoice(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Payload {
    return toPayload(
      context,
      'Invoice',
      await setInvoiceStatus(writeCaller(context), id, TransactionStatus.DELETED),
    );
  }

  @Mutation(() => [InvoiceBatchResult], {
    description:
      'Creates up to 500 invoices, sent to Xero 50 a call; each element is answered on its own, in input order.',
  })
  async createInvoices(
    @Arg('inputs', () => [InvoiceInput]) inputs: InvoiceInput[],
    @Ctx() context: GatewayContext,
  ): Promise<Array<BatchItemResult<Invoice>>> {
    const caller = writeCaller(context);
    const answers = await createMany(caller, inputs, (input, currency) =>
      prepareInvoiceCreate(caller, input, currency),
    );
    return toBatchResults(context, 'Invoice', answers);
  }
}
