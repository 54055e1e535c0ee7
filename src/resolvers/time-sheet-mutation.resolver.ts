import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Scope } from '../schema/scope.js';
import { TimeSheet } from '../schema/time-sheet.entity.js';
import { TimeSheetInput } from '../schema/time-sheet.input.js';
import { ExternalIdInput } from '../schema/value-objects.js';
import { createTimeSheet, updateTimeSheet, upsertTimeSheet } from '../sync/outbound/timesheet-writes.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const TimeSheetPayload = writePayloadType(TimeSheet, 'TimeSheet');
type Payload = Promise<WritePayload<TimeSheet>>;

@Resolver()
@Authorized(Scope.WRITE)
export class TimeSheetMutationResolver {
  @Mutation(() => TimeSheetPayload, {
    description:
      'Creates a timesheet in Xero payroll (AU or US): one value of hours per day of the period on each line. Validated first (nothing is written on BAD_USER_INPUT); PAYROLL_NOT_ENABLED without payroll; PENDING when Xero cannot take it now.',
  })
  async createTimeSheet(
    @Arg('input', () => TimeSheetInput) input: TimeSheetInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'TimeSheet', await createTimeSheet(writeCaller(context), input));
  }

  @Mutation(() => TimeSheetPayload, {
    description:
      'Changes a timesheet (omitted fields keep their value; lines replace all lines). A PROCESSED timesheet (paid in a posted pay run) is refused.',
  })
  async updateTimeSheet(
    @Arg('id', () => ID, { description: 'Connec! id of the timesheet.' }) id: string,
    @Arg('input', () => TimeSheetInput) input: TimeSheetInput,
    @Arg('force', () => Boolean, {
      defaultValue: false,
      description: 'Overwrite even when the timesheet changed since `input.expectedUpdatedAt`.',
    })
    force: boolean,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'TimeSheet', await updateTimeSheet(writeCaller(context), id, input, force));
  }

  @Mutation(() => TimeSheetPayload, {
    description:
      'Creates or updates the timesheet the app knows by its own id (realm defaults to the app): the same call twice makes one timesheet.',
  })
  async upsertTimeSheet(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => TimeSheetInput) input: TimeSheetInput,
    @Ctx() context: GatewayContext,
  ): Payload {
    return toPayload(context, 'TimeSheet', await upsertTimeSheet(writeCaller(context), externalId, input));
  }
}
