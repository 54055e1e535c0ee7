import { Employee } from '../schema/employee.entity.js';
import { EmployeeSalary } from '../schema/employee-salary.entity.js';
import { EmployeeStatus } from '../schema/enums.js';
import { LeaveApplication } from '../schema/leave-application.entity.js';
import { PaySchedule } from '../schema/pay-schedule.entity.js';
import { TimeSheet } from '../schema/time-sheet.entity.js';
import { WorkLocation } from '../schema/work-location.entity.js';
import { byCreatedAt, byDate, byText, byUpdatedAt, dateRange, updatedSince } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver } from './list/entity-resolver.js';
import { anyOf, idIn, textSearch } from './list/filter-spec.js';
import { belongsTo, hasMany, manyByIds } from './list/relations.js';

export const employeeDescriptor = defineEntity({
  name: 'Employee',
  entity: Employee,
  single: 'employee',
  plural: 'employees',
  filters: {
    status: anyOf('status', EmployeeStatus, 'Only employees with one of these statuses.'),
    payScheduleId: idIn('pay_schedule_id', 'Only employees on these pay schedules (Connec! ids).'),
    ...dateRange('startDate', 'start_date', 'start date'),
    search: textSearch(
      ['e.first_name', 'e.last_name', "(e.email->>'address')", 'e.job_title'],
      'Text contained in the name, email address or job title (case-insensitive).',
    ),
    updatedSince: updatedSince(),
  },
  orderBy: {
    LAST_NAME: byText('last_name', 'Last name.'),
    FIRST_NAME: byText('first_name', 'First name.'),
    START_DATE: byDate('start_date', 'Start date.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'LAST_NAME', direction: SortDirection.ASC },
});

export const EmployeeResolver = createEntityResolver(employeeDescriptor, {
  salaries: hasMany(
    { entity: () => EmployeeSalary, foreignKey: 'employee_id', orderBy: 'effective_from' },
    'Salary and wage records, oldest first.',
  ),
  timeSheets: hasMany(
    { entity: () => TimeSheet, foreignKey: 'employee_id', orderBy: 'start_date' },
    'Timesheets, oldest first.',
  ),
  leaveApplications: hasMany(
    { entity: () => LeaveApplication, foreignKey: 'employee_id', orderBy: 'start_date' },
    'Leave applications, oldest first (AU only).',
  ),
  workLocations: manyByIds(() => WorkLocation, 'workLocationIds', 'Where the employee works (US only).'),
  paySchedule: belongsTo(() => PaySchedule, 'payScheduleId', 'The pay schedule the employee is paid on.'),
});
