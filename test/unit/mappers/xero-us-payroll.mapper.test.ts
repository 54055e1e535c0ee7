import { describe, expect, it } from 'vitest';
import { EmployeeStatus, SalaryType, ScheduleType, TimeSheetStatus } from '../../../src/schema/enums.js';
import { mapXeroUsEmployee } from '../../../src/sync/mappers/xero-us-employee.mapper.js';
import { mapXeroUsPaySchedule } from '../../../src/sync/mappers/xero-us-pay-schedule.mapper.js';
import {
  usEmployeesResponseSchema,
  usPaySchedulesResponseSchema,
  usTimesheetsResponseSchema,
  usWorkLocationsResponseSchema,
} from '../../../src/sync/mappers/xero-us-payroll.schema.js';
import { mapXeroUsTimesheet } from '../../../src/sync/mappers/xero-us-timesheet.mapper.js';
import { mapXeroUsWorkLocation } from '../../../src/sync/mappers/xero-us-work-location.mapper.js';

/** Dates as the legacy US payroll API (and the emulator) render them. */
const xeroDate = (day: string) => `/Date(${Date.parse(`${day}T00:00:00Z`)}+0000)/`;
const UPDATED = '/Date(1767225600000+0000)/';

const employees = usEmployeesResponseSchema.parse({
  Employees: [
    {
      EmployeeID: 'emp-1',
      FirstName: 'Oliver',
      LastName: 'Bennett',
      DateOfBirth: xeroDate('1985-03-14'),
      Gender: 'M',
      JobTitle: 'Operations Manager',
      Email: 'oliver@demo-company-us.example.com',
      HireDate: xeroDate('2020-03-01'),
      Status: 'ACTIVE',
      PayScheduleID: 'sched-1',
      HomeAddress: { StreetAddress: '100 Pine St', City: 'San Francisco', State: 'CA', Zip: '94110' },
      WorkLocations: [
        { WorkLocationID: 'wl-2', IsPrimary: false },
        { WorkLocationID: 'wl-1', IsPrimary: true },
      ],
      SalaryAndWages: [
        {
          SalaryAndWagesID: 'sw-1',
          EarningsTypeID: 'regular',
          SalaryWagesType: 'ANNUALSALARY',
          AnnualSalary: 72000,
          StandardHoursPerWeek: 40,
          EffectiveDate: xeroDate('2026-01-01'),
        },
        { EarningsTypeID: 'regular', SalaryWagesType: 'HOURLY', HourlyRate: 29.5, StandardHoursPerWeek: 40 },
      ],
      UpdatedDateUTC: UPDATED,
    },
  ],
}).Employees;

describe('mapXeroUsEmployee', () => {
  it('maps the employee with its work locations, primary first, and its salaries', () => {
    const { employee, salaries } = mapXeroUsEmployee(employees[0]);
    expect(employee).toMatchObject({
      entity: 'Employee',
      xeroId: 'emp-1',
      missing: [],
      remoteUpdatedAt: new Date(1767225600000),
    });
    expect(employee.fields).toMatchObject({
      dateOfBirth: '1985-03-14',
      startDate: '2020-03-01',
      status: EmployeeStatus.ACTIVE,
      address: { line1: '100 Pine St', city: 'San Francisco', region: 'CA', postalCode: '94110' },
    });
    expect(employee.references.workLocationIds).toEqual([
      { entity: 'WorkLocation', xeroId: 'wl-1' },
      { entity: 'WorkLocation', xeroId: 'wl-2' },
    ]);
    expect(
      salaries.map((s) => [
        s.xeroId,
        s.fields.type,
        s.fields.annualSalary,
        s.fields.hourlyRate,
        s.fields.effectiveFrom,
        s.fields.currency,
      ]),
    ).toEqual([
      ['sw-1', SalaryType.SALARY, '72000', null, '2026-01-01', 'USD'],
      ['emp-1/salary/2', SalaryType.HOURLY, null, '29.5', null, 'USD'],
    ]);
  });

  it('accepts the single WorkLocationID of older answers', () => {
    const [old] = usEmployeesResponseSchema.parse({
      Employees: [{ EmployeeID: 'e', FirstName: 'A', LastName: 'B', WorkLocationID: 'wl-9' }],
    }).Employees;
    expect(mapXeroUsEmployee(old).employee.references.workLocationIds).toEqual([
      { entity: 'WorkLocation', xeroId: 'wl-9' },
    ]);
  });

  it('is total: an empty employee reports what is missing', () => {
    const { employee, salaries } = mapXeroUsEmployee({});
    expect(employee.missing).toEqual(['FirstName', 'LastName', 'EmployeeID']);
    expect(salaries).toEqual([]);
  });
});

