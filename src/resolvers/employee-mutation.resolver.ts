import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { Employee } from '../schema/employee.entity.js';
import { EmployeeInput } from '../schema/employee.input.js';
import { Scope } from '../schema/scope.js';
import { ExternalIdInput } from '../schema/value-objects.js';
import { createEmployee, updateEmployee, upsertEmployee } from '../sync/outbound/employee-writes.js';
import { toPayload, type WritePayload, writeCaller, writePayloadType } from './mutation-payloads.js';

const EmployeePayload = writePayloadType(Employee, 'Employee');

@Resolver()
@Authorized(Scope.WRITE)
export class EmployeeMutationResolver {
  @Mutation(() => EmployeePayload, {
    description:
      'Creates an employee in Xero payroll (AU, or the legacy US payroll). PAYROLL_NOT_ENABLED for other organisations or when payroll access was not granted.',
  })
  async createEmployee(
    @Arg('input', () => EmployeeInput) input: EmployeeInput,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Employee>> {
    return toPayload(context, 'Employee', await createEmployee(writeCaller(context), input));
  }

  @Mutation(() => EmployeePayload, {
    description:
      'Changes an employee (omitted fields keep their value; salaries, when given, replace all salaries). A terminationDate terminates the employee (with a terminationReason in AU); a TERMINATED employee can still be changed, but not reinstated.',
  })
  async updateEmployee(
    @Arg('id', () => ID, { description: 'Connec! id of the employee.' }) id: string,
    @Arg('input', () => EmployeeInput) input: EmployeeInput,
    @Arg('force', () => Boolean, {
      defaultValue: false,
      description: 'Overwrite even when the employee changed since `input.expectedUpdatedAt`.',
    })
    force: boolean,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Employee>> {
    return toPayload(context, 'Employee', await updateEmployee(writeCaller(context), id, input, force));
  }

  @Mutation(() => EmployeePayload, {
    description:
      'Creates the employee the app knows by its own id once, and updates it on later calls: the same call twice makes one.',
  })
  async upsertEmployee(
    @Arg('externalId', () => ExternalIdInput) externalId: ExternalIdInput,
    @Arg('input', () => EmployeeInput) input: EmployeeInput,
    @Ctx() context: GatewayContext,
  ): Promise<WritePayload<Employee>> {
    return toPayload(context, 'Employee', await upsertEmployee(writeCaller(context), externalId, input));
  }
}
