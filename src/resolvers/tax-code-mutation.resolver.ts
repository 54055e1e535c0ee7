import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Scope } from '../schema/scope.js';
import { TaxCode } from '../schema/tax-code.entity.js';
import { TaxCodeInput } from '../schema/tax-code.input.js';
import { ExternalIdInput } from '../schema/value-objects.js';
import {
  createTaxCode,
  deleteTaxCode,
  updateTaxCode,
  upsertTaxCode,
} from '../sync/outbound/tax-code-writes.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const TaxCodePayload = writePayloadType(TaxCode, 'TaxCode');
type Payload = Promise<WritePayload<TaxCode>>;

@Resolver()
@Authorized(Scope.WRITE)
export class TaxCodeMutationResolver {
  @Mutation(() => TaxCodePayload, {
    description:
      'Creates a tax rate in Xero; Xero issues its taxType (TAX001, TAX002, ...), empty while the write is PENDING.',
  })
  async createTaxCode(
    @Arg('input', () => TaxCodeInput) input: TaxCodeInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'TaxCode', await createTaxCode(writeCaller(context), input));
  }

  @Mutation(() => TaxCodePayload, {
    description:
      "Changes a tax code (omitted fields keep their value; components replace all components). Xero's system tax rates and DELETED or ARCHIVED ones are refused.",
  })
  async updateTaxCode(
    @Arg('id', () => ID, { description: 'Connec! id of the tax code.' }) id: string,
    @Arg('input', () => TaxCodeInput) input: TaxCodeInput,
    @Arg('force', () => Boolean, {
      defaultValue: false,
      description: 'Overwrite even when the tax code changed since `input.expectedUpdatedAt`.',
    })
    force: boolean,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'TaxCode', await updateTaxCode(writeCaller(context), id, input, force));
  }

  @Mutation(() => TaxCodePayload, {
    description:
      'Creates or updates the tax code the app knows by its own id (realm defaults to the app): the same call twice makes one.',
  })
  async upsertTaxCode(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => TaxCodeInput) input: TaxCodeInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'TaxCode', await upsertTaxCode(writeCaller(context), externalId, input));
  }

  @Mutation(() => TaxCodePayload, {
    description:
      "Deletes a tax rate in Xero; Xero archives it instead when a transaction used it. The gateway keeps it with Xero's status. System tax rates are refused.",
  })
  async deleteTaxCode(
    @Arg('id', () => ID, { description: 'Connec! id of the tax code.' }) id: string,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'TaxCode', await deleteTaxCode(writeCaller(context), id));
  }
}
