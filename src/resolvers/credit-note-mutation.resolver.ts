import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { CreditNote } from '../schema/credit-note.entity.js';
import { CreditNoteAllocationInput, CreditNoteInput } from '../schema/credit-note.input.js';
import { TransactionStatus } from '../schema/enums.js';
import { Scope } from '../schema/scope.js';
import { ExternalIdInput } from '../schema/value-objects.js';
import {
  allocateCreditNote,
  createCreditNote,
  setCreditNoteStatus,
  updateCreditNote,
  upsertCreditNote,
} from '../sync/outbound/credit-note-writes.js';
import { ForceArg } from './force-arg.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const CreditNotePayload = writePayloadType(CreditNote, 'CreditNote');
type Payload = Promise<WritePayload<CreditNote>>;

@Resolver()
@Authorized(Scope.WRITE)
export class CreditNoteMutationResolver {
  @Mutation(() => CreditNotePayload, { description: 'Creates a credit note in Xero (validated first).' })
  async createCreditNote(
    @Arg('input', () => CreditNoteInput) input: CreditNoteInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'CreditNote', await createCreditNote(writeCaller(context), input));
  }

  @Mutation(() => CreditNotePayload, {
    description:
      'Changes a credit note (lines replace all lines); PAID, VOIDED and DELETED ones are refused.',
  })
  async updateCreditNote(
    @Arg('id', () => ID, { description: 'Connec! id of the credit note.' }) id: string,
    @Arg('input', () => CreditNoteInput) input: CreditNoteInput,
    @ForceArg('credit note') force: boolean,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'CreditNote', await updateCreditNote(writeCaller(context), id, input, force));
  }

  @Mutation(() => CreditNotePayload, {
    description:
      'Creates or updates the credit note the app knows by its own id: the same call twice makes one.',
  })
  async upsertCreditNote(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => CreditNoteInput) input: CreditNoteInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'CreditNote', await upsertCreditNote(writeCaller(context), externalId, input));
  }

  @Mutation(() => CreditNotePayload, {
    description:
      "Applies part of an AUTHORISED credit note's remaining credit to an AUTHORISED invoice of the same contact.",
  })
  async allocateCreditNote(
    @Arg('id', () => ID, { description: 'Connec! id of the credit note.' }) id: string,
    @Arg('input', () => CreditNoteAllocationInput) input: CreditNoteAllocationInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'CreditNote', await allocateCreditNote(writeCaller(context), id, input));
  }

  @Mutation(() => CreditNotePayload, {
    description: 'Voids an AUTHORISED credit note (kept with status VOIDED).',
  })
  async voidCreditNote(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Payload {
    return toPayload(
      context,
      'CreditNote',
      await setCreditNoteStatus(writeCaller(context), id, TransactionStatus.VOIDED),
    );
  }

  @Mutation(() => CreditNotePayload, {
    description: 'Deletes a DRAFT or SUBMITTED credit note (kept as DELETED).',
  })
  async deleteCreditNote(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Payload {
    return toPayload(
      context,
      'CreditNote',
      await setCreditNoteStatus(writeCaller(context), id, TransactionStatus.DELETED),
    );
  }
}
