import { sendEnvelope } from '../accounting/envelope.js';
import type { Rec } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { round2 } from '../core/render.js';
import { Router } from '../core/router.js';
import type { ApiContext } from '../state/emulator-context.js';
import type { OrgState } from '../state/org-state.js';
import { registerPayrollResource, renderPayroll, requireFields } from './payroll-common.js';

/**
 * SalaryAndWages as sent replace the employee's list. Xero gives each entry its SalaryAndWagesID; an entry
 * sent with one updates that entry, which must be the employee's, and names a known earnings type.
 */
function salaryAndWages(org: OrgState, rec: Rec, existing: Rec | undefined, errors: string[]): Rec[] {
  const earningsTypes = new Set(
    ((org.payroll.payItems.EarningsTypes as Rec[] | undefined) ?? []).map((e) => String(e.EarningsTypeID)),
  );
  const own = new Set(
    ((existing?.SalaryAndWages as Rec[] | undefined) ?? []).map((s) => String(s.SalaryAndWagesID)),
  );
  return ((rec.SalaryAndWages as Rec[] | undefined) ?? []).map((entry) => {
    if (entry.SalaryAndWagesID && !own.has(String(entry.SalaryAndWagesID)))
      errors.push(`SalaryAndWagesID ${String(entry.SalaryAndWagesID)} is not valid.`);
    if (!earningsTypes.has(String(entry.EarningsTypeID)))
      errors.push(`EarningsTypeID ${String(entry.EarningsTypeID)} is not valid.`);
    return { ...entry, SalaryAndWagesID: entry.SalaryAndWagesID ?? newId() };
  });
}

/** Xero's legacy US Payroll surface (retired by Xero; kept so the US mapping is exercised). See README. */
export function payrollUsRouter(): Router<ApiContext> {
  const r = new Router<ApiContext>();
  registerPayrollResource(r, {
    path: '/Employees',
    key: 'Employees',
    idField: 'EmployeeID',
    coll: (org) => org.payroll.employees,
    validate(ctx, rec, existing, errors) {
      requireFields(rec, ['FirstName', 'LastName', 'DateOfBirth'], errors);
      if (rec.PayScheduleID && !ctx.org.payroll.calendars.get(String(rec.PayScheduleID)))
        errors.push('PayScheduleID is not valid.');
      for (const wl of (rec.WorkLocations as Rec[] | undefined) ?? []) {
        if (!ctx.org.payroll.workLocations.get(String(wl.WorkLocationID)))
          errors.push(`WorkLocationID ${String(wl.WorkLocationID)} is not valid.`);
      }
      rec.Status = rec.Status ?? 'ACTIVE';
      rec.WorkLocations = rec.WorkLocations ?? [];
      rec.SalaryAndWages = salaryAndWages(ctx.org, rec, existing, errors);
      return rec;
    },
  });
  registerPayrollResource(r, {
    path: '/PaySchedules',
    key: 'PaySchedules',
    idField: 'PayScheduleID',
    coll: (org) => org.payroll.calendars,
    validate(_ctx, rec, _existing, errors) {
      requireFields(rec, ['PayScheduleName', 'PaymentFrequency', 'StartDate', 'FirstPaymentDate'], errors);
      return rec;
    },
  });
  registerPayrollResource(r, {
    path: '/WorkLocations',
    key: 'WorkLocations',
    idField: 'WorkLocationID',
    coll: (org) => org.payroll.workLocations,
    validate(_ctx, rec, _existing, errors) {
      requireFields(rec, ['StreetAddress', 'City', 'State', 'Zip'], errors);
      rec.IsPrimary = rec.IsPrimary === true;
      return rec;
    },
  });
  registerPayrollResource(r, {
    path: '/Timesheets',
    key: 'Timesheets',
    idField: 'TimesheetID',
    coll: (org) => org.payroll.timesheets,
    validate(ctx, rec, _existing, errors) {
      requireFields(rec, ['EmployeeID', 'StartDate', 'EndDate'], errors);
      if (rec.EmployeeID && !ctx.org.payroll.employees.get(String(rec.EmployeeID)))
        errors.push('EmployeeID is not valid.');
      const lines = (rec.TimesheetLines as Rec[] | undefined) ?? [];
      rec.Hours = round2(lines.reduce((s, l) => s + Number(l.Units ?? 0), 0));
      rec.Status = rec.Status ?? 'DRAFT';
      return rec;
    },
  });
  registerPayrollResource(r, {
    path: '/PayRuns',
    key: 'PayRuns',
    idField: 'PayRunID',
    coll: (org) => org.payroll.payRuns,
    validate(ctx, rec, existing, errors) {
      requireFields(rec, ['PayScheduleID'], errors);
      if (rec.PayScheduleID && !ctx.org.payroll.calendars.get(String(rec.PayScheduleID)))
        errors.push('PayScheduleID is not valid.');
      if (existing?.PayRunStatus === 'POSTED') errors.push('A posted pay run cannot be changed.');
      rec.PayRunStatus = rec.PayRunStatus ?? 'DRAFT';
      return rec;
    },
  });
  r.add('GET', '/PayItems', (ctx) => sendEnvelope(ctx, 'PayItems', renderPayroll(ctx.org.payroll.payItems)));
  return r;
}
