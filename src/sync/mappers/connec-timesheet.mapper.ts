import type { Timesheet } from 'xero-node/dist/gen/model/payroll-au/models.js';
import { decimal, sumDecimals } from './decimal.util.js';

const DAY_MS = 86_400_000;

/** One line of a timesheet write, its references resolved to Connec! and Xero ids. */
export interface ResolvedTimeSheetLine {
  payItemId: string;
  payItemXeroId: string;
  workLocationId: string | null;
  workLocationXeroId: string | null;
  /** Hours for each day of the period, in order (exact decimal strings). */
  hours: string[];
}

/** A timesheet write, validated: every reference is in the cache and in Xero. */
export interface ResolvedTimeSheet {
  employeeId: string;
  employeeXeroId: string;
  startDate: string;
  endDate: string;
  lines: ResolvedTimeSheetLine[];
}

/** Days from `start` to `end`, both included (0 when `end` is before `start`). */
export function periodDays(start: string, end: string): number {
  const days = Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS) + 1;
  return Number.isFinite(days) ? Math.max(0, days) : 0;
}

/** The calendar date `offset` days after `start`. */
export function dayOf(start: string, offset: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10);
}

/** Canonical decimal text ("7.60" -> "7.6"), the form the inbound mapper makes of Xero's numbers. */
const canonical = (value: string) => decimal(value) ?? '0';

/**
 * A Payroll AU Timesheet (xero-node's camelCase model): one line per earnings rate with one
 * NumberOfUnits per day of the period. Status is left to Xero (DRAFT on create, kept on update).
 */
export function toXeroAuTimesheet(sheet: ResolvedTimeSheet): Timesheet {
  return {
    employeeID: sheet.employeeXeroId,
    startDate: sheet.startDate,
    endDate: sheet.endDate,
    timesheetLines: sheet.lines.map((line) => ({
      earningsRateID: line.payItemXeroId,
      numberOfUnits: line.hours.map(Number),
    })),
  };
}

/**
 * A legacy US payroll Timesheet (PascalCase JSON): its lines are one day each, so every day with hours
 * becomes a line of its own (Date, EarningsTypeID, WorkLocationID, Units); days without hours are left
 * out, and the inbound mapper fills them back in with zeros.
 */
export function toXeroUsTimesheet(sheet: ResolvedTimeSheet): Record<string, unknown> {
  return {
    EmployeeID: sheet.employeeXeroId,
    StartDate: sheet.startDate,
    EndDate: sheet.endDate,
    TimesheetLines: sheet.lines.flatMap((line) =>
      line.hours.flatMap((hours, day) =>
        Number(hours) === 0
          ? []
          : [
              {
                Date: dayOf(sheet.startDate, day),
                EarningsTypeID: line.payItemXeroId,
                ...(line.workLocationXeroId ? { WorkLocationID: line.workLocationXeroId } : {}),
                Units: Number(hours),
              },
            ],
      ),
    ),
  };
}

/** The cache fields of a timesheet whose write is pending: lines, and the total hours (rule 18). */
export function pendingTimeSheetFields(sheet: ResolvedTimeSheet, isCreate: boolean): Record<string, unknown> {
  const lines = sheet.lines.map((line, index) => ({
    lineNumber: index + 1,
    payItemId: line.payItemId,
    workLocationId: line.workLocationId,
    units: line.hours.map(canonical),
  }));
  return {
    employeeId: sheet.employeeId,
    startDate: sheet.startDate,
    endDate: sheet.endDate,
    ...(isCreate ? { status: 'DRAFT' } : {}),
    hours: sumDecimals(lines.flatMap((line) => line.units)),
    lines,
  };
}
