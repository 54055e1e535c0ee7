import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Item } from '../schema/item.entity.js';
import { ItemInput } from '../schema/item.input.js';
import { Scope } from '../schema/scope.js';
import { ExternalIdInput } from '../schema/value-objects.js';
import { createMany } from '../sync/outbound/batch-writes.js';
import {
  createItem,
  deleteItem,
  prepareItemCreate,
  updateItem,
  upsertItem,
} from '../sync/outbound/item-writes.js';
import { type BatchItemResult, batchResultType, toBatchResults } from './batch-mutation.resolver.js';
import { ForceArg } from './force-arg.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const ItemPayload = writePayloadType(Item, 'Item');
const ItemBatchResult = batchResultType(Item, 'Item');

@Resolver()
@Authorized(Scope.WRITE)
export class ItemMutationResolver {
  @Mutation(() => ItemPayload, {
    description:
      'Creates an item in Xero. Several tax codes: the first is sent (warning); names over 50 are cut (warning); quantityOnHand is refused (warning).',
  })
  async createItem(
    @Arg('input', () => ItemInput) input: ItemInput,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Item>> {
    return toPayload(context, 'Item', await createItem(writeCaller(context), input));
  }

  @Mutation(() => ItemPayload, {
    description: 'Changes an item (omitted fields keep their value); a tracked item stays tracked by Xero.',
  })
  async updateItem(
    @Arg('id', () => ID, { description: 'Connec! id of the item.' }) id: string,
    @Arg('input', () => ItemInput) input: ItemInput,
    @ForceArg('item') force: boolean,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Item>> {
    return toPayload(context, 'Item', await updateItem(writeCaller(context), id, input, force));
  }

  @Mutation(() => ItemPayload, {
    description: 'Creates or updates the item the app knows by its own id: the same call twice makes one.',
  })
  async upsertItem(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => ItemInput) input: ItemInput,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Item>> {
    return toPayload(context, 'Item', await upsertItem(writeCaller(context), externalId, input));
  }

  @Mutation(() => ItemPayload, { description: 'Deletes an item in Xero (kept with status DELETED).' })
  async deleteItem(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Item>> {
    return toPayload(context, 'Item', await deleteItem(writeCaller(context), id));
  }

  @Mutation(() => [ItemBatchResult], {
    description:
      'Creates up to 500 items, sent to Xero 50 a call; each element is answered on its own, in input order.',
  })
  async createItems(
    @Arg('inputs', () => [ItemInput]) inputs: ItemInput[],
    @Ctx() context: GatewayContext,
  ): Promise<Array<BatchItemResult<Item>>> {
    const caller = writeCaller(context);
    const answers = await createMany(caller, inputs, (input) => prepareItemCreate(caller, input));
    return toBatchResults(context, 'Item', answers);
  }
}
