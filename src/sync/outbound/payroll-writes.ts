import { randomUUID } from 'node:crypto';
import { badArgument, badUserInput, type FieldError } from '../../errors.js';
import { LeavePeriodStatus, PayItemType } from '../../schema/enums.js';
import type { LeaveApplication } from '../../schema/leave-application.entity.js';
import type { LeaveApplicationInput } from '../../schema/payroll.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import type { WriteRequest } from './outbound-pipeline.js';
import { payrollConnectionIn } from './payroll-gate.js';
import { lookupReferences } from './reference-lookup.js';
import {
  type CreateOptions,
  loadRecord,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

const MAX_TITLE = 50;
const MAX_DESCRIPTION = 200;

/** Requests leave for an employee: AU payroll only (rule 17), payroll enabled (rule 15). */
export async function createLeaveApplication(
  caller: WriteCaller,
  input: LeaveApplicationInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await payrollConnectionIn(caller, 'AU', 'Leave applications');
  const write = await prepareLeaveWrite(caller, input, null, options);
  return { ...(await caller.pipeline.submit(write, connection)), warnings: [] };
}

/**
 * Changes a leave application through Xero's updateLeaveApplication, which takes the whole record (an
 * omitted description keeps its value). Leave paid in a posted pay run (a PROCESSED period) cannot be
 * changed in Xero: refused, nothing written.
 */
export async function updateLeaveApplication(
  caller: WriteCaller,
  id: string,
  input: LeaveApplicationInput,
): Promise<WriteAnswer> {
  const connection = await payrollConnectionIn(caller, 'AU', 'Leave applications');
  const existing = await loadRecord<LeaveApplication>(caller, 'LeaveApplication', id);
  const processed: unknown[] = await caller.pipeline.deps.db.query(
    `SELECT 1 FROM leave_periods WHERE tenant_id = $1 AND leave_application_id = $2 AND status = $3 LIMIT 1`,
    [caller.tenantId, existing.id, LeavePeriodStatus.PROCESSED],
  );
  if (processed.length > 0) {
    throw badArgument(
      'id',
      'This leave application has leave PROCESSED in a posted pay run: Xero does not allow changing it, so nothing was changed.',
    );
  }
  const write = await prepareLeaveWrite(caller, input, existing);
  return { ...(await caller.pipeline.submit(write, connection)), warnings: [] };
}

/** Creates the leave application the app knows by its own id once; later calls update it. */
export async function upsertLeaveApplication(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: LeaveApplicationInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'LeaveApplication', externalId, input, {
    update: (connecId) => updateLeaveApplication(caller, connecId, input),
    create: (options) => createLeaveApplication(caller, input, options),
  });
}

/** Approves or rejects a leave application (AU payroll, Xero's approve / reject endpoints). */
export async function decideLeaveApplication(
  caller: WriteCaller,
  id: string,
  decision: 'APPROVE' | 'REJECT',
): Promise<WriteAnswer> {
  const connection = await payrollConnectionIn(caller, 'AU', 'Leave applications');
  const existing = await loadRecord<LeaveApplication>(caller, 'LeaveApplication', id);
  const outcome = await caller.pipeline.submit(
    {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'LeaveApplication',
      operation: decision,
      connecId: existing.id,
      request: {},
      pending: {},
    },
    connection,
  );
  return { ...outcome, warnings: [] };
}

function checkLeaveFields(input: LeaveApplicationInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.title.trim()) errors.push({ path: 'title', message: 'Required.' });
  if (input.title.length > MAX_TITLE)
    errors.push({ path: 'title', message: `Must be at most ${MAX_TITLE} characters.` });
  if ((input.description?.length ?? 0) > MAX_DESCRIPTION)
    errors.push({ path: 'description', message: `Must be at most ${MAX_DESCRIPTION} characters.` });
  if (input.endDate < input.startDate)
    errors.push({ path: 'endDate', message: 'Must be on or after startDate.' });
  if (!input.employeeId && !input.employee)
    errors.push({ path: 'employeeId', message: 'Name the employee.' });
  if (!input.leaveTypeId && !input.leaveType)
    errors.push({ path: 'leaveTypeId', message: 'Name the leave type.' });
  return errors;
}

/** Validates a leave application write (fields, employee in Xero, a LEAVE pay item): BAD_USER_INPUT first. */
async function prepareLeaveWrite(
  caller: WriteCaller,
  input: LeaveApplicationInput,
  existing: LeaveApplication | null,
  options: CreateOptions = {},
): Promise<WriteRequest> {
  const errors = checkLeaveFields(input);
  if (errors.length > 0) throw badUserInput(errors);
  const employeePath = input.employee ? 'employee' : 'employeeId';
  const typePath = input.leaveType ? 'leaveType' : 'leaveTypeId';
  const found = await lookupReferences(caller.pipeline.deps.db.manager, caller.tenantId, [
    { path: employeePath, entity: 'Employee', id: input.employeeId, external: input.employee },
    { path: typePath, entity: 'PayItem', id: input.leaveTypeId, external: input.leaveType },
  ]);
  const employee = found.rows.get(employeePath);
  const leaveType = found.rows.get(typePath);
  if (leaveType && leaveType.type !== PayItemType.LEAVE)
    found.errors.push({ path: typePath, message: 'This pay item is not a leave type.' });
  if (employee && !employee.xeroId)
    found.errors.push({ path: employeePath, message: 'This employee is not in Xero yet.' });
  if (found.errors.length > 0) throw badUserInput(found.errors);
  const title = input.title.trim();
  const description = input.description === undefined ? (existing?.description ?? null) : input.description;
  return {
    tenantId: caller.tenantId,
    app: caller.app,
    entity: 'LeaveApplication',
    operation: existing ? 'UPDATE' : 'CREATE',
    connecId: existing?.id ?? randomUUID(),
    request: {
      employeeID: employee!.xeroId,
      leaveTypeID: leaveType!.xeroId,
      title,
      // An update sends the whole record: an empty description clears the one Xero holds.
      ...(description || existing ? { description: description ?? '' } : {}),
      startDate: input.startDate,
      endDate: input.endDate,
    },
    pending: {
      employeeId: employee!.id,
      payItemId: leaveType!.id,
      title,
      description: description || null,
      startDate: input.startDate,
      endDate: input.endDate,
    },
    appExternalId: options.appExternalId,
    idempotencyKey: options.idempotencyKey,
  };
}
