import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { LeaveApplication } from '../schema/leave-application.entity.js';
import { LeaveApplicationInput, WorkLocationInput } from '../schema/payroll.input.js';
import { Scope } from '../schema/scope.js';
import { ExternalIdInput } from '../schema/value-objects.js';
import { WorkLocation } from '../schema/work-location.entity.js';
import {
  createLeaveApplication,
  decideLeaveApplication,
  upsertLeaveApplication,
} from '../sync/outbound/payroll-writes.js';
import { createWorkLocation, upsertWorkLocation } from '../sync/outbound/work-location-writes.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const LeaveApplicationPayload = writePayloadType(LeaveApplication, 'LeaveApplication');
const WorkLocationPayload = writePayloadType(WorkLocation, 'WorkLocation');
type LeavePayload = Promise<WritePayload<LeaveApplication>>;
type LocationPayload = Promise<WritePayload<WorkLocation>>;

@Resolver()
@Authorized(Scope.WRITE)
export class PayrollMutationResolver {
  @Mutation(() => LeaveApplicationPayload, {
    description:
      'Requests leave for an employee. Australian payroll only; PAYROLL_NOT_ENABLED without payroll.',
  })
  async createLeaveApplication(
    @Arg('input', () => LeaveApplicationInput) input: LeaveApplicationInput,
    @Ctx() context: GatewayContext,
  ): LeavePayload {
    return toPayload(context, 'LeaveApplication', await createLeaveApplication(writeCaller(context), input));
  }

  @Mutation(() => LeaveApplicationPayload, {
    description:
      'Creates or updates the leave application the app knows by its own id (realm defaults to the app): the same call twice makes one. An update sends the whole application to Xero (an omitted description keeps its value); leave already PROCESSED in a posted pay run is refused. Australian payroll only.',
  })
  async upsertLeaveApplication(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => LeaveApplicationInput) input: LeaveApplicationInput,
    @Ctx() context: GatewayContext,
  ): LeavePayload {
    return toPayload(
      context,
      'LeaveApplication',
      await upsertLeaveApplication(writeCaller(context), externalId, input),
    );
  }

  @Mutation(() => LeaveApplicationPayload, { description: 'Approves a leave application (AU payroll).' })
  async approveLeaveApplication(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GatewayContext,
  ): LeavePayload {
    return toPayload(
      context,
      'LeaveApplication',
      await decideLeaveApplication(writeCaller(context), id, 'APPROVE'),
    );
  }

  @Mutation(() => LeaveApplicationPayload, { description: 'Rejects a leave application (AU payroll).' })
  async rejectLeaveApplication(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GatewayContext,
  ): LeavePayload {
    return toPayload(
      context,
      'LeaveApplication',
      await decideLeaveApplication(writeCaller(context), id, 'REJECT'),
    );
  }

  @Mutation(() => WorkLocationPayload, {
    description: 'Creates a work location. US payroll only; PAYROLL_NOT_ENABLED without payroll.',
  })
  async createWorkLocation(
    @Arg('input', () => WorkLocationInput) input: WorkLocationInput,
    @Ctx() context: GatewayContext,
  ): LocationPayload {
    return toPayload(context, 'WorkLocation', await createWorkLocation(writeCaller(context), input));
  }

  @Mutation(() => WorkLocationPayload, {
    description:
      'Creates or updates the work location the app knows by its own id (realm defaults to the app): the same call twice makes one. On an update, an omitted address, phone or isPrimary keeps its value. US payroll only.',
  })
  async upsertWorkLocation(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => WorkLocationInput) input: WorkLocationInput,
    @Ctx() context: GatewayContext,
  ): LocationPayload {
    return toPayload(
      context,
      'WorkLocation',
      await upsertWorkLocation(writeCaller(context), externalId, input),
    );
  }
}
