import { envelope, sendEnvelope } from '../accounting/envelope.js';
import { parseJsonBody, withIdempotency } from '../accounting/write-pipeline.js';
import { notFound, type Rec, validationFailure } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { round2 } from '../core/render.js';
import { Router } from '../core/router.js';
import { dateToMs } from '../core/xero-date.js';
import type { ApiContext } from '../state/emulator-context.js';
import type { OrgState } from '../state/org-state.js';
import { registerPayrollResource, renderPayroll, requireFields } from './payroll-common.js';
import { buildPayslips } from './payslips.js';

const earningsRateIds = (org: OrgState) =>
  new Set(((org.payroll.payItems.EarningsRates as Rec[]) ?? []).map((e) => String(e.EarningsRateID)));
const leaveTypeIds = (org: OrgState) =>
  new Set(((org.payroll.payItems.LeaveTypes as Rec[]) ?? []).map((e) => String(e.LeaveTypeID)));

/**
 * Xero keeps at most one draft pay run per payroll calendar; creating another is refused with this
 * message (as integrations report it, e.g. support.easyemployer.com "Xero | Error Handling").
 */
const hasDraftPayRun = (org: OrgState, calendarId: string) =>
  org.payroll.payRuns
    .all()
    .some((run) => run.PayrollCalendarID === calendarId && run.PayRunStatus === 'DRAFT');

/** Leave paid in a posted pay run: Xero does not let it change (nor be approved or rejected again). */
const isProcessed = (leave: Rec) =>
  ((leave.LeavePeriods as Rec[] | undefined) ?? []).some((p) => p.LeavePeriodStatus === 'PROCESSED');

/**
 * Posting a pay run pays the approved (SCHEDULED) leave of its employees that falls in its period: those
 * leave periods become PROCESSED, as Xero shows leave once a pay run has paid it.
 */
function processLeave(ctx: ApiContext, run: Rec): void {
  const paid = new Set(((run.Payslips as Rec[] | undefined) ?? []).map((slip) => String(slip.EmployeeID)));
  const start = String(run.PayRunPeriodStartDate);
  const end = String(run.PayRunPeriodEndDate);
  for (const leave of ctx.org.payroll.leaveApplications.all()) {
    if (!paid.has(String(leave.EmployeeID))) continue;
    let changed = false;
    const periods = ((leave.LeavePeriods as Rec[] | undefined) ?? []).map((period) => {
      const inRun = String(period.PayPeriodStartDate) <= end && String(period.PayPeriodEndDate) >= start;
      if (!inRun || period.LeavePeriodStatus !== 'SCHEDULED') return period;
      changed = true;
      return { ...period, LeavePeriodStatus: 'PROCESSED' };
    });
    if (changed) {
      ctx.org.payroll.leaveApplications.put({
        ...leave,
        LeavePeriods: periods,
        UpdatedDateUTC: ctx.emu.clock.now(),
      });
    }
  }
}

const CALCULATION_TYPES = ['USEEARNINGSRATE', 'ENTEREARNINGSRATE', 'ANNUALSALARY'];

/**
 * A pay template sent with an employee replaces the one Xero holds (POST merges top-level fields only);
 * each earnings line names a known earnings rate (EarningsLine.EarningsRateID is required) and one of
 * the spec's EarningsRateCalculationType values.
 */
function checkEarningsLines(org: OrgState, rec: Rec, errors: string[]): void {
  const lines = ((rec.PayTemplate as Rec | undefined)?.EarningsLines as Rec[] | undefined) ?? [];
  const rates = earningsRateIds(org);
  for (const line of lines) {
    if (!line.EarningsRateID) errors.push('EarningsRateID is required.');
    else if (!rates.has(String(line.EarningsRateID)))
      errors.push(`EarningsRateID ${String(line.EarningsRateID)} is not valid.`);
    if (line.CalculationType !== undefined && !CALCULATION_TYPES.includes(String(line.CalculationType)))
      errors.push(`CalculationType ${String(line.CalculationType)} is not valid.`);
  }
}

function timesheetDays(rec: Rec): number {
  return Math.round((dateToMs(String(rec.EndDate)) - dateToMs(String(rec.StartDate))) / 86_400_000) + 1;
}

/**
 * What `GET /Employees` answers for each employee: Xero's list is a summary ("By default using GET
 * Employees will return a summarised list"); HomeAddress, JobTitle, PayTemplate, TaxDeclaration, bank
 * accounts, super memberships, balances and the rest come only from `GET /Employees/{EmployeeID}`.
 * https://developer.xero.com/documentation/api/payrollau/employees
 */
export const EMPLOYEE_SUMMARY_FIELDS = [
  'EmployeeID',
  'FirstName',
  'MiddleNames',
  'LastName',
  'Status',
  'Email',
  'DateOfBirth',
  'Gender',
  'Phone',
  'Mobile',
  'StartDate',
  'TerminationDate',
  'OrdinaryEarningsRateID',
  'PayrollCalendarID',
  'EmployeeGroupName',
  'UpdatedDateUTC',
];

