import { describe, expect, it } from 'vitest';
import type { Timesheet } from 'xero-node/dist/gen/model/payroll-au/models.js';
import type { TimeSheetLineInput } from '../../../src/schema/time-sheet.input.js';
import {
  dayOf,
  pendingTimeSheetFields,
  periodDays,
  type ResolvedTimeSheet,
  toXeroAuTimesheet,
  toXeroUsTimesheet,
} from '../../../src/sync/mappers/connec-timesheet.mapper.js';
import { mapXeroAuTimesheet } from '../../../src/sync/mappers/xero-au-timesheet.mapper.js';
import { usTimesheetSchema } from '../../../src/sync/mappers/xero-us-payroll.schema.js';
import { mapXeroUsTimesheet } from '../../../src/sync/mappers/xero-us-timesheet.mapper.js';
import { calendarDate } from '../../../src/sync/mappers/xero-value.util.js';
import {
  checkTimeSheetFields,
  type TimeSheetDraft,
} from '../../../src/sync/outbound/timesheet-write.rules.js';
import { modelExamples } from './openapi-examples.js';

type Raw = Record<string, unknown>;

const sheet = (
  lines: ResolvedTimeSheet['lines'],
  extra: Partial<ResolvedTimeSheet> = {},
): ResolvedTimeSheet => ({
  employeeId: 'e-1',
  employeeXeroId: 'E-GUID',
  startDate: '2026-03-02',
  endDate: '2026-03-04',
  lines,
  ...extra,
});
const line = (hours: string[], extra: Partial<ResolvedTimeSheet['lines'][number]> = {}) => ({
  payItemId: 'p-1',
  payItemXeroId: 'RATE-GUID',
  workLocationId: null,
  workLocationXeroId: null,
  hours,
  ...extra,
});

describe('periodDays and dayOf', () => {
  it.each([
    ['2026-03-02', '2026-03-08', 7],
    ['2026-03-02', '2026-03-02', 1],
    ['2026-02-23', '2026-03-01', 7],
    ['2026-03-02', '2026-03-01', 0],
  ])('counts %s to %s as %i days, both included', (start, end, days) => {
    expect(periodDays(start, end)).toBe(days);
  });

  it('steps over month ends in UTC', () => {
    expect(dayOf('2026-02-27', 2)).toBe('2026-03-01');
  });
});

describe('toXeroAuTimesheet with the OpenAPI examples', () => {
  it.each(modelExamples<Timesheet>('payroll-au', 'Timesheets', 'timesheets'))(
    'sends $label back as Xero holds it, and lands what the cache showed while pending',
    ({ raw, model }) => {
      const rawLines = (raw.TimesheetLines as Raw[]) ?? [];
      const resolved = sheet(
        rawLines.map((l) =>
          line(
            (l.NumberOfUnits as number[]).map((u) => u.toFixed(2)),
            { payItemXeroId: String(l.EarningsRateID) },
          ),
        ),
        {
          employeeXeroId: String(raw.EmployeeID),
          startDate: calendarDate(model.startDate)!,
          endDate: calendarDate(model.endDate)!,
        },
      );
      const request = toXeroAuTimesheet(resolved);
      expect(request).toEqual({
        employeeID: raw.EmployeeID,
        startDate: resolved.startDate,
        endDate: resolved.endDate,
        timesheetLines: rawLines.map((l) => ({
          earningsRateID: l.EarningsRateID,
          numberOfUnits: (l.NumberOfUnits as number[]).map(Number),
        })),
      });
      const pending = pendingTimeSheetFields(resolved, true);
      const landed = mapXeroAuTimesheet(model);
      expect((pending.lines as Array<{ units: string[] }>).map((l) => l.units)).toEqual(
        landed.children.lines.map((l) => l.fields.units),
      );
      expect(pending.hours).toBe(landed.fields.hours);
    },
  );
});

describe('toXeroUsTimesheet', () => {
  const us = sheet([
    line(['8', '0', '7.5'], { workLocationId: 'w-1', workLocationXeroId: 'LOC-GUID' }),
    line(['0', '2', '0'], { payItemXeroId: 'OT-GUID' }),
  ]);

  it('sends one line per day with hours, each dated, with its earnings type and location', () => {
    expect(toXeroUsTimesheet(us)).toEqual({
      EmployeeID: 'E-GUID',
      StartDate: '2026-03-02',
      EndDate: '2026-03-04',
      TimesheetLines: [
        { Date: '2026-03-02', EarningsTypeID: 'RATE-GUID', WorkLocationID: 'LOC-GUID', Units: 8 },
        { Date: '2026-03-04', EarningsTypeID: 'RATE-GUID', WorkLocationID: 'LOC-GUID', Units: 7.5 },
        { Date: '2026-03-03', EarningsTypeID: 'OT-GUID', Units: 2 },
      ],
    });
  });

  it('comes back through the inbound mapper as the per-day units the cache showed while pending', () => {
    const echoed = usTimesheetSchema.parse({ ...toXeroUsTimesheet(us), TimesheetID: 'TS-GUID', Hours: 17.5 });
    const landed = mapXeroUsTimesheet(echoed);
    const pending = pendingTimeSheetFields(us, true);
    expect(landed.children.lines.map((l) => l.fields.units)).toEqual(
      (pending.lines as Array<{ units: string[] }>).map((l) => l.units),
    );
    expect(landed.fields.hours).toBe(pending.hours);
    expect(landed.children.lines[0].references.workLocationId).toEqual({
      entity: 'WorkLocation',
      xeroId: 'LOC-GUID',
    });
  });
});

