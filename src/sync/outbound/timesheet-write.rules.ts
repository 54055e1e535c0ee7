import type { EntityManager } from 'typeorm';
import { badUserInput, type FieldError } from '../../errors.js';
import { PayItemType } from '../../schema/enums.js';
import type { TimeSheet } from '../../schema/time-sheet.entity.js';
import { TimeSheetLine } from '../../schema/time-sheet.entity.js';
import type { TimeSheetInput, TimeSheetLineInput } from '../../schema/time-sheet.input.js';
import { compareDecimal } from '../mappers/connec-payment.mapper.js';
import { dayOf, periodDays, type ResolvedTimeSheet } from '../mappers/connec-timesheet.mapper.js';
import { sumDecimals } from '../mappers/decimal.util.js';
import type { PayrollRegion } from './payroll-gate.js';
import { lookupReferences, type RefInput } from './reference-lookup.js';

const MAX_HOURS_A_DAY = '24';
/** The longest pay period Xero has (QUARTERLY); it also bounds the hours arrays a client can send. */
export const MAX_PERIOD_DAYS = 92;

/** The timesheet a write asks for: the input laid over the existing record (none on a create). */
export interface TimeSheetDraft {
  employeeId: string | null;
  employee: TimeSheetInput['employee'];
  startDate: string | null;
  endDate: string | null;
  lines: TimeSheetLineInput[];
  /** False when an update keeps the existing lines. */
  linesGiven: boolean;
}

/** Field rules that need no database: required fields, the period, hours per day. Pure. */
export function checkTimeSheetFields(draft: TimeSheetDraft, region: PayrollRegion): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  if (!draft.employeeId && !draft.employee) add('employeeId', 'Name the employee.');
  if (!draft.startDate) add('startDate', 'Required.');
  if (!draft.endDate) add('endDate', 'Required.');
  const { startDate, endDate } = draft;
  const days = startDate && endDate ? periodDays(startDate, endDate) : 0;
  if (startDate && endDate && endDate < startDate) add('endDate', 'Must be on or after startDate.');
  else if (days > MAX_PERIOD_DAYS) add('endDate', `A timesheet covers at most ${MAX_PERIOD_DAYS} days.`);
  if (draft.lines.length === 0) add('lines', 'A timesheet needs at least one line.');
  draft.lines.forEach((line, index) => {
    errors.push(...checkLine(line, `lines.${index}`, region));
  });
  if (errors.length > 0 || days === 0) return errors;
  if (!draft.linesGiven && draft.lines.some((line) => line.hours.length !== days)) {
    return [
      { path: 'lines', message: `The period now has ${days} days: give the lines again, one value a day.` },
    ];
  }
  draft.lines.forEach((line, index) => {
    if (line.hours.length !== days) {
      add(
        `lines.${index}.hours`,
        `Needs ${days} values, one per day from ${startDate} to ${endDate}; got ${line.hours.length}.`,
      );
    }
  });
  return errors.length > 0 ? errors : checkDailyTotals(draft.lines, startDate!, days);
}

function checkLine(line: TimeSheetLineInput, path: string, region: PayrollRegion): FieldError[] {
  const errors: FieldError[] = [];
  if (!line.payItemId && !line.payItem)
    errors.push({ path: `${path}.payItemId`, message: 'Name the earnings rate.' });
  if (region !== 'US' && (line.workLocationId || line.workLocation)) {
    errors.push({
      path: `${path}.${line.workLocation ? 'workLocation' : 'workLocationId'}`,
      message: "Work locations exist in US payroll only; this organisation's payroll is AU.",
    });
  }
  line.hours.forEach((hours, day) => {
    if (compareDecimal(hours, '0') < 0)
      errors.push({ path: `${path}.hours.${day}`, message: 'Must be zero or more.' });
    else if (compareDecimal(hours, MAX_HOURS_A_DAY) > 0)
      errors.push({ path: `${path}.hours.${day}`, message: `At most ${MAX_HOURS_A_DAY} hours a day.` });
  });
  return errors;
}