describe('mapXeroUsPaySchedule', () => {
  it.each([
    ['WEEKLY', ScheduleType.WEEKLY],
    ['BIWEEKLY', ScheduleType.FORTNIGHTLY],
    ['SEMIMONTHLY', ScheduleType.TWICEMONTHLY],
    ['MONTHLY', ScheduleType.MONTHLY],
    ['QUARTERLY', ScheduleType.QUARTERLY],
  ])('maps PaymentFrequency %s to %s', (frequency, expected) => {
    const [schedule] = usPaySchedulesResponseSchema.parse({
      PaySchedules: [
        {
          PayScheduleID: 's',
          PayScheduleName: 'Biweekly',
          PaymentFrequency: frequency,
          StartDate: xeroDate('2026-01-05'),
          FirstPaymentDate: xeroDate('2026-01-19'),
        },
      ],
    }).PaySchedules;
    const mapped = mapXeroUsPaySchedule(schedule);
    expect(mapped.fields).toEqual({
      name: 'Biweekly',
      scheduleType: expected,
      startDate: '2026-01-05',
      paymentDate: '2026-01-19',
    });
    expect(mapped.warnings).toEqual([]);
  });

  it('falls back to WEEKLY with a warning for an unknown frequency', () => {
    const mapped = mapXeroUsPaySchedule({
      PayScheduleID: 's',
      PayScheduleName: 'N',
      PaymentFrequency: 'DAILY',
    });
    expect(mapped.fields.scheduleType).toBe(ScheduleType.WEEKLY);
    expect(mapped.warnings).toHaveLength(1);
  });
});

describe('mapXeroUsWorkLocation', () => {
  it('maps the address, phone and primary flag', () => {
    const [location] = usWorkLocationsResponseSchema.parse({
      WorkLocations: [
        {
          WorkLocationID: 'wl-1',
          Name: 'Head Office',
          StreetAddress: '500 Market Street',
          City: 'San Francisco',
          State: 'CA',
          Zip: '94105',
          IsPrimary: true,
          PhoneNumber: '415-555-0100',
          UpdatedDateUTC: UPDATED,
        },
      ],
    }).WorkLocations;
    expect(mapXeroUsWorkLocation(location)).toMatchObject({
      entity: 'WorkLocation',
      xeroId: 'wl-1',
      fields: {
        name: 'Head Office',
        isPrimary: true,
        address: { line1: '500 Market Street', city: 'San Francisco', region: 'CA', postalCode: '94105' },
        phone: { landline: '415-555-0100' },
      },
    });
  });

  it('names a location without a name by its street', () => {
    expect(
      mapXeroUsWorkLocation({ WorkLocationID: 'w', StreetAddress: '75 Industrial Way' }).fields,
    ).toMatchObject({ name: '75 Industrial Way', isPrimary: false });
  });
});

describe('mapXeroUsTimesheet', () => {
  const [sheet] = usTimesheetsResponseSchema.parse({
    Timesheets: [
      {
        TimesheetID: 'ts-1',
        EmployeeID: 'emp-1',
        StartDate: xeroDate('2026-01-05'),
        EndDate: xeroDate('2026-01-11'),
        Status: 'APPROVED',
        TimesheetLines: [
          ...[0, 1, 2, 3, 4].map((d) => ({
            Date: xeroDate(`2026-01-0${5 + d}`),
            EarningsTypeID: 'regular',
            WorkLocationID: 'wl-1',
            Units: 8,
          })),
          { Date: xeroDate('2026-01-07'), EarningsTypeID: 'regular', WorkLocationID: 'wl-2', Units: 1.5 },
        ],
      },
    ],
  }).Timesheets;

  it('groups daily lines per pay item and location into units per day, and totals the hours', () => {
    const mapped = mapXeroUsTimesheet(sheet);
    expect(mapped.fields).toEqual({
      startDate: '2026-01-05',
      endDate: '2026-01-11',
      status: TimeSheetStatus.APPROVED,
      hours: '41.5',
    });
    expect(mapped.children.lines.map((l) => [l.fields.units, l.references.workLocationId])).toEqual([
      [['8', '8', '8', '8', '8', '0', '0'], { entity: 'WorkLocation', xeroId: 'wl-1' }],
      [['0', '0', '1.5', '0', '0', '0', '0'], { entity: 'WorkLocation', xeroId: 'wl-2' }],
    ]);
    expect(mapped.children.lines[0].references.payItemId).toEqual({ entity: 'PayItem', xeroId: 'regular' });
  });

  it('keeps the units of a line dated outside the period, with a warning', () => {
    const mapped = mapXeroUsTimesheet({
      ...sheet,
      Hours: 3,
      TimesheetLines: [{ Date: xeroDate('2026-02-01'), EarningsTypeID: 'regular', Units: 3 }],
    });
    expect(mapped.children.lines[0].fields.units).toEqual(['0', '0', '0', '0', '0', '0', '0', '3']);
    expect(mapped.warnings).toHaveLength(1);
  });
});
