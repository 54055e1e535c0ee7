import type { Rec } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { round2 } from '../core/render.js';
import { addDays } from '../core/xero-date.js';
import type { OrgState } from '../state/org-state.js';

const PERIOD_DAYS: Record<string, number> = {
  WEEKLY: 7,
  FORTNIGHTLY: 14,
  FOURWEEKLY: 28,
  MONTHLY: 30,
  TWICEMONTHLY: 15,
  QUARTERLY: 91,
};
const PERIODS_PER_YEAR: Record<string, number> = {
  WEEKLY: 52,
  FORTNIGHTLY: 26,
  FOURWEEKLY: 13,
  MONTHLY: 12,
  TWICEMONTHLY: 24,
  QUARTERLY: 4,
};

/** A simple AU pay calculation: salary per period, flat PAYG tax and 11.5% super. */
export function buildPayslips(org: OrgState, run: Rec, calendar: Rec): Rec {
  const type = String(calendar.CalendarType ?? 'WEEKLY');
  const start = String(run.PayRunPeriodStartDate ?? calendar.StartDate);
  const end = String(run.PayRunPeriodEndDate ?? addDays(start, (PERIOD_DAYS[type] ?? 7) - 1));
  const summaries: Rec[] = [];
  let wages = 0;
  let tax = 0;
  let sup = 0;
  for (const emp of org.payroll.employees.all()) {
    if (emp.PayrollCalendarID !== calendar.PayrollCalendarID || emp.Status === 'TERMINATED') continue;
    const lines = ((emp.PayTemplate as Rec | undefined)?.EarningsLines as Rec[] | undefined) ?? [];
    const annual = lines.reduce(
      (s, l) =>
        s +
        Number(l.AnnualSalary ?? 0) +
        Number(l.RatePerUnit ?? 0) * Number(l.NumberOfUnitsPerWeek ?? 0) * 52,
      0,
    );
    const gross = round2(annual / (PERIODS_PER_YEAR[type] ?? 52));
    const payg = round2(gross * 0.2);
    const superAmount = round2(gross * 0.115);
    const slip: Rec = {
      PayslipID: newId(),
      EmployeeID: emp.EmployeeID,
      FirstName: emp.FirstName,
      LastName: emp.LastName,
      Wages: gross,
      Deductions: 0,
      Tax: payg,
      Super: superAmount,
      Reimbursements: 0,
      NetPay: round2(gross - payg),
      UpdatedDateUTC: run.UpdatedDateUTC,
      EarningsLines: lines.map((l) => ({
        EarningsRateID: l.EarningsRateID,
        RatePerUnit: l.RatePerUnit ?? 0,
        NumberOfUnits: l.NumberOfUnitsPerWeek ?? 0,
        Amount: gross,
      })),
      TaxLines: [
        { PayslipTaxLineID: newId(), TaxTypeName: 'PAYG', Description: 'PAYG withholding', Amount: payg },
      ],
      SuperannuationLines: [{ ContributionType: 'SGC', CalculationType: 'STATUTORY', Amount: superAmount }],
    };
    org.payroll.payslips.put(slip);
    summaries.push({
      EmployeeID: slip.EmployeeID,
      PayslipID: slip.PayslipID,
      FirstName: slip.FirstName,
      LastName: slip.LastName,
      Wages: gross,
      Deductions: 0,
      Tax: payg,
      Super: superAmount,
      Reimbursements: 0,
      NetPay: slip.NetPay,
      UpdatedDateUTC: run.UpdatedDateUTC,
    });
    wages += gross;
    tax += payg;
    sup += superAmount;
  }
  return {
    PayRunPeriodStartDate: start,
    PayRunPeriodEndDate: end,
    PaymentDate: run.PaymentDate ?? addDays(end, 1),
    Payslips: summaries,
    Wages: round2(wages),
    Deductions: 0,
    Tax: round2(tax),
    Super: round2(sup),
    Reimbursement: 0,
    NetPay: round2(wages - tax),
  };
}
