import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { PayRun } from '../schema/pay-run.entity.js';
import { PayRunInput } from '../schema/pay-run.input.js';
import { Scope } from '../schema/scope.js';
import { ExternalIdInput } from '../schema/value-objects.js';
import { createPayRun, upsertPayRun } from '../sync/outbound/pay-run-writes.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const PayRunPayload = writePayloadType(PayRun, 'PayRun');

@Resolver()
@Authorized(Scope.WRITE)
export class PayRunMutationResolver {
  @Mutation(() => PayRunPayload, {
    description:
      "Creates a DRAFT pay run in Xero for a pay schedule's next period, with the payslips Xero makes for it. Refused when the schedule already has a draft (Xero allows one); PAYROLL_NOT_ENABLED without payroll.",
  })
  async createPayRun(
    @Arg('input', () => PayRunInput) input: PayRunInput,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<PayRun>> {
    return toPayload(context, 'PayRun', await createPayRun(writeCaller(context), input));
  }

  @Mutation(() => PayRunPayload, {
    description:
      'Creates the DRAFT pay run the app knows by its own id (realm defaults to the app) once: the same call twice makes one. A later call with the same pay schedule answers the pay run as it is (nothing in the input is something Xero lets a draft change); another schedule, or a POSTED pay run, is refused.',
  })
  async upsertPayRun(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => PayRunInput) input: PayRunInput,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<PayRun>> {
    return toPayload(context, 'PayRun', await upsertPayRun(writeCaller(context), externalId, input));
  }
}
