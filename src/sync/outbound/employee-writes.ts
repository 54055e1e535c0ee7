import { randomUUID } from 'node:crypto';
import { badUserInput, type FieldError } from '../../errors.js';
import type { EmployeeInput } from '../../schema/employee.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import {
  pendingEmployeeFields,
  type ResolvedEmployee,
  toXeroAuEmployee,
  toXeroUsEmployee,
} from '../mappers/connec-employee.mapper.js';
import type { EmployeeRequest } from './employee.outbound.js';
import { payrollRegionOf } from './payroll-gate.js';
import {
  type CreateOptions,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

const MAX_NAME = 35;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field rules for an employee (Xero payroll requires names and a date of birth). Pure. */
export function checkEmployeeFields(
  input: EmployeeInput,
  today = new Date().toISOString().slice(0, 10),
): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['firstName', 'lastName'] as const) {
    if (!input[field]?.trim()) errors.push({ path: field, message: 'Required.' });
    else if (input[field].length > MAX_NAME)
      errors.push({ path: field, message: `Must be at most ${MAX_NAME} characters.` });
  }
  if (input.dateOfBirth > today) errors.push({ path: 'dateOfBirth', message: 'Must be in the past.' });
  if (input.startDate && input.startDate < input.dateOfBirth)
    errors.push({ path: 'startDate', message: 'Must be after the date of birth.' });
  if (input.email && !EMAIL.test(input.email))
    errors.push({ path: 'email', message: 'Must be an email address.' });
  return errors;
}

/** Creates an employee in the organisation's payroll (AU or US); PAYROLL_NOT_ENABLED otherwise (rule 15). */
export async function createEmployee(
  caller: WriteCaller,
  input: EmployeeInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const region = payrollRegionOf(connection);
  const errors = checkEmployeeFields(input);
  if (errors.length > 0) throw badUserInput(errors);
  const employee: ResolvedEmployee = {
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    dateOfBirth: input.dateOfBirth,
    email: input.email ?? null,
    jobTitle: input.jobTitle ?? null,
    startDate: input.startDate ?? null,
  };
  const request: EmployeeRequest = {
    region,
    employee: (region === 'AU'
      ? toXeroAuEmployee(employee)
      : toXeroUsEmployee(employee)) as unknown as Record<string, unknown>,
  };
  const outcome = await caller.pipeline.submit(
    {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'Employee',
      operation: 'CREATE',
      connecId: randomUUID(),
      request: request as unknown as Record<string, unknown>,
      pending: pendingEmployeeFields(employee),
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
    },
    connection,
  );
  return { ...outcome, warnings: [] };
}

/** Creates the employee the app knows by its own id once; a repeat answers the same employee. */
export async function upsertEmployee(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: EmployeeInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'Employee', externalId, input, {
    update: async (connecId) => ({
      recordId: connecId,
      syncStatus: (
        await caller.pipeline.deps.db.query('SELECT sync_status FROM employees WHERE id = $1', [connecId])
      )[0]?.sync_status,
      operationId: null,
      warnings: [
        'This employee exists already: employee updates are not supported yet, nothing was changed.',
      ],
    }),
    create: (options) => createEmployee(caller, input, options),
  });
}