const employeeSummary = (rec: Rec): Rec =>
  renderPayroll(Object.fromEntries(EMPLOYEE_SUMMARY_FIELDS.filter((k) => k in rec).map((k) => [k, rec[k]])));

export function payrollAuRouter(): Router<ApiContext> {
  const r = new Router<ApiContext>();
  registerPayrollResource(r, {
    path: '/Employees',
    key: 'Employees',
    idField: 'EmployeeID',
    coll: (org) => org.payroll.employees,
    renderListed: (_org, rec) => employeeSummary(rec),
    validate(ctx, rec, existing, errors) {
      requireFields(rec, ['FirstName', 'LastName', 'DateOfBirth'], errors);
      if (rec.PayrollCalendarID && !ctx.org.payroll.calendars.get(String(rec.PayrollCalendarID)))
        errors.push('PayrollCalendarID is not valid.');
      // Since Single Touch Payroll phase 2 a termination needs its reason (XeroAPI/Xero-Java#295).
      if (rec.TerminationDate && rec.TerminationDate !== existing?.TerminationDate && !rec.TerminationReason)
        errors.push('Termination reason is required');
      checkEarningsLines(ctx.org, rec, errors);
      // The spec's EmployeeStatus: ACTIVE has no termination date, TERMINATED has one.
      rec.Status = rec.TerminationDate ? 'TERMINATED' : 'ACTIVE';
      return rec;
    },
  });
  registerPayrollResource(r, {
    path: '/PayrollCalendars',
    key: 'PayrollCalendars',
    idField: 'PayrollCalendarID',
    coll: (org) => org.payroll.calendars,
    validate(_ctx, rec, _existing, errors) {
      requireFields(rec, ['Name', 'CalendarType', 'StartDate', 'PaymentDate'], errors);
      return rec;
    },
  });
  registerPayrollResource(r, {
    path: '/Timesheets',
    key: 'Timesheets',
    singleKey: 'Timesheet',
    idField: 'TimesheetID',
    coll: (org) => org.payroll.timesheets,
    validate(ctx, rec, existing, errors) {
      requireFields(rec, ['EmployeeID', 'StartDate', 'EndDate'], errors);
      if (existing && existing.Status === 'PROCESSED')
        errors.push('A processed timesheet cannot be changed.');
      if (rec.EmployeeID && !ctx.org.payroll.employees.get(String(rec.EmployeeID)))
        errors.push('EmployeeID is not valid.');
      if (errors.length) return rec;
      const days = timesheetDays(rec);
      if (days < 1) errors.push('EndDate must be on or after StartDate.');
      const rates = earningsRateIds(ctx.org);
      let hours = 0;
      for (const line of (rec.TimesheetLines as Rec[] | undefined) ?? []) {
        if (!rates.has(String(line.EarningsRateID)))
          errors.push(`EarningsRateID ${String(line.EarningsRateID)} is not valid.`);
        const units = Array.isArray(line.NumberOfUnits) ? (line.NumberOfUnits as number[]) : [];
        if (units.length !== days)
          errors.push(`Each timesheet line needs ${days} NumberOfUnits, one per day of the period.`);
        hours += units.reduce((s, u) => s + Number(u || 0), 0);
      }
      rec.TimesheetLines = rec.TimesheetLines ?? [];
      rec.Hours = round2(hours);
      rec.Status = rec.Status ?? 'DRAFT';
      return rec;
    },
  });
  registerPayrollResource(r, {
    path: '/LeaveApplications',
    key: 'LeaveApplications',
    idField: 'LeaveApplicationID',
    coll: (org) => org.payroll.leaveApplications,
    validate(ctx, rec, existing, errors) {
      requireFields(rec, ['EmployeeID', 'LeaveTypeID', 'Title', 'StartDate', 'EndDate'], errors);
      if (existing && isProcessed(existing)) errors.push('Leave that has been processed cannot be changed.');
      if (rec.EmployeeID && !ctx.org.payroll.employees.get(String(rec.EmployeeID)))
        errors.push('EmployeeID is not valid.');
      if (rec.LeaveTypeID && !leaveTypeIds(ctx.org).has(String(rec.LeaveTypeID)))
        errors.push('LeaveTypeID is not valid.');
      // Xero works the periods out from the dates unless they are sent: again when an update moves them.
      const sentPeriods = Array.isArray(rec.LeavePeriods) && rec.LeavePeriods !== existing?.LeavePeriods;
      const moved = !existing || rec.StartDate !== existing.StartDate || rec.EndDate !== existing.EndDate;
      if (!errors.length && !sentPeriods && moved) {
        const days = timesheetDays(rec);
        const status = ((existing?.LeavePeriods as Rec[] | undefined) ?? [])[0]?.LeavePeriodStatus;
        rec.LeavePeriods = [
          {
            PayPeriodStartDate: rec.StartDate,
            PayPeriodEndDate: rec.EndDate,
            // 7.6 hours a day, as Xero's decimal: days * 7.6 in floats is 22.799999999999997 for 3 days.
            NumberOfUnits: (days * 76) / 10,
            LeavePeriodStatus: status ?? 'REQUESTED',
          },
        ];
      }
      return rec;
    },
  });
  for (const action of ['approve', 'reject'] as const) {
    r.add('POST', `/LeaveApplications/:id/${action}`, (ctx) =>
      withIdempotency(ctx, () => {
        const rec = ctx.org.payroll.leaveApplications.get(ctx.params.id);
        if (!rec) throw notFound();
        const status = action === 'approve' ? 'SCHEDULED' : 'REJECTED';
        const periods = (rec.LeavePeriods as Rec[]) ?? [];
        if (isProcessed(rec)) {
          throw validationFailure({ LeaveApplicationID: rec.LeaveApplicationID }, [
            'Leave that has been processed cannot be changed.',
          ]);
        }
        const updated = {
          ...rec,
          LeavePeriods: periods.map((p) => ({ ...p, LeavePeriodStatus: status })),
          UpdatedDateUTC: ctx.emu.clock.now(),
        };
        ctx.org.payroll.leaveApplications.put(updated);
        ctx.emu.markDirty();
        return { status: 200, body: envelope(ctx, 'LeaveApplications', [renderPayroll(updated)]) };
      }),
    );
  }
  registerPayrollResource(r, {
    path: '/PayRuns',
    key: 'PayRuns',
    idField: 'PayRunID',
    coll: (org) => org.payroll.payRuns,
    validate(ctx, rec, existing, errors) {
      requireFields(rec, ['PayrollCalendarID'], errors);
      const cal = ctx.org.payroll.calendars.get(String(rec.PayrollCalendarID ?? ''));
      if (rec.PayrollCalendarID && !cal) errors.push('PayrollCalendarID is not valid.');
      if (existing?.PayRunStatus === 'POSTED') errors.push('A posted pay run cannot be changed.');
      if (!existing && hasDraftPayRun(ctx.org, String(rec.PayrollCalendarID)))
        errors.push('There can only be one draft pay run per calendar.');
      if (errors.length || !cal) return rec;
      rec.PayRunStatus = rec.PayRunStatus ?? 'DRAFT';
      if (!existing) Object.assign(rec, buildPayslips(ctx.org, rec, cal));
      return rec;
    },
    afterWrite(ctx, rec, existing) {
      if (existing?.PayRunStatus === 'DRAFT' && rec.PayRunStatus === 'POSTED') processLeave(ctx, rec);
    },
    renderOne: (_org, rec) => renderPayroll(rec),
  });
  r.add('GET', '/Payslip/:id', (ctx) => {
    const slip = ctx.org.payroll.payslips.get(ctx.params.id);
    if (!slip) throw notFound();
    sendEnvelope(ctx, 'Payslip', renderPayroll(slip));
  });
  r.add('GET', '/PayItems', (ctx) => sendEnvelope(ctx, 'PayItems', renderPayroll(ctx.org.payroll.payItems)));
  r.add('POST', '/PayItems', (ctx) =>
    withIdempotency(ctx, () => {
      const body = parseJsonBody(ctx.body) as Rec;
      const now = ctx.emu.clock.now();
      const current = ctx.org.payroll.payItems;
      const idFields: Record<string, string> = {
        EarningsRates: 'EarningsRateID',
        DeductionTypes: 'DeductionTypeID',
        LeaveTypes: 'LeaveTypeID',
        ReimbursementTypes: 'ReimbursementTypeID',
      };
      const next: Rec = { ...current };
      for (const [list, idField] of Object.entries(idFields)) {
        if (!Array.isArray(body[list])) continue;
        const byId = new Map(((current[list] as Rec[]) ?? []).map((x) => [String(x[idField]), x]));
        for (const item of body[list] as Rec[]) {
          if (!item.Name) throw validationFailure(item, [`Name is required for ${list}.`]);
          const id = String(item[idField] ?? newId());
          const merged: Rec = { ...(byId.get(id) ?? {}), ...item, [idField]: id, UpdatedDateUTC: now };
          // Required by Xero's schema for earnings rates and leave types.
          if (
            (list === 'EarningsRates' || list === 'LeaveTypes') &&
            merged.IsQualifyingEarnings === undefined
          )
            merged.IsQualifyingEarnings = false;
          if (typeof merged.RatePerUnit === 'number') merged.RatePerUnit = merged.RatePerUnit.toFixed(2);
          byId.set(id, merged);
        }
        next[list] = [...byId.values()];
      }
      ctx.org.payroll.payItems = next;
      ctx.emu.markDirty();
      return { status: 200, body: envelope(ctx, 'PayItems', renderPayroll(next)) };
    }),
  );
  r.add('GET', '/Settings', (ctx) => sendEnvelope(ctx, 'Settings', renderPayroll(ctx.org.payroll.settings)));
  return r;
}
