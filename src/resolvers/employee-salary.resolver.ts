import { Employee } from '../schema/employee.entity.js';
import { EmployeeSalary } from '../schema/employee-salary.entity.js';
import { SalaryType } from '../schema/enums.js';
import { PayItem } from '../schema/pay-item.entity.js';
import {
  byCreatedAt,
  byDate,
  byNumber,
  byUpdatedAt,
  dateRange,
  updatedSince,
} from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver } from './list/entity-resolver.js';
import { anyOf, idIn } from './list/filter-spec.js';
import { belongsTo } from './list/relations.js';

export const employeeSalaryDescriptor = defineEntity({
  name: 'EmployeeSalary',
  entity: EmployeeSalary,
  single: 'employeeSalary',
  plural: 'employeeSalaries',
  filters: {
    employeeId: idIn('employee_id', 'Only salaries of these employees (Connec! ids).'),
    type: anyOf('type', SalaryType, 'SALARY or HOURLY.'),
    ...dateRange('effectiveFrom', 'effective_from', 'effective date'),
    updatedSince: updatedSince(),
  },
  orderBy: {
    EFFECTIVE_FROM: byDate('effective_from', 'Effective date.'),
    ANNUAL_SALARY: byNumber('annual_salary', 'Annual salary.'),
    HOURLY_RATE: byNumber('hourly_rate', 'Hourly rate.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'EFFECTIVE_FROM', direction: SortDirection.DESC },
});

export const EmployeeSalaryResolver = createEntityResolver(employeeSalaryDescriptor, {
  employee: belongsTo(() => Employee, 'employeeId', 'The employee.'),
  payItem: belongsTo(() => PayItem, 'payItemId', 'The earnings pay item.'),
});
