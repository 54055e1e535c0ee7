import { randomUUID } from 'node:crypto';
import { badUserInput, type FieldError } from '../../errors.js';
import { PayItemType } from '../../schema/enums.js';
import type { LeaveApplication } from '../../schema/leave-application.entity.js';
import type { LeaveApplicationInput, WorkLocationInput } from '../../schema/payroll.input.js';
import { payrollRegionOf, requireRegion } from './payroll-gate.js';
import { lookupReferences } from './reference-lookup.js';
import { loadRecord, type WriteAnswer, type WriteCaller } from './write-caller.js';

const MAX_TITLE = 50;
const MAX_DESCRIPTION = 200;

/** Requests leave for an employee: AU payroll only (rule 17), payroll enabled (rule 15). */
export async function createLeaveApplication(
  caller: WriteCaller,
  input: LeaveApplicationInput,
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  requireRegion(payrollRegionOf(connection), 'AU', 'Leave applications');
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
  const outcome = await caller.pipeline.submit(
    {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'LeaveApplication',
      operation: 'CREATE',
      connecId: randomUUID(),
      request: {
        employeeID: employee!.xeroId,
        leaveTypeID: leaveType!.xeroId,
        title: input.title.trim(),
        ...(input.description ? { description: input.description } : {}),
        startDate: input.startDate,
        endDate: input.endDate,
      },
      pending: {
        employeeId: employee!.id,
        payItemId: leaveType!.id,
        title: input.title.trim(),
        description: input.description ?? null,
        startDate: input.startDate,
        endDate: input.endDate,
      },
    },
    connection,
  );
  return { ...outcome, warnings: [] };
}

/** Approves or rejects a leave application (AU payroll, Xero's approve / reject endpoints). */
export async function decideLeaveApplication(
  caller: WriteCaller,
  id: string,
  decision: 'APPROVE' | 'REJECT',
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  requireRegion(payrollRegionOf(connection), 'AU', 'Leave applications');
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

/** Creates a work location: US payroll only (rule 17), payroll enabled (rule 15). */
export async function createWorkLocation(
  caller: WriteCaller,
  input: WorkLocationInput,
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  requireRegion(payrollRegionOf(connection), 'US', 'Work locations');
  if (!input.name.trim()) throw badUserInput([{ path: 'name', message: 'Required.' }]);
  if (input.name.length > 100)
    throw badUserInput([{ path: 'name', message: 'Must be at most 100 characters.' }]);
  const address = input.address ?? null;
  const outcome = await caller.pipeline.submit(
    {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'WorkLocation',
      operation: 'CREATE',
      connecId: randomUUID(),
      request: {
        Name: input.name.trim(),
        StreetAddress: address?.line1 ?? '',
        City: address?.city ?? '',
        State: address?.region ?? '',
        Zip: address?.postalCode ?? '',
        PhoneNumber: input.phone?.landline ?? '',
        IsPrimary: input.isPrimary ?? false,
      },
      pending: { name: input.name.trim(), isPrimary: input.isPrimary ?? false },
    },
    connection,
  );
  return { ...outcome, warnings: [] };
}
