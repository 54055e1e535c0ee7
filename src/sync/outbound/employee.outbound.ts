import { randomUUID } from 'node:crypto';
import type { Employee } from 'xero-node/dist/gen/model/payroll-au/models.js';
import type { AnyMapped } from '../inbound/page-writer.js';
import { payItemOccurrences } from '../mappers/connec-employee.mapper.js';
import { type MappedEmployeeWithSalaries, mapXeroAuEmployee } from '../mappers/xero-au-employee.mapper.js';
import { mapXeroUsEmployee } from '../mappers/xero-us-employee.mapper.js';
import { type UsEmployee, usEmployeeSchema } from '../mappers/xero-us-payroll.schema.js';
import type { XeroApi, XeroCallTarget } from '../xero/xero-api.js';
import { type Companion, registerOutbound } from './outbound-descriptor.js';
import type { PayrollRegion } from './payroll-gate.js';

/** The op's request: which payroll, and the employee in that payroll's shape. */
export interface EmployeeRequest {
  region: PayrollRegion;
  employee: Record<string, unknown>;
}

/** A salary of an employee write, as the op keeps it to land Xero's answer on the right row. */
export interface OpSalary {
  connecId: string;
  /** The earnings rate (AU) or earnings type (US) and which occurrence of it: how Xero's line is found. */
  payItemXeroId: string;
  occurrence: number;
}

type Answer = { region: 'AU'; employee: Employee } | { region: 'US'; employee: UsEmployee };

const US_EMPLOYEES = '/payroll.xro/1.0/Employees';

async function getAu(api: XeroApi, target: XeroCallTarget, xeroId: string): Promise<Employee | undefined> {
  const body = await api.call(target, (client, tenant) => client.payrollAUApi.getEmployee(tenant, xeroId));
  return body.employees?.[0];
}

async function getUs(api: XeroApi, target: XeroCallTarget, xeroId: string): Promise<UsEmployee | undefined> {
  const body = await api.fetchJson<{ Employees?: unknown[] }>(target, `${US_EMPLOYEES}/${xeroId}`);
  const found = body?.Employees?.[0];
  return found ? usEmployeeSchema.parse(found) : undefined;
}

/**
 * Payroll AU. A pay template sent on an update is completed with the lines Xero holds besides earnings
 * (deductions, super, reimbursements, leave), so replacing the salaries never drops them, and the
 * employee gets its first earnings rate as ordinary rate when it has none. When Xero answers with a
 * summary (no pay template), the employee is read back whole so its salaries land.
 */
async function pushAu(
  api: XeroApi,
  target: XeroCallTarget,
  request: Employee,
  xeroId: string | null,
  idempotencyKey: string,
): Promise<Employee | undefined> {
  let employee = request;
  if (xeroId && request.payTemplate) {
    const current = await getAu(api, target, xeroId);
    employee = {
      ...request,
      payTemplate: { ...current?.payTemplate, earningsLines: request.payTemplate.earningsLines },
      ...(current?.ordinaryEarningsRateID
        ? {}
        : { ordinaryEarningsRateID: request.payTemplate.earningsLines?.[0]?.earningsRateID }),
    };
  }
  const body = await api.call(target, (client, tenant) =>
    xeroId
      ? client.payrollAUApi.updateEmployee(tenant, xeroId, [employee], idempotencyKey)
      : client.payrollAUApi.createEmployee(tenant, [employee], idempotencyKey),
  );
  const answer = body.employees?.[0];
  if (answer?.employeeID && request.payTemplate && !answer.payTemplate)
    return getAu(api, target, answer.employeeID);
  return answer;
}

/** The legacy US payroll: POST /Employees creates, POST /Employees/{id} updates (raw JSON, arrays). */
async function pushUs(
  api: XeroApi,
  target: XeroCallTarget,
  request: Record<string, unknown>,
  xeroId: string | null,
  idempotencyKey: string,
): Promise<UsEmployee | undefined> {
  const body = await api.fetchJson<{ Employees?: unknown[] }>(
    target,
    xeroId ? `${US_EMPLOYEES}/${xeroId}` : US_EMPLOYEES,
    { method: 'POST', body: JSON.stringify([request]), headers: { 'Idempotency-Key': idempotencyKey } },
  );
  const answer = body?.Employees?.[0];
  return answer ? usEmployeeSchema.parse(answer) : undefined;
}

const mapAnswer = (answer: unknown): MappedEmployeeWithSalaries => {
  const { region, employee } = answer as Answer;
  return region === 'AU' ? mapXeroAuEmployee(employee) : mapXeroUsEmployee(employee);
};

/** The pay item a mapped salary refers to (its Xero id). */
const payItemOf = (salary: AnyMapped) => {
  const ref = salary.references.payItemId;
  return ref && !Array.isArray(ref) && 'xeroId' in ref ? ref.xeroId : '';
};

/**
 * Employees: Payroll AU through xero-node (its writes take raw arrays), the legacy US payroll through
 * `fetchJson` (xero-node has no client for it). Landed with the inbound mappers: the employee, and its
 * salaries (pay template earnings lines / SalaryAndWages) as companions keyed as the inbound sync keys
 * them; the salaries Xero no longer lists are tombstoned.
 */
export const employeeOutbound = registerOutbound({
  entity: 'Employee',
  creates: ['CREATE'],
  async push(api, target, { request, xeroId, idempotencyKey }) {
    const { region, employee } = request as unknown as EmployeeRequest;
    const answer =
      region === 'AU'
        ? await pushAu(api, target, employee as unknown as Employee, xeroId, idempotencyKey)
        : await pushUs(api, target, employee, xeroId, idempotencyKey);
    return answer && ({ region, employee: answer } as Answer);
  },
  map: (answer) => mapAnswer(answer).employee as unknown as AnyMapped,
  /**
   * The descriptor is told the organisation, not its payroll: Xero's Organisation says which one it runs
   * (AU or US, rule 15), then the employee is read from it.
   */
  async fetch(api, target, xeroId) {
    const body = await api.call(target, (client, tenant) => client.accountingApi.getOrganisations(tenant));
    const region: PayrollRegion = String(body.organisations?.[0]?.countryCode) === 'US' ? 'US' : 'AU';
    const employee = region === 'AU' ? await getAu(api, target, xeroId) : await getUs(api, target, xeroId);
    return employee && ({ region, employee } as Answer);
  },
  companions(answer, extra) {
    const planned = (extra?.salaries ?? []) as OpSalary[];
    const salaries = mapAnswer(answer).salaries as unknown as AnyMapped[];
    const occurrences = payItemOccurrences(salaries.map(payItemOf));
    return salaries.map((salary, index): Companion => {
      const mine = planned.find(
        (op) => op.payItemXeroId === payItemOf(salary) && op.occurrence === occurrences[index],
      );
      // A line nobody planned (kept in Xero, or added there) lands on its cached row, found by its key.
      return { entity: 'EmployeeSalary', connecId: mine?.connecId ?? randomUUID(), mapped: salary };
    });
  },
  ownedCompanions(answer) {
    const { region, employee } = answer as Answer;
    const listed =
      region === 'AU' ? employee.payTemplate !== undefined : Array.isArray(employee.SalaryAndWages);
    return listed ? { entity: 'EmployeeSalary', foreignKey: 'employeeId' } : null;
  },
});
