import type { PayrollCalendar } from 'xero-node/dist/gen/model/payroll-au/models.js';
import { ScheduleType } from '../../schema/enums.js';
import type { MappedRecord, PayScheduleFields } from './mapped-record.js';
import { buildRecord, MapIssues } from './record-builder.util.js';
import { calendarDate, lookupEnum, text } from './xero-value.util.js';

export type MappedPaySchedule = MappedRecord<PayScheduleFields>;

/** AU CalendarType values are the Connec! schedule types one for one. */
const SCHEDULE_TYPE = Object.fromEntries(Object.values(ScheduleType).map((t) => [t, t])) as Record<
  string,
  ScheduleType
>;

/** Maps a Payroll AU PayrollCalendar to a PaySchedule. */
export function mapXeroAuPayrollCalendar(calendar: PayrollCalendar): MappedPaySchedule {
  const issues = new MapIssues();
  const scheduleType = lookupEnum(
    SCHEDULE_TYPE,
    calendar.calendarType,
    ScheduleType.WEEKLY,
    'CalendarType',
    (m) => issues.warn(m),
  );
  return buildRecord('PaySchedule', issues, {
    xeroId: text(calendar.payrollCalendarID),
    idField: 'PayrollCalendarID',
    updatedAt: calendar.updatedDateUTC,
    fields: {
      name: issues.required('Name', text(calendar.name), ''),
      scheduleType,
      startDate: calendarDate(calendar.startDate),
      paymentDate: calendarDate(calendar.paymentDate),
    },
  });
}
