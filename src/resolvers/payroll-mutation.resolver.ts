import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { LeaveApplication } from '../schema/leave-application.entity.js';
import { LeaveApplicationInput, WorkLocationInput } from '../schema/payroll.input.js';
import { Scope } from '../schema/scope.js';
import { WorkLocation } from '../schema/work-location.entity.js';
import {
  createLeaveApplication,
  createWorkLocation,
  decideLeaveApplication,
} from '../sync/outbound/payroll-writes.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const LeaveApplicationPayload = writePayloadType(LeaveApplication, 'LeaveApplication');
const WorkLocationPayload = writePayloadType(WorkLocation, 'WorkLocation');
type LeavePayload = Promise<WritePayload<LeaveApplication>>;

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
  ): Promise<WritePayload<WorkLocation>> {
    return toPayload(context, 'WorkLocation', await createWorkLocation(writeCaller(context), input));
  }
}
