import type { PayRun, PayslipSummary } from 'xero-node/dist/gen/model/payroll-au/models.js';
import { PayRunStatus } from '../../schema/enums.js';
import { decimalOrZero } from './decimal.util.js';
import type { MappedChild, MappedPayRun, PayslipFields } from './mapped-record.js';
import { buildRecord, MapIssues, refById } from './record-builder.util.js';
import { calendarDate, lookupEnum, text } from './xero-value.util.js';

export const PAY_RUN_STATUS: Record<string, PayRunStatus> = {
  DRAFT: PayRunStatus.DRAFT,
  POSTED: PayRunStatus.POSTED,
};

function mapPayslip(slip: PayslipSummary): MappedChild<PayslipFields> {
  return {
    xeroId: text(slip.payslipID),
    fields: {
      wages: decimalOrZero(slip.wages),
      tax: decimalOrZero(slip.tax),
      superannuation: decimalOrZero(slip._super),
      deductions: decimalOrZero(slip.deductions),
      reimbursements: decimalOrZero(slip.reimbursements),
      netPay: decimalOrZero(slip.netPay),
    },
    references: { employeeId: refById('Employee', text(slip.employeeID)) },
  };
}

/**
 * Maps a Payroll AU PayRun with its payslip summaries. xero-node names Xero's `Super` `_super`, and the
 * run's total is `reimbursement` (singular) while a payslip's is `reimbursements`.
 */
export function mapXeroAuPayRun(run: PayRun): MappedPayRun {
  const issues = new MapIssues();
  const status = lookupEnum(PAY_RUN_STATUS, run.payRunStatus, PayRunStatus.DRAFT, 'PayRunStatus', (m) =>
    issues.warn(m),
  );
  return buildRecord('PayRun', issues, {
    xeroId: text(run.payRunID),
    idField: 'PayRunID',
    updatedAt: run.updatedDateUTC,
    fields: {
      periodStart: calendarDate(run.payRunPeriodStartDate),
      periodEnd: calendarDate(run.payRunPeriodEndDate),
      paymentDate: calendarDate(run.paymentDate),
      status,
      wages: decimalOrZero(run.wages),
      tax: decimalOrZero(run.tax),
      superannuation: decimalOrZero(run._super),
      deductions: decimalOrZero(run.deductions),
      reimbursements: decimalOrZero(run.reimbursement),
      netPay: decimalOrZero(run.netPay),
    },
    references: { payScheduleId: refById('PaySchedule', text(run.payrollCalendarID)) },
    children: { payslips: (run.payslips ?? []).map(mapPayslip) },
  });
}
