import { randomUUID } from 'node:crypto';
import { badUserInput } from '../../errors.js';
import type { Employee } from '../../schema/employee.entity.js';
import type { EmployeeInput } from '../../schema/employee.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import {
  payItemOccurrences,
  pendingEmployeeFields,
  pendingSalaryFields,
  type ResolvedSalary,
  toXeroAuEmployee,
  toXeroUsEmployee,
} from '../mappers/connec-employee.mapper.js';
import { auSalaryKey } from '../mappers/xero-au-employee.mapper.js';
import { type EmployeeRequest, employeeOutbound, type OpSalary } from './employee.outbound.js';
import {
  checkEmployeeFields,
  checkSalaryFields,
  checkTermination,
  employeeWarnings,
  resolveEmployee,
  resolveSalaries,
} from './employee-write.rules.js';
import { type PayrollRegion, payrollRegionOf } from './payroll-gate.js';
import { assertCurrentVersion } from './version-check.js';
import {
  type CreateOptions,
  loadRecord,
  type PreparedWrite,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

export { checkEmployeeFields } from './employee-write.rules.js';

/** Creates an employee in the organisation's payroll (AU or US); PAYROLL_NOT_ENABLED otherwise (rule 15). */
export async function createEmployee(
  caller: WriteCaller,
  input: EmployeeInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const region = payrollRegionOf(connection);
  const { write, warnings } = await prepareEmployeeWrite(caller, region, input, null, options);
  return { ...(await caller.pipeline.submit(write, connection)), warnings };
}

/**
 * Changes an employee: names, email, job title, dates, a termination, and (when given) all its salaries.
 * A TERMINATED employee is, in Xero's spec, one with a termination date: neither the spec nor Xero's docs
 * refuse changes to one, so the gateway passes them on; what Xero refuses (a termination without a
 * reason in AU) and what its API cannot do (undo a termination) are refused before Xero is called.
 */
export async function updateEmployee(
  caller: WriteCaller,
  id: string,
  input: EmployeeInput,
  force: boolean,
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const region = payrollRegionOf(connection);
  const existing = await loadRecord<Employee>(caller, 'Employee', id);
  const { write, warnings } = await prepareEmployeeWrite(caller, region, input, existing);
  const basedOn = force
    ? undefined
    : await assertCurrentVersion(
        caller,
        employeeOutbound,
        'Employee',
        existing,
        input.expectedUpdatedAt,
        connection,
      );
  return { ...(await caller.pipeline.submit({ ...write, basedOn }, connection)), warnings };
}

/** Creates the employee the app knows by its own id once; later calls update it. */
export async function upsertEmployee(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: EmployeeInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'Employee', externalId, input, {
    update: (connecId) => updateEmployee(caller, connecId, { ...input, expectedUpdatedAt: null }, true),
    create: (options) => createEmployee(caller, input, options),
  });
}

/** Validates an employee write (fields, termination, salaries and their pay items): BAD_USER_INPUT first. */
async function prepareEmployeeWrite(
  caller: WriteCaller,
  region: PayrollRegion,
  input: EmployeeInput,
  existing: Employee | null,
  options: CreateOptions = {},
): Promise<PreparedWrite> {
  const errors = [
    ...checkEmployeeFields(input, undefined, existing),
    ...checkTermination(input, existing, region),
    ...checkSalaryFields(input.salaries ?? [], region),
  ];
  if (errors.length > 0) throw badUserInput(errors);
  const manager = caller.pipeline.deps.db.manager;
  const found = input.salaries ? await resolveSalaries(manager, caller.tenantId, input.salaries) : undefined;
  if (found?.errors.length) throw badUserInput(found.errors);
  const connecId = existing?.id ?? randomUUID();
  const salaries = found && (await planSalaries(caller, region, existing, found.salaries));
  const employee = resolveEmployee(
    input,
    region,
    existing !== null,
    salaries?.map((planned) => planned.salary),
  );
  const request: EmployeeRequest = {
    region,
    employee: (region === 'AU'
      ? toXeroAuEmployee(employee, !existing)
      : toXeroUsEmployee(employee)) as unknown as Record<string, unknown>,
  };
  return {
    write: {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'Employee',
      operation: existing ? 'UPDATE' : 'CREATE',
      connecId,
      request: request as unknown as Record<string, unknown>,
      pending: pendingEmployeeFields(employee, !existing),
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
      companions: (salaries ?? []).map((planned) => ({
        entity: 'EmployeeSalary' as const,
        id: planned.op.connecId,
        fields: pendingSalaryFields(planned.salary, connecId, region),
      })),
      ...(salaries ? { extra: { salaries: salaries.map((planned) => planned.op) } } : {}),
    },
    warnings: employeeWarnings(input, region),
  };
}

interface PlannedSalary {
  salary: ResolvedSalary;
  op: OpSalary;
}

/**
 * Which cached salary row each new salary carries on: the one Xero will answer under the same key (AU: the
 * employee, the earnings rate and its occurrence) or, in US payroll, the same pay item's entry, whose
 * SalaryAndWagesID is sent so Xero updates it. The others get new rows; rows left over are tombstoned
 * once Xero's answer lands.
 */
async function planSalaries(
  caller: WriteCaller,
  region: PayrollRegion,
  existing: Employee | null,
  salaries: ResolvedSalary[],
): Promise<PlannedSalary[]> {
  const rows: Array<{ id: string; xero_id: string | null; pay_item_id: string | null }> = existing
    ? await caller.pipeline.deps.db.query(
        `SELECT id, xero_id, pay_item_id FROM employee_salaries
          WHERE tenant_id = $1 AND employee_id = $2 AND deleted_at IS NULL ORDER BY created_at, id`,
        [caller.tenantId, existing.id],
      )
    : [];
  const occurrences = payItemOccurrences(salaries.map((salary) => salary.payItem.xeroId));
  return salaries.map((salary, index) => {
    const occurrence = occurrences[index];
    const rate = salary.payItem.xeroId;
    const row =
      region === 'AU'
        ? rows.find(
            (candidate) => candidate.xero_id === auSalaryKey(existing?.xeroId ?? '', rate, occurrence),
          )
        : rows.filter((candidate) => candidate.pay_item_id === salary.payItem.connecId)[occurrence - 1];
    // US entries Xero answered without an id are keyed by position ("<employee>/salary/<n>"): no id to send.
    const xeroId = region === 'US' && row?.xero_id && !row.xero_id.includes('/') ? row.xero_id : null;
    return {
      salary: { ...salary, xeroId },
      op: { connecId: row?.id ?? randomUUID(), payItemXeroId: rate, occurrence },
    };
  });
}
