import { Employee } from '../schema/employee.entity.js';
import { LeaveApplication, LeavePeriod } from '../schema/leave-application.entity.js';
import { PayItem } from '../schema/pay-item.entity.js';
import { byCreatedAt, byDate, byUpdatedAt, dateRange, updatedSince } from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { type ChildSpec, defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver } from './list/entity-resolver.js';
import { idIn, textSearch } from './list/filter-spec.js';
import { belongsTo, hasMany } from './list/relations.js';

const periods: ChildSpec = {
  entity: () => LeavePeriod,
  foreignKey: 'leave_application_id',
  orderBy: 'start_date',
};

export const leaveApplicationDescriptor = defineEntity({
  name: 'LeaveApplication',
  entity: LeaveApplication,
  single: 'leaveApplication',
  plural: 'leaveApplications',
  filters: {
    employeeId: idIn('employee_id', 'Only applications of these employees (Connec! ids).'),
    payItemId: idIn('pay_item_id', 'Only applications for these leave types (Connec! ids).'),
    ...dateRange('startDate', 'start_date', 'first day of leave'),
    search: textSearch(['e.title', 'e.description'], 'Text contained in the title or description.'),
    updatedSince: updatedSince(),
  },
  orderBy: {
    START_DATE: byDate('start_date', 'First day of leave.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'START_DATE', direction: SortDirection.DESC },
  children: { periods },
});

export const LeaveApplicationResolver = createEntityResolver(leaveApplicationDescriptor, {
  employee: belongsTo(() => Employee, 'employeeId', 'The employee.'),
  payItem: belongsTo(() => PayItem, 'payItemId', 'The leave type.'),
  periods: hasMany(periods, 'The pay periods the leave spans.'),
});
