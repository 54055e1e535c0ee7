import { describe, expect, it } from 'vitest';
import type { PayItem } from 'xero-node/dist/gen/model/payroll-au/models.js';
import {
  EmployeeStatus,
  PayItemType,
  PayRunStatus,
  RecordStatus,
  SalaryType,
  ScheduleType,
  TimeSheetStatus,
} from '../../../src/schema/enums.js';
import { mapXeroAuEmployee } from '../../../src/sync/mappers/xero-au-employee.mapper.js';
import { mapXeroAuLeaveApplication } from '../../../src/sync/mappers/xero-au-leave-application.mapper.js';
import { mapXeroAuPayItems } from '../../../src/sync/mappers/xero-au-pay-items.mapper.js';
import { mapXeroAuPayRun } from '../../../src/sync/mappers/xero-au-pay-run.mapper.js';
import { mapXeroAuPayrollCalendar } from '../../../src/sync/mappers/xero-au-payroll-calendar.mapper.js';
import { mapXeroAuTimesheet } from '../../../src/sync/mappers/xero-au-timesheet.mapper.js';
import { fromXero } from './openapi-examples.js';

type Raw = Record<string, unknown>;
const au = <T>(type: string, json: Raw) => fromXero<T>('payroll-au', type, json);

describe('mapXeroAuEmployee', () => {
  const json = {
    EmployeeID: 'emp-1',
    FirstName: 'Oliver',
    LastName: 'Bennett',
    DateOfBirth: '/Date(479606400000+0000)/',
    Gender: 'M',
    Email: 'oliver@example.com',
    Phone: '02 9000 1000',
    StartDate: '2020-02-01T00:00:00',
    HomeAddress: {
      AddressLine1: '1 George Street',
      City: 'Sydney',
      Region: 'NSW',
      PostalCode: '2000',
      Country: 'AUSTRALIA',
    },
    PayrollCalendarID: 'cal-1',
    OrdinaryEarningsRateID: 'ordinary',
    PayTemplate: {
      EarningsLines: [
        {
          EarningsRateID: 'allowance',
          CalculationType: 'ENTEREARNINGSRATE',
          RatePerUnit: 12.5,
          NumberOfUnitsPerWeek: 1,
        },
        {
          EarningsRateID: 'ordinary',
          CalculationType: 'ANNUALSALARY',
          AnnualSalary: 65000,
          NumberOfUnitsPerWeek: 38,
        },
      ],
    },
    UpdatedDateUTC: '/Date(1583967733054+0000)/',
  };

  it('maps the employee, with the ordinary earnings line first among its salaries', () => {
    const { employee, salaries } = mapXeroAuEmployee(au('Employee', json));
    expect(employee.fields).toMatchObject({
      firstName: 'Oliver',
      dateOfBirth: '1985-03-14',
      startDate: '2020-02-01',
      status: EmployeeStatus.ACTIVE,
      address: { line1: '1 George Street', city: 'Sydney', region: 'NSW', postalCode: '2000' },
      phone: { landline: '02 9000 1000' },
    });
    expect(employee.references).toEqual({
      payScheduleId: { entity: 'PaySchedule', xeroId: 'cal-1' },
      workLocationIds: [],
    });
    expect(
      salaries.map((s) => [s.xeroId, s.fields.type, s.fields.annualSalary, s.fields.hourlyRate]),
    ).toEqual([
      ['emp-1/earnings/ordinary', SalaryType.SALARY, '65000', null],
      ['emp-1/earnings/allowance', SalaryType.HOURLY, null, '12.5'],
    ]);
    expect(salaries[0].references).toEqual({
      employeeId: { entity: 'Employee', xeroId: 'emp-1' },
      payItemId: { entity: 'PayItem', xeroId: 'ordinary' },
    });
  });

  it.each([
    [{ Status: 'TERMINATED', TerminationDate: '2026-01-31' }, EmployeeStatus.TERMINATED],
    [{ Status: 'ACTIVE' }, EmployeeStatus.ACTIVE],
    [{ TerminationDate: '2026-01-31' }, EmployeeStatus.TERMINATED],
  ])('maps %o to %s', (extra, status) => {
    expect(
      mapXeroAuEmployee(au('Employee', { EmployeeID: 'e', FirstName: 'A', LastName: 'B', ...extra })).employee
        .fields.status,
    ).toBe(status);
  });

  it('is total: an empty employee reports its names and id missing and has no salaries', () => {
    const { employee, salaries } = mapXeroAuEmployee(au('Employee', {}));
    expect(employee.missing).toEqual(['FirstName', 'LastName', 'EmployeeID']);
    expect(salaries).toEqual([]);
  });
});

