import type { Employee } from 'xero-node/dist/gen/model/payroll-au/models.js';
import type { AnyMapped } from '../inbound/page-writer.js';
import { mapXeroAuEmployee } from '../mappers/xero-au-employee.mapper.js';
import { mapXeroUsEmployee } from '../mappers/xero-us-employee.mapper.js';
import { type UsEmployee, usEmployeeSchema } from '../mappers/xero-us-payroll.schema.js';
import { registerOutbound } from './outbound-descriptor.js';
import type { PayrollRegion } from './payroll-gate.js';

/** The op's request: which payroll, and the employee in that payroll's shape. */
export interface EmployeeRequest {
  region: PayrollRegion;
  employee: Record<string, unknown>;
}

type Answer = { region: 'AU'; employee: Employee } | { region: 'US'; employee: UsEmployee };

/**
 * Employees: Payroll AU through xero-node (`createEmployee` takes a raw array), the legacy US payroll
 * through `fetchJson` (xero-node has no client for it). Landed with the inbound mappers.
 */
export const employeeOutbound = registerOutbound({
  entity: 'Employee',
  creates: ['CREATE'],
  async push(api, target, { request, idempotencyKey }) {
    const { region, employee } = request as unknown as EmployeeRequest;
    if (region === 'AU') {
      const body = await api.call(target, (client, tenant) =>
        client.payrollAUApi.createEmployee(tenant, [employee as unknown as Employee], idempotencyKey),
      );
      const created = body.employees?.[0];
      return created && ({ region, employee: created } satisfies Answer);
    }
    const body = await api.fetchJson<{ Employees?: unknown[] }>(target, '/payroll.xro/1.0/Employees', {
      method: 'POST',
      body: JSON.stringify([employee]),
      headers: { 'Idempotency-Key': idempotencyKey },
    });
    const created = body?.Employees?.[0];
    return created && ({ region, employee: usEmployeeSchema.parse(created) } satisfies Answer);
  },
  map(answer) {
    const { region, employee } = answer as Answer;
    const mapped = region === 'AU' ? mapXeroAuEmployee(employee) : mapXeroUsEmployee(employee);
    return mapped.employee as unknown as AnyMapped;
  },
});
