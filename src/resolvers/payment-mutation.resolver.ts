import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Payment } from '../schema/payment.entity.js';
import { PaymentInput } from '../schema/payment.input.js';
import { Scope } from '../schema/scope.js';
import { ExternalIdInput } from '../schema/value-objects.js';
import { createPayment, deletePayment, upsertPayment } from '../sync/outbound/payment-writes.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const PaymentPayload = writePayloadType(Payment, 'Payment');

@Resolver()
@Authorized(Scope.WRITE)
export class PaymentMutationResolver {
  @Mutation(() => PaymentPayload, {
    description:
      "Pays an AUTHORISED invoice. Without accountId the organisation's default bank account is used; with neither, the payment is refused and the invoice stays AUTHORISED.",
  })
  async createPayment(
    @Arg('input', () => PaymentInput) input: PaymentInput,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Payment>> {
    return toPayload(context, 'Payment', await createPayment(writeCaller(context), input));
  }

  @Mutation(() => PaymentPayload, {
    description: 'Creates the payment the app knows by its own id once; repeating the call changes nothing.',
  })
  async upsertPayment(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => PaymentInput) input: PaymentInput,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Payment>> {
    return toPayload(context, 'Payment', await upsertPayment(writeCaller(context), externalId, input));
  }

  @Mutation(() => PaymentPayload, {
    description: 'Deletes a payment in Xero (payments are never edited): the invoice owes the amount again.',
  })
  async deletePayment(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Payment>> {
    return toPayload(context, 'Payment', await deletePayment(writeCaller(context), id));
  }
}