describe('mapXeroAuPayItems', () => {
  it('maps each kind to its type, with superseded items archived', () => {
    const items = mapXeroAuPayItems(
      au<PayItem>('PayItem', {
        EarningsRates: [
          {
            EarningsRateID: 'er',
            Name: 'Overtime',
            RateType: 'MULTIPLE',
            Multiplier: 1.5,
            AccountCode: '477',
            CurrentRecord: true,
          },
        ],
        DeductionTypes: [
          { DeductionTypeID: 'dt', Name: 'Union Fees', AccountCode: '880', CurrentRecord: false },
        ],
        LeaveTypes: [{ LeaveTypeID: 'lt', Name: 'Annual Leave' }],
        ReimbursementTypes: [{ ReimbursementTypeID: 'rt', Name: 'Travel', AccountCode: '429' }],
      }),
    );
    expect(items.map((i) => [i.xeroId, i.fields.type, i.fields.status, i.tombstone])).toEqual([
      ['er', PayItemType.EARNINGS, RecordStatus.ACTIVE, null],
      ['dt', PayItemType.DEDUCTION, RecordStatus.ARCHIVED, 'ARCHIVED'],
      ['lt', PayItemType.LEAVE, RecordStatus.ACTIVE, null],
      ['rt', PayItemType.REIMBURSEMENT, RecordStatus.ACTIVE, null],
    ]);
    expect(items[0].fields).toMatchObject({
      rateType: 'MULTIPLE',
      multiplier: '1.5',
      accountCode: '477',
      ratePerUnit: null,
    });
  });

  it('is total: no PayItems object gives no pay items', () => {
    expect(mapXeroAuPayItems(undefined)).toEqual([]);
  });
});

describe('Payroll AU calendars, pay runs, timesheets and leave', () => {
  it.each(Object.values(ScheduleType))('maps CalendarType %s', (type) => {
    expect(
      mapXeroAuPayrollCalendar(
        au('PayrollCalendar', { PayrollCalendarID: 'c', Name: 'N', CalendarType: type }),
      ).fields.scheduleType,
    ).toBe(type);
  });

  it.each(Object.values(PayRunStatus))('maps PayRunStatus %s', (status) => {
    expect(
      mapXeroAuPayRun(au('PayRun', { PayRunID: 'r', PayrollCalendarID: 'c', PayRunStatus: status })).fields
        .status,
    ).toBe(status);
  });

  it.each(Object.values(TimeSheetStatus))('maps Timesheet Status %s', (status) => {
    expect(
      mapXeroAuTimesheet(
        au('Timesheet', {
          TimesheetID: 't',
          EmployeeID: 'e',
          StartDate: '2026-01-05',
          EndDate: '2026-01-11',
          Status: status,
        }),
      ).fields.status,
    ).toBe(status);
  });

  it('totals timesheet hours exactly from the units when Hours is absent (rule 18)', () => {
    const mapped = mapXeroAuTimesheet(
      au('Timesheet', {
        TimesheetID: 't',
        EmployeeID: 'e',
        StartDate: '/Date(1767571200000+0000)/',
        EndDate: '2026-01-11T00:00:00',
        TimesheetLines: [
          { EarningsRateID: 'ordinary', NumberOfUnits: [7.6, 7.6, 8, 7.6, 6.1, 0, 0] },
          { EarningsRateID: 'overtime', NumberOfUnits: [0.1, 0.2] },
        ],
      }),
    );
    expect(mapped.fields).toMatchObject({
      startDate: '2026-01-05',
      endDate: '2026-01-11',
      hours: '37.2',
      status: TimeSheetStatus.DRAFT,
    });
    expect(mapped.children.lines[0].fields.units).toEqual(['7.6', '7.6', '8', '7.6', '6.1', '0', '0']);
  });

  it('maps a leave application with its periods', () => {
    const mapped = mapXeroAuLeaveApplication(
      au('LeaveApplication', {
        LeaveApplicationID: 'la',
        EmployeeID: 'e',
        LeaveTypeID: 'annual',
        Title: 'Summer holiday',
        StartDate: '2026-01-19',
        EndDate: '2026-01-23',
        LeavePeriods: [
          {
            PayPeriodStartDate: '2026-01-19',
            PayPeriodEndDate: '2026-01-25',
            NumberOfUnits: 38,
            LeavePeriodStatus: 'SCHEDULED',
          },
        ],
      }),
    );
    expect(mapped.references).toEqual({
      employeeId: { entity: 'Employee', xeroId: 'e' },
      payItemId: { entity: 'PayItem', xeroId: 'annual' },
    });
    expect(mapped.children.periods[0].fields).toEqual({
      startDate: '2026-01-19',
      endDate: '2026-01-25',
      units: '38',
      status: 'SCHEDULED',
    });
  });

  it('is total: empty timesheets, pay runs and leave report their missing fields without throwing', () => {
    expect(mapXeroAuTimesheet(au('Timesheet', {})).missing).toEqual(['StartDate', 'EndDate', 'TimesheetID']);
    expect(mapXeroAuPayRun(au('PayRun', {})).missing).toEqual(['PayRunID']);
    expect(mapXeroAuLeaveApplication(au('LeaveApplication', { LeavePeriods: [{}] })).missing).toHaveLength(5);
    expect(mapXeroAuPayrollCalendar(au('PayrollCalendar', {})).warnings).toHaveLength(1);
  });
});
