import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Account } from '../schema/account.entity.js';
import { AccountInput } from '../schema/account.input.js';
import { Scope } from '../schema/scope.js';
import { ExternalIdInput } from '../schema/value-objects.js';
import {
  archiveAccount,
  createAccount,
  updateAccount,
  upsertAccount,
} from '../sync/outbound/account-writes.js';
import { ForceArg } from './force-arg.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const AccountPayload = writePayloadType(Account, 'Account');
type Payload = Promise<WritePayload<Account>>;

@Resolver()
@Authorized(Scope.WRITE)
export class AccountMutationResolver {
  @Mutation(() => AccountPayload, { description: "Creates an account in Xero's chart of accounts." })
  async createAccount(
    @Arg('input', () => AccountInput) input: AccountInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'Account', await createAccount(writeCaller(context), input));
  }

  @Mutation(() => AccountPayload, { description: 'Changes an account (its type stays).' })
  async updateAccount(
    @Arg('id', () => ID, { description: 'Connec! id of the account.' }) id: string,
    @Arg('input', () => AccountInput) input: AccountInput,
    @ForceArg('account') force: boolean,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'Account', await updateAccount(writeCaller(context), id, input, force));
  }

  @Mutation(() => AccountPayload, {
    description: 'Creates or updates the account the app knows by its own id: the same call twice makes one.',
  })
  async upsertAccount(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => AccountInput) input: AccountInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'Account', await upsertAccount(writeCaller(context), externalId, input));
  }

  @Mutation(() => AccountPayload, { description: 'Archives an account in Xero (kept with status ARCHIVED).' })
  async archiveAccount(@Arg('id', () => ID) id: string, @Ctx() context: GatewayContext): Payload {
    return toPayload(context, 'Account', await archiveAccount(writeCaller(context), id));
  }
}
