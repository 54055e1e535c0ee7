import { ScheduleType } from '../../schema/enums.js';
import { buildRecord, MapIssues } from './record-builder.util.js';
import type { MappedPaySchedule } from './xero-au-payroll-calendar.mapper.js';
import type { UsPaySchedule } from './xero-us-payroll.schema.js';
import { calendarDate, lookupEnum, text } from './xero-value.util.js';

/** US frequencies use American names: BIWEEKLY is a fortnight, SEMIMONTHLY twice a month. */
const FREQUENCY: Record<string, ScheduleType> = {
  ...(Object.fromEntries(Object.values(ScheduleType).map((t) => [t, t])) as Record<string, ScheduleType>),
  BIWEEKLY: ScheduleType.FORTNIGHTLY,
  SEMIMONTHLY: ScheduleType.TWICEMONTHLY,
};

/** Maps a legacy US Payroll PaySchedule (raw JSON) to a PaySchedule. */
export function mapXeroUsPaySchedule(schedule: UsPaySchedule): MappedPaySchedule {
  const issues = new MapIssues();
  return buildRecord('PaySchedule', issues, {
    xeroId: text(schedule.PayScheduleID),
    idField: 'PayScheduleID',
    updatedAt: schedule.UpdatedDateUTC,
    fields: {
      name: issues.required('PayScheduleName', text(schedule.PayScheduleName), ''),
      scheduleType: lookupEnum(
        FREQUENCY,
        schedule.PaymentFrequency,
        ScheduleType.WEEKLY,
        'PaymentFrequency',
        (m) => issues.warn(m),
      ),
      startDate: calendarDate(schedule.StartDate),
      paymentDate: calendarDate(schedule.FirstPaymentDate),
    },
  });
}
