import { Employee } from '../schema/employee.entity.js';
import { TimeSheetStatus } from '../schema/enums.js';
import { PayItem } from '../schema/pay-item.entity.js';
import { TimeSheet, TimeSheetLine } from '../schema/time-sheet.entity.js';
import { WorkLocation } from '../schema/work-location.entity.js';
import {
  byCreatedAt,
  byDate,
  byNumber,
  byUpdatedAt,
  dateRange,
  updatedSince,
} from './list/common-filters.js';
import { SortDirection } from './list/connection.js';
import { type ChildSpec, defineEntity } from './list/entity-descriptor.js';
import { createEntityResolver, createRelationResolver } from './list/entity-resolver.js';
import { anyOf, idIn } from './list/filter-spec.js';
import { belongsTo, hasMany } from './list/relations.js';

const timeSheetLines: ChildSpec = {
  entity: () => TimeSheetLine,
  foreignKey: 'time_sheet_id',
  orderBy: 'line_number',
};

export const timeSheetDescriptor = defineEntity({
  name: 'TimeSheet',
  entity: TimeSheet,
  single: 'timeSheet',
  plural: 'timeSheets',
  filters: {
    employeeId: idIn('employee_id', 'Only timesheets of these employees (Connec! ids).'),
    status: anyOf('status', TimeSheetStatus, 'Only timesheets with one of these statuses.'),
    ...dateRange('startDate', 'start_date', 'start date'),
    updatedSince: updatedSince(),
  },
  orderBy: {
    START_DATE: byDate('start_date', 'First day.'),
    HOURS: byNumber('hours', 'Total hours.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'START_DATE', direction: SortDirection.DESC },
  children: { lines: timeSheetLines },
});

export const TimeSheetResolver = createEntityResolver(timeSheetDescriptor, {
  employee: belongsTo(() => Employee, 'employeeId', 'The employee.'),
  lines: hasMany(timeSheetLines, 'Units per day for each earnings rate.'),
});

export const TimeSheetLineResolver = createRelationResolver(TimeSheetLine, {
  payItem: belongsTo(() => PayItem, 'payItemId', 'The earnings rate.'),
  workLocation: belongsTo(() => WorkLocation, 'workLocationId', 'The work location (US only).'),
});
