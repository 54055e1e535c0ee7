import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { PurchaseOrder } from '../schema/purchase-order.entity.js';
import { PurchaseOrderInput } from '../schema/purchase-order.input.js';
import { Scope } from '../schema/scope.js';
import { ExternalIdInput } from '../schema/value-objects.js';
import {
  createPurchaseOrder,
  deletePurchaseOrder,
  updatePurchaseOrder,
  upsertPurchaseOrder,
} from '../sync/outbound/purchase-order-writes.js';
import { ForceArg } from './force-arg.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const PurchaseOrderPayload = writePayloadType(PurchaseOrder, 'PurchaseOrder');
type Payload = Promise<WritePayload<PurchaseOrder>>;

@Resolver()
@Authorized(Scope.WRITE)
export class PurchaseOrderMutationResolver {
  @Mutation(() => PurchaseOrderPayload, {
    description: 'Creates a purchase order in Xero (validated first).',
  })
  async createPurchaseOrder(
    @Arg('input', () => PurchaseOrderInput) input: PurchaseOrderInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'PurchaseOrder', await createPurchaseOrder(writeCaller(context), input));
  }

  @Mutation(() => PurchaseOrderPayload, {
    description: 'Changes a purchase order (lines replace all lines); BILLED and DELETED ones are refused.',
  })
  async updatePurchaseOrder(
    @Arg('id', () => ID, { description: 'Connec! id of the purchase order.' }) id: string,
    @Arg('input', () => PurchaseOrderInput) input: PurchaseOrderInput,
    @ForceArg('purchase order') force: boolean,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(
      context,
      'PurchaseOrder',
      await updatePurchaseOrder(writeCaller(context), id, input, force),
    );
  }

  @Mutation(() => PurchaseOrderPayload, {
    description:
      'Creates or updates the purchase order the app knows by its own id: the same call twice makes one.',
  })
  async upsertPurchaseOrder(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => PurchaseOrderInput) input: PurchaseOrderInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(
      context,
      'PurchaseOrder',
      await upsertPurchaseOrder(writeCaller(context), externalId, input),
    );
  }

  @Mutation(() => PurchaseOrderPayload, {
    description: 'Deletes a purchase order (kept with status DELETED).',
  })
  async deletePurchaseOrder(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Payload {
    return toPayload(context, 'PurchaseOrder', await deletePurchaseOrder(writeCaller(context), id));
  }
}
