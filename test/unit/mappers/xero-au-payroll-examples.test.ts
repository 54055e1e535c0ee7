import { describe, expect, it } from 'vitest';
import type {
  Employee,
  LeaveApplication,
  PayItem,
  PayRun,
  PayrollCalendar,
  Timesheet,
} from 'xero-node/dist/gen/model/payroll-au/models.js';
import { EmployeeStatus } from '../../../src/schema/enums.js';
import { decimal } from '../../../src/sync/mappers/decimal.util.js';
import { mapXeroAuEmployee } from '../../../src/sync/mappers/xero-au-employee.mapper.js';
import { mapXeroAuLeaveApplication } from '../../../src/sync/mappers/xero-au-leave-application.mapper.js';
import { mapXeroAuPayItems } from '../../../src/sync/mappers/xero-au-pay-items.mapper.js';
import { mapXeroAuPayRun } from '../../../src/sync/mappers/xero-au-pay-run.mapper.js';
import { mapXeroAuPayrollCalendar } from '../../../src/sync/mappers/xero-au-payroll-calendar.mapper.js';
import { mapXeroAuTimesheet } from '../../../src/sync/mappers/xero-au-timesheet.mapper.js';
import { fromXero, modelExamples } from './openapi-examples.js';

type Raw = Record<string, unknown>;
const _au = <T>(type: string, json: Raw) => fromXero<T>('payroll-au', type, json);

describe('Payroll AU mappers with the OpenAPI examples', () => {
  it.each(modelExamples<Employee>('payroll-au', 'Employees', 'employees'))(
    'maps employee $label',
    ({ raw, model }) => {
      const { employee, salaries } = mapXeroAuEmployee(model);
      expect(employee).toMatchObject({ entity: 'Employee', xeroId: raw.EmployeeID, missing: [] });
      expect(employee.fields.status).toBe(raw.Status ?? EmployeeStatus.ACTIVE);
      expect(employee.fields.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const lines = ((raw.PayTemplate as Raw | undefined)?.EarningsLines as unknown[] | undefined) ?? [];
      expect(salaries).toHaveLength(lines.length);
    },
  );

  it.each(modelExamples<PayItem>('payroll-au', 'PayItems', 'payItems'))(
    'maps pay items $label',
    ({ raw, model }) => {
      const items = mapXeroAuPayItems(model);
      const count = ['EarningsRates', 'DeductionTypes', 'LeaveTypes', 'ReimbursementTypes'].reduce(
        (n, k) => n + ((raw[k] as unknown[] | undefined)?.length ?? 0),
        0,
      );
      expect(items).toHaveLength(count);
      for (const item of items) expect(item.missing).toEqual([]);
    },
  );

  it.each(modelExamples<PayrollCalendar>('payroll-au', 'PayrollCalendars', 'payrollCalendars'))(
    'maps calendar $label',
    ({ raw, model }) => {
      const mapped = mapXeroAuPayrollCalendar(model);
      expect(mapped).toMatchObject({
        entity: 'PaySchedule',
        xeroId: raw.PayrollCalendarID,
        missing: [],
        warnings: [],
      });
      expect(mapped.fields.scheduleType).toBe(raw.CalendarType);
    },
  );

  it.each(modelExamples<PayRun>('payroll-au', 'PayRuns', 'payRuns'))(
    'maps pay run $label',
    ({ raw, model }) => {
      const mapped = mapXeroAuPayRun(model);
      expect(mapped).toMatchObject({ entity: 'PayRun', xeroId: raw.PayRunID, missing: [] });
      expect(mapped.fields.status).toBe(raw.PayRunStatus);
      expect(mapped.fields.superannuation).toBe(decimal(raw.Super) ?? '0');
      expect(mapped.children.payslips).toHaveLength(((raw.Payslips as unknown[]) ?? []).length);
    },
  );

  it.each([
    ...modelExamples<Timesheet>('payroll-au', 'Timesheets', 'timesheets'),
    ...modelExamples<Timesheet>('payroll-au', 'TimesheetObject', 'timesheet'),
  ])('maps timesheet $label', ({ raw, model }) => {
    const mapped = mapXeroAuTimesheet(model);
    expect(mapped).toMatchObject({ entity: 'TimeSheet', xeroId: raw.TimesheetID, missing: [] });
    expect(mapped.fields.status).toBe(raw.Status);
    expect(mapped.children.lines).toHaveLength(((raw.TimesheetLines as unknown[]) ?? []).length);
  });

  it.each(modelExamples<LeaveApplication>('payroll-au', 'LeaveApplications', 'leaveApplications'))(
    'maps leave $label',
    ({ raw, model }) => {
      const mapped = mapXeroAuLeaveApplication(model);
      expect(mapped).toMatchObject({ entity: 'LeaveApplication', xeroId: raw.LeaveApplicationID });
      expect(mapped.children.periods).toHaveLength(((raw.LeavePeriods as unknown[]) ?? []).length);
    },
  );
});
