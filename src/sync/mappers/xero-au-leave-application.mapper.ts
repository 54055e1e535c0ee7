import type { LeaveApplication, LeavePeriod } from 'xero-node/dist/gen/model/payroll-au/models.js';
import { LeavePeriodStatus } from '../../schema/enums.js';
import { decimalOrZero } from './decimal.util.js';
import type { LeavePeriodFields, MappedChild, MappedLeaveApplication } from './mapped-record.js';
import { buildRecord, MapIssues, refById } from './record-builder.util.js';
import { calendarDate, lookupEnum, text } from './xero-value.util.js';

const PERIOD_STATUS = Object.fromEntries(Object.values(LeavePeriodStatus).map((s) => [s, s])) as Record<
  string,
  LeavePeriodStatus
>;

function mapPeriod(period: LeavePeriod, issues: MapIssues): MappedChild<LeavePeriodFields> {
  return {
    xeroId: null,
    fields: {
      startDate: issues.required(
        'LeavePeriods.PayPeriodStartDate',
        calendarDate(period.payPeriodStartDate),
        '',
      ),
      endDate: issues.required('LeavePeriods.PayPeriodEndDate', calendarDate(period.payPeriodEndDate), ''),
      units: decimalOrZero(period.numberOfUnits),
      status: lookupEnum(
        PERIOD_STATUS,
        period.leavePeriodStatus,
        LeavePeriodStatus.SCHEDULED,
        'LeavePeriodStatus',
        (m) => issues.warn(m),
      ),
    },
    references: {},
  };
}

/** Maps a Payroll AU LeaveApplication with its pay periods (AU only: rule 17). */
export function mapXeroAuLeaveApplication(application: LeaveApplication): MappedLeaveApplication {
  const issues = new MapIssues();
  return buildRecord('LeaveApplication', issues, {
    xeroId: text(application.leaveApplicationID),
    idField: 'LeaveApplicationID',
    updatedAt: application.updatedDateUTC,
    fields: {
      title: text(application.title),
      description: text(application.description),
      startDate: issues.required('StartDate', calendarDate(application.startDate), ''),
      endDate: issues.required('EndDate', calendarDate(application.endDate), ''),
    },
    references: {
      employeeId: refById('Employee', text(application.employeeID)),
      payItemId: refById('PayItem', text(application.leaveTypeID)),
    },
    children: { periods: (application.leavePeriods ?? []).map((p) => mapPeriod(p, issues)) },
  });
}