/** Nobody works more than 24 hours in a day, whatever the number of earnings rates it is split over. */
function checkDailyTotals(lines: TimeSheetLineInput[], startDate: string, days: number): FieldError[] {
  const errors: FieldError[] = [];
  for (let day = 0; day < days; day++) {
    const total = sumDecimals(lines.map((line) => line.hours[day]));
    if (compareDecimal(total, MAX_HOURS_A_DAY) > 0) {
      errors.push({
        path: 'lines',
        message: `${dayOf(startDate, day)} adds up to ${total} hours over all lines; at most ${MAX_HOURS_A_DAY} a day.`,
      });
    }
  }
  return errors;
}

/** The write's timesheet: the input over the existing record, its lines read from the cache if kept. */
export async function draftTimeSheet(
  manager: EntityManager,
  input: TimeSheetInput,
  existing: TimeSheet | null,
): Promise<TimeSheetDraft> {
  const namesEmployee = Boolean(input.employeeId || input.employee);
  const keptLines = existing && !input.lines ? await existingLines(manager, existing) : [];
  return {
    employeeId: namesEmployee ? (input.employeeId ?? null) : (existing?.employeeId ?? null),
    employee: namesEmployee ? input.employee : null,
    startDate: input.startDate ?? existing?.startDate ?? null,
    endDate: input.endDate ?? existing?.endDate ?? null,
    lines: input.lines ?? keptLines,
    linesGiven: Boolean(input.lines) || !existing,
  };
}

async function existingLines(manager: EntityManager, sheet: TimeSheet): Promise<TimeSheetLineInput[]> {
  const rows = await manager
    .getRepository(TimeSheetLine)
    .find({ where: { tenantId: sheet.tenantId, timeSheetId: sheet.id }, order: { lineNumber: 'ASC' } });
  return rows.map((row) => ({
    payItemId: row.payItemId,
    workLocationId: row.workLocationId,
    hours: row.units,
  }));
}

/**
 * Validates a timesheet write and resolves its references (employee and earnings rates in the cache
 * and in Xero, work locations for US payroll): BAD_USER_INPUT naming every field at fault, before
 * anything is written anywhere.
 */
export async function resolveTimeSheet(
  manager: EntityManager,
  tenantId: string,
  region: PayrollRegion,
  draft: TimeSheetDraft,
): Promise<ResolvedTimeSheet> {
  const fieldErrors = checkTimeSheetFields(draft, region);
  if (fieldErrors.length > 0) throw badUserInput(fieldErrors);
  const employeePath = draft.employee ? 'employee' : 'employeeId';
  const refs: RefInput[] = [
    { path: employeePath, entity: 'Employee', id: draft.employeeId, external: draft.employee },
    ...draft.lines.flatMap((line, index): RefInput[] => [
      {
        path: linePath(line, index, 'payItem'),
        entity: 'PayItem',
        id: line.payItemId,
        external: line.payItem,
      },
      {
        path: linePath(line, index, 'workLocation'),
        entity: 'WorkLocation',
        id: line.workLocationId,
        external: line.workLocation,
      },
    ]),
  ];
  const found = await lookupReferences(manager, tenantId, refs);
  const inXero = (path: string, what: string) => {
    const row = found.rows.get(path);
    if (row && !row.xeroId) found.errors.push({ path, message: `This ${what} is not in Xero yet.` });
    return row;
  };
  const employee = inXero(employeePath, 'employee');
  const lines = draft.lines.map((line, index) => {
    const payItemPath = linePath(line, index, 'payItem');
    const payItem = inXero(payItemPath, 'earnings rate');
    if (payItem && payItem.type !== PayItemType.EARNINGS) {
      found.errors.push({
        path: payItemPath,
        message: `This pay item is of type ${String(payItem.type)}: timesheet lines need an earnings rate (EARNINGS).`,
      });
    }
    const location = inXero(linePath(line, index, 'workLocation'), 'work location');
    return {
      payItemId: payItem?.id ?? '',
      payItemXeroId: payItem?.xeroId ?? '',
      workLocationId: location?.id ?? null,
      workLocationXeroId: location?.xeroId ?? null,
      hours: line.hours,
    };
  });
  if (found.errors.length > 0) throw badUserInput(found.errors);
  return {
    employeeId: employee!.id,
    employeeXeroId: employee!.xeroId!,
    startDate: draft.startDate!,
    endDate: draft.endDate!,
    lines,
  };
}

function linePath(line: TimeSheetLineInput, index: number, field: 'payItem' | 'workLocation'): string {
  return `lines.${index}.${line[field] ? field : `${field}Id`}`;
}
