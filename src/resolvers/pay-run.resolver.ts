import { Employee } from '../schema/employee.entity.js';
import { PayRunStatus } from '../schema/enums.js';
import { PayRun, Payslip } from '../schema/pay-run.entity.js';
import { PaySchedule } from '../schema/pay-schedule.entity.js';
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

const payslips: ChildSpec = { entity: () => Payslip, foreignKey: 'pay_run_id', orderBy: 'employee_id' };

export const payRunDescriptor = defineEntity({
  name: 'PayRun',
  entity: PayRun,
  single: 'payRun',
  plural: 'payRuns',
  filters: {
    status: anyOf('status', PayRunStatus, 'DRAFT or POSTED.'),
    payScheduleId: idIn('pay_schedule_id', 'Only runs of these pay schedules (Connec! ids).'),
    ...dateRange('paymentDate', 'payment_date', 'payment date'),
    updatedSince: updatedSince(),
  },
  orderBy: {
    PAYMENT_DATE: byDate('payment_date', 'Payment date.'),
    PERIOD_START: byDate('period_start', 'Start of the period.'),
    NET_PAY: byNumber('net_pay', 'Total net pay.'),
    UPDATED_AT: byUpdatedAt,
    CREATED_AT: byCreatedAt,
  },
  defaultOrder: { field: 'PAYMENT_DATE', direction: SortDirection.DESC },
  children: { payslips },
});

export const PayRunResolver = createEntityResolver(payRunDescriptor, {
  paySchedule: belongsTo(() => PaySchedule, 'payScheduleId', 'The pay schedule of the run.'),
  payslips: hasMany(payslips, 'One payslip per employee paid.'),
});

export const PayslipResolver = createRelationResolver(Payslip, {
  employee: belongsTo(() => Employee, 'employeeId', 'The employee paid.'),
  payRun: belongsTo(() => PayRun, 'payRunId', 'The pay run.'),
});
