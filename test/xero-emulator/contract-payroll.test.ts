import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { XeroClient } from 'xero-node';
import { type RunningXeroEmulator, startXeroEmulator } from '../../src/xero-emulator/index.js';
import { EMPLOYEE_SUMMARY_FIELDS } from '../../src/xero-emulator/payroll/payroll-au.routes.js';
import { REFERENCE_TODAY } from '../../src/xero-emulator/seed/seed-calendar.js';
import { mintTokens, rawApi, xeroClientFor, xeroError } from './support/emulator-client.js';
import { validateResponse } from './support/spec-validator.js';

let emu: RunningXeroEmulator;
let xero: XeroClient;
let au: string;

const valid = (path: string, method: string, res: { response: { status: number; data: unknown } }) =>
  expect(
    validateResponse('xero-payroll-au.yaml', path, method, res.response.status, res.response.data),
  ).toEqual([]);

beforeAll(async () => {
  emu = await startXeroEmulator({ today: REFERENCE_TODAY, limits: { perMinute: 10_000 } });
  xero = await xeroClientFor(emu);
  au = emu.organisations.find((o) => o.countryCode === 'AU')!.tenantId;
});
afterAll(() => emu.stop());

describe('Payroll AU through the real xero-node client', () => {
  it('lists employees, pay items, calendars, pay runs, timesheets, leave and settings', async () => {
    const employees = await xero.payrollAUApi.getEmployees(au);
    valid('/Employees', 'get', employees);
    expect(employees.body.employees!.length).toBeGreaterThanOrEqual(5);
    valid(
      '/Employees/{EmployeeID}',
      'get',
      await xero.payrollAUApi.getEmployee(au, employees.body.employees![0].employeeID!),
    );
    const items = await xero.payrollAUApi.getPayItems(au);
    valid('/PayItems', 'get', items);
    expect(items.body.payItems!.earningsRates!.length).toBeGreaterThan(0);
    valid('/PayrollCalendars', 'get', await xero.payrollAUApi.getPayrollCalendars(au));
    const runs = await xero.payrollAUApi.getPayRuns(au);
    valid('/PayRuns', 'get', runs);
    const run = await xero.payrollAUApi.getPayRun(au, runs.body.payRuns![0].payRunID!);
    valid('/PayRuns/{PayRunID}', 'get', run);
    const slipId = run.body.payRuns![0].payslips![0].payslipID!;
    valid('/Payslip/{PayslipID}', 'get', await xero.payrollAUApi.getPayslip(au, slipId));
    const sheets = await xero.payrollAUApi.getTimesheets(au);
    valid('/Timesheets', 'get', sheets);
    valid(
      '/Timesheets/{TimesheetID}',
      'get',
      await xero.payrollAUApi.getTimesheet(au, sheets.body.timesheets![0].timesheetID!),
    );
    valid('/LeaveApplications', 'get', await xero.payrollAUApi.getLeaveApplications(au));
    valid('/Settings', 'get', await xero.payrollAUApi.getSettings(au));
  });

  it('lists employees as summaries: HomeAddress, JobTitle, PayTemplate and TaxDeclaration only by id', async () => {
    const api = rawApi(emu, (await mintTokens(emu)).access_token, au);
    const listed = (await api.get('/payroll.xro/1.0/Employees')).body.Employees as Array<
      Record<string, unknown>
    >;
    expect(listed.length).toBeGreaterThanOrEqual(5);
    for (const summary of listed) {
      expect(Object.keys(summary).filter((k) => !EMPLOYEE_SUMMARY_FIELDS.includes(k))).toEqual([]);
      for (const k of ['EmployeeID', 'FirstName', 'LastName', 'Status', 'UpdatedDateUTC'])
        expect(summary[k]).toBeDefined();
      const full = (await api.get(`/payroll.xro/1.0/Employees/${summary.EmployeeID}`)).body.Employees[0];
      for (const k of ['HomeAddress', 'JobTitle', 'PayTemplate', 'TaxDeclaration']) {
        expect(summary[k], k).toBeUndefined();
        expect(full[k], `${k} of ${summary.FirstName}`).toBeDefined();
      }
      for (const k of Object.keys(summary)) expect(full[k], k).toEqual(summary[k]);
    }
  });

  it('creates and updates employees, timesheets, leave (approve/reject), pay runs and pay items', async () => {
    const items = (await xero.payrollAUApi.getPayItems(au)).body.payItems!;
    const calendars = (await xero.payrollAUApi.getPayrollCalendars(au)).body.payrollCalendars!;
    const created = await xero.payrollAUApi.createEmployee(au, [
      {
        firstName: 'Ada',
        lastName: 'Lovelace',
        dateOfBirth: '1990-12-10T00:00:00',
        payrollCalendarID: calendars[0].payrollCalendarID,
      },
    ]);
    valid('/Employees', 'post', created);
    const emp = created.body.employees![0];
    const updated = await xero.payrollAUApi.updateEmployee(au, emp.employeeID!, [
      { firstName: 'Ada', lastName: 'Byron', dateOfBirth: '1990-12-10T00:00:00' },
    ]);
    valid('/Employees/{EmployeeID}', 'post', updated);
    expect(updated.body.employees![0].lastName).toBe('Byron');
    const sheet = await xero.payrollAUApi.createTimesheet(au, [
      {
        employeeID: emp.employeeID!,
        startDate: '2026-03-02',
        endDate: '2026-03-04',
        timesheetLines: [
          { earningsRateID: items.earningsRates![0].earningsRateID, numberOfUnits: [8, 7.5, 6] },
        ],
      },
    ]);
    valid('/Timesheets', 'post', sheet);
    expect(sheet.body.timesheets![0].hours).toBe(21.5);
    const leave = await xero.payrollAUApi.createLeaveApplication(au, [
      {
        employeeID: emp.employeeID,
        leaveTypeID: items.leaveTypes![0].leaveTypeID,
        title: 'Holiday',
        startDate: '2026-04-01',
        endDate: '2026-04-02',
      },
    ]);
    valid('/LeaveApplications', 'post', leave);
    const approved = await xero.payrollAUApi.approveLeaveApplication(
      au,
      leave.body.leaveApplications![0].leaveApplicationID!,
    );
    valid('/LeaveApplications/{LeaveApplicationID}/approve', 'post', approved);
    expect(approved.body.leaveApplications![0].leavePeriods![0].leavePeriodStatus).toBe('SCHEDULED');
    const rejected = await xero.payrollAUApi.rejectLeaveApplication(
      au,
      leave.body.leaveApplications![0].leaveApplicationID!,
    );
    expect(rejected.body.leaveApplications![0].leavePeriods![0].leavePeriodStatus).toBe('REJECTED');
    const run = await xero.payrollAUApi.createPayRun(au, [
      { payrollCalendarID: calendars[0].payrollCalendarID! },
    ]);
    valid('/PayRuns', 'post', run);
    expect(run.body.payRuns![0].payslips!.length).toBeGreaterThan(0);
    const payItem = await xero.payrollAUApi.createPayItem(au, {
      earningsRates: [
        { name: 'Night Shift', accountCode: '477', typeOfUnits: 'Hours', isQualifyingEarnings: false },
      ],
    });
    valid('/PayItems', 'post', payItem);
    expect(payItem.body.payItems!.earningsRates!.map((e) => e.name)).toContain('Night Shift');
  });

  it('refuses an employee without DateOfBirth with a validation error', async () => {
    const err = await xeroError(
      xero.payrollAUApi.createEmployee(au, [{ firstName: 'No', lastName: 'Birthday' } as never]),
    );
    expect(err.response.statusCode).toBe(400);
    expect(JSON.stringify(err.response.body)).toContain('DateOfBirth is required.');
  });

  it('answers 401 without a payroll scope and 403 for a region without payroll', async () => {
    const noPayroll = await xeroClientFor(
      emu,
      await mintTokens(emu, { scopes: ['accounting.transactions'] }),
    );
    expect((await xeroError(noPayroll.payrollAUApi.getEmployees(au))).response.statusCode).toBe(401);
    const uk = emu.organisations.find((o) => o.countryCode === 'GB')!.tenantId;
    expect((await xeroError(xero.payrollAUApi.getEmployees(uk))).response.statusCode).toBe(403);
  });
});

describe('Payroll US (legacy surface) for the US organisation', () => {
  it('lists employees with work locations and salary, pay schedules, pay items, pay runs, timesheets', async () => {
    const us = emu.organisations.find((o) => o.countryCode === 'US')!.tenantId;
    const api = rawApi(emu, (await mintTokens(emu)).access_token, us);
    const employees = (await api.get('/payroll.xro/1.0/Employees')).body.Employees;
    expect(employees[0].WorkLocations[0].WorkLocationID).toMatch(/^[0-9a-f-]{36}$/);
    expect(employees[0].SalaryAndWages[0].SalaryWagesType).toBe('ANNUALSALARY');
    for (const p of ['PaySchedules', 'WorkLocations', 'PayRuns', 'Timesheets']) {
      const res = await api.get(`/payroll.xro/1.0/${p}`);
      expect(res.status).toBe(200);
      expect(res.body[p].length).toBeGreaterThan(0);
    }
    expect(Object.keys((await api.get('/payroll.xro/1.0/PayItems')).body.PayItems)).toContain(
      'EarningsTypes',
    );
  });
});