describe('pendingTimeSheetFields', () => {
  it('totals the hours exactly, keeps canonical decimals, and is DRAFT only on create (rule 18)', () => {
    const resolved = sheet([line(['7.60', '0.1', '0.2']), line(['0', '0', '0.10'])]);
    expect(pendingTimeSheetFields(resolved, true)).toEqual({
      employeeId: 'e-1',
      startDate: '2026-03-02',
      endDate: '2026-03-04',
      status: 'DRAFT',
      hours: '8',
      lines: [
        { lineNumber: 1, payItemId: 'p-1', workLocationId: null, units: ['7.6', '0.1', '0.2'] },
        { lineNumber: 2, payItemId: 'p-1', workLocationId: null, units: ['0', '0', '0.1'] },
      ],
    });
    expect(pendingTimeSheetFields(resolved, false)).not.toHaveProperty('status');
  });
});

describe('checkTimeSheetFields', () => {
  const input = (hours: string[], extra: Partial<TimeSheetLineInput> = {}): TimeSheetLineInput => ({
    payItemId: 'p-1',
    hours,
    ...extra,
  });
  const draft = (extra: Partial<TimeSheetDraft> = {}): TimeSheetDraft => ({
    employeeId: 'e-1',
    employee: null,
    startDate: '2026-03-02',
    endDate: '2026-03-04',
    lines: [input(['8', '8', '8'])],
    linesGiven: true,
    ...extra,
  });

  it('accepts one value per day, each 0 to 24', () => {
    expect(checkTimeSheetFields(draft(), 'AU')).toEqual([]);
    expect(checkTimeSheetFields(draft({ lines: [input(['24', '0', '0.25'])] }), 'US')).toEqual([]);
  });

  it.each<[string, Partial<TimeSheetDraft>, Array<{ path: string; message: string | RegExp }>]>([
    [
      'a line with too few days',
      { lines: [input(['8', '8', '8']), input(['8'])] },
      [
        {
          path: 'lines.1.hours',
          message: 'Needs 3 values, one per day from 2026-03-02 to 2026-03-04; got 1.',
        },
      ],
    ],
    [
      'negative hours',
      { lines: [input(['8', '-1', '8'])] },
      [{ path: 'lines.0.hours.1', message: 'Must be zero or more.' }],
    ],
    [
      'more than 24 hours on one line',
      { lines: [input(['8', '24.5', '8'])] },
      [{ path: 'lines.0.hours.1', message: 'At most 24 hours a day.' }],
    ],
    [
      'more than 24 hours a day over several lines',
      { lines: [input(['8', '20', '8']), input(['0', '4.5', '0'])] },
      [{ path: 'lines', message: '2026-03-03 adds up to 24.5 hours over all lines; at most 24 a day.' }],
    ],
    [
      'an end before the start',
      { endDate: '2026-03-01' },
      [{ path: 'endDate', message: 'Must be on or after startDate.' }],
    ],
    [
      'a period longer than any pay period',
      { endDate: '2026-07-01', lines: [input([])] },
      [{ path: 'endDate', message: 'A timesheet covers at most 92 days.' }],
    ],
    [
      'no employee, no dates, no lines',
      { employeeId: null, startDate: null, endDate: null, lines: [] },
      [
        { path: 'employeeId', message: 'Name the employee.' },
        { path: 'startDate', message: 'Required.' },
        { path: 'endDate', message: 'Required.' },
        { path: 'lines', message: 'A timesheet needs at least one line.' },
      ],
    ],
    [
      'a line without an earnings rate',
      { lines: [input(['8', '8', '8'], { payItemId: null })] },
      [{ path: 'lines.0.payItemId', message: 'Name the earnings rate.' }],
    ],
    [
      'an update that moves the period but keeps lines of the old length',
      { endDate: '2026-03-05', linesGiven: false },
      [{ path: 'lines', message: 'The period now has 4 days: give the lines again, one value a day.' }],
    ],
  ])('names the field at fault for %s', (_label, change, expected) => {
    expect(checkTimeSheetFields(draft(change), 'AU')).toEqual(expected);
  });

  it('refuses a work location in AU payroll and takes it in US payroll (rule 17)', () => {
    const located = draft({ lines: [input(['8', '8', '8'], { workLocationId: 'w-1' })] });
    expect(checkTimeSheetFields(located, 'AU')).toEqual([
      {
        path: 'lines.0.workLocationId',
        message: "Work locations exist in US payroll only; this organisation's payroll is AU.",
      },
    ]);
    expect(checkTimeSheetFields(located, 'US')).toEqual([]);
  });
});
