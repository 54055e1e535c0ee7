import type { EntityManager } from 'typeorm';
import type { Employee } from 'xero-node/dist/gen/model/payroll-au/models.js';
import { tombstoneRemovedOwned } from '../../cache/owned-rows.js';
import type { MappedEmployeeWithSalaries } from '../mappers/xero-au-employee.mapper.js';
import { mapXeroAuEmployee } from '../mappers/xero-au-employee.mapper.js';
import { mapXeroUsEmployee } from '../mappers/xero-us-employee.mapper.js';
import type { UsEmployee } from '../mappers/xero-us-payroll.schema.js';

/**
 * After a page of employees is written: the salaries Xero no longer lists under them (a pay template line
 * or a SalaryAndWages entry removed in Xero) become tombstones, as when a write's answer lands. Only
 * employees whose answer lists their salaries count: Xero's summarised employees (no PayTemplate) say
 * nothing about them. Returns the number of events appended.
 */
export async function tombstoneRemovedSalaries(
  manager: EntityManager,
  tenantId: string,
  region: 'AU' | 'US',
  items: unknown[],
): Promise<number> {
  const listed = items.flatMap((item): MappedEmployeeWithSalaries[] => {
    if (region === 'AU')
      return (item as Employee).payTemplate === undefined ? [] : [mapXeroAuEmployee(item as Employee)];
    return Array.isArray((item as UsEmployee).SalaryAndWages) ? [mapXeroUsEmployee(item as UsEmployee)] : [];
  });
  if (listed.length === 0) return 0;
  const owners: Array<{ id: string; xero_id: string }> = await manager.query(
    'SELECT id, xero_id FROM employees WHERE tenant_id = $1 AND xero_id = ANY($2::text[])',
    [tenantId, listed.map((employee) => employee.employee.xeroId)],
  );
  const byXeroId = new Map(owners.map((owner) => [owner.xero_id, owner.id]));
  const result = await tombstoneRemovedOwned(
    manager,
    tenantId,
    { entity: 'EmployeeSalary', foreignKey: 'employeeId' },
    listed.flatMap((employee) => {
      const ownerId = byXeroId.get(employee.employee.xeroId);
      return ownerId ? [{ ownerId, keepXeroIds: employee.salaries.map((salary) => salary.xeroId) }] : [];
    }),
    { source: 'xero' },
    { pendingToo: false },
  );
  return result.events.length;
}
