import { TimeSheetStatus } from '../../schema/enums.js';
import { addDecimal, decimal, decimalOrZero, sumDecimals } from './decimal.util.js';
import type { MappedChild, MappedTimeSheet, TimeSheetLineFields } from './mapped-record.js';
import { buildRecord, MapIssues, refById } from './record-builder.util.js';
import { TIME_SHEET_STATUS } from './xero-au-timesheet.mapper.js';
import type { UsTimesheet, UsTimesheetLine } from './xero-us-payroll.schema.js';
import { calendarDate, lookupEnum, text } from './xero-value.util.js';

const DAY_MS = 86_400_000;

function dayIndex(start: string | null, date: string | null): number | null {
  if (!start || !date) return null;
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS);
}

interface Group {
  earningsTypeId: string | null;
  workLocationId: string | null;
  units: string[];
}

/**
 * US timesheet lines are one day each (Date, EarningsTypeID, WorkLocationID, Units); Connec! lines
 * hold units per day of the period for one pay item and location, as AU lines do. A line whose date
 * falls outside the period keeps its units, appended after the period's days.
 */
function groupLines(
  sheet: UsTimesheet,
  start: string | null,
  end: string | null,
  issues: MapIssues,
): Group[] {
  const days = start && end ? Math.max(0, (dayIndex(start, end) ?? -1) + 1) : 0;
  const groups = new Map<string, Group>();
  for (const line of sheet.TimesheetLines ?? []) {
    const key = `${text(line.EarningsTypeID)}|${text(line.WorkLocationID)}`;
    const group = groups.get(key) ?? {
      earningsTypeId: text(line.EarningsTypeID),
      workLocationId: text(line.WorkLocationID),
      units: new Array<string>(days).fill('0'),
    };
    groups.set(key, group);
    place(group, line, dayIndex(start, calendarDate(line.Date)), days, issues);
  }
  return [...groups.values()];
}

function place(
  group: Group,
  line: UsTimesheetLine,
  index: number | null,
  days: number,
  issues: MapIssues,
): void {
  const units = decimalOrZero(line.Units);
  if (index !== null && index >= 0 && index < days) {
    group.units[index] = addDecimal(group.units[index], units);
    return;
  }
  issues.warn(`timesheet line dated ${String(line.Date)} is outside the period: units appended`);
  group.units.push(units);
}

function toLine(group: Group, index: number): MappedChild<TimeSheetLineFields> {
  return {
    xeroId: null,
    fields: { lineNumber: index + 1, units: group.units },
    references: {
      payItemId: refById('PayItem', group.earningsTypeId),
      workLocationId: refById('WorkLocation', group.workLocationId),
    },
  };
}

/** Maps a legacy US Payroll Timesheet (raw JSON): daily lines grouped per pay item and work location. */
export function mapXeroUsTimesheet(sheet: UsTimesheet): MappedTimeSheet {
  const issues = new MapIssues();
  const start = calendarDate(sheet.StartDate);
  const end = calendarDate(sheet.EndDate);
  const lines = groupLines(sheet, start, end, issues).map(toLine);
  const status = lookupEnum(TIME_SHEET_STATUS, sheet.Status, TimeSheetStatus.DRAFT, 'Timesheet Status', (m) =>
    issues.warn(m),
  );
  return buildRecord('TimeSheet', issues, {
    xeroId: text(sheet.TimesheetID),
    idField: 'TimesheetID',
    updatedAt: sheet.UpdatedDateUTC,
    fields: {
      startDate: issues.required('StartDate', start, ''),
      endDate: issues.required('EndDate', end, ''),
      status,
      hours: decimal(sheet.Hours) ?? sumDecimals(lines.flatMap((l) => l.fields.units)),
    },
    references: { employeeId: refById('Employee', text(sheet.EmployeeID)) },
    children: { lines },
  });
}
