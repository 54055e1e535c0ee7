import type { Timesheet, TimesheetLine } from 'xero-node/dist/gen/model/payroll-au/models.js';
import { TimeSheetStatus } from '../../schema/enums.js';
import { decimal, decimalOrZero, sumDecimals } from './decimal.util.js';
import type { MappedChild, MappedTimeSheet, TimeSheetLineFields } from './mapped-record.js';
import { buildRecord, MapIssues, refById } from './record-builder.util.js';
import { calendarDate, lookupEnum, text } from './xero-value.util.js';

export const TIME_SHEET_STATUS = Object.fromEntries(
  Object.values(TimeSheetStatus).map((s) => [s, s]),
) as Record<string, TimeSheetStatus>;

function mapLine(line: TimesheetLine, index: number): MappedChild<TimeSheetLineFields> {
  return {
    xeroId: null,
    fields: { lineNumber: index + 1, units: (line.numberOfUnits ?? []).map(decimalOrZero) },
    references: { payItemId: refById('PayItem', text(line.earningsRateID)), workLocationId: null },
  };
}

/** Maps a Payroll AU Timesheet; each line holds units per day for one earnings rate. */
export function mapXeroAuTimesheet(sheet: Timesheet): MappedTimeSheet {
  const issues = new MapIssues();
  const lines = (sheet.timesheetLines ?? []).map(mapLine);
  const status = lookupEnum(TIME_SHEET_STATUS, sheet.status, TimeSheetStatus.DRAFT, 'Timesheet Status', (m) =>
    issues.warn(m),
  );
  return buildRecord('TimeSheet', issues, {
    xeroId: text(sheet.timesheetID),
    idField: 'TimesheetID',
    updatedAt: sheet.updatedDateUTC,
    fields: {
      startDate: issues.required('StartDate', calendarDate(sheet.startDate), ''),
      endDate: issues.required('EndDate', calendarDate(sheet.endDate), ''),
      status,
      // Rule 18: the widget needs total hours; Xero sends Hours, else they are the units summed.
      hours: decimal(sheet.hours) ?? sumDecimals(lines.flatMap((l) => l.fields.units)),
    },
    references: { employeeId: refById('Employee', text(sheet.employeeID)) },
    children: { lines },
  });
}
