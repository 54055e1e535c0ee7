import { PayRunStatus } from '../../schema/enums.js';
import { decimalOrZero } from './decimal.util.js';
import type { MappedChild, MappedPayRun, PayslipFields } from './mapped-record.js';
import { buildRecord, MapIssues, refById } from './record-builder.util.js';
import { PAY_RUN_STATUS } from './xero-au-pay-run.mapper.js';
import type { UsPayRun, UsPaystub } from './xero-us-payroll.schema.js';
import { calendarDate, lookupEnum, text } from './xero-value.util.js';

/** US paystubs: Earnings are the wages and employer Benefits (401(k) and the like) the retirement part. */
function mapPaystub(stub: UsPaystub): MappedChild<PayslipFields> {
  return {
    xeroId: text(stub.PaystubID),
    fields: {
      wages: decimalOrZero(stub.Earnings),
      tax: decimalOrZero(stub.Tax),
      superannuation: decimalOrZero(stub.Benefits),
      deductions: decimalOrZero(stub.Deductions),
      reimbursements: decimalOrZero(stub.Reimbursements),
      netPay: decimalOrZero(stub.NetPay),
    },
    references: { employeeId: refById('Employee', text(stub.EmployeeID)) },
  };
}

/** Maps a legacy US Payroll PayRun (raw JSON) with its paystubs as payslips. */
export function mapXeroUsPayRun(run: UsPayRun): MappedPayRun {
  const issues = new MapIssues();
  const status = lookupEnum(PAY_RUN_STATUS, run.PayRunStatus, PayRunStatus.DRAFT, 'PayRunStatus', (m) =>
    issues.warn(m),
  );
  return buildRecord('PayRun', issues, {
    xeroId: text(run.PayRunID),
    idField: 'PayRunID',
    updatedAt: run.UpdatedDateUTC,
    fields: {
      periodStart: calendarDate(run.PayRunPeriodStartDate),
      periodEnd: calendarDate(run.PayRunPeriodEndDate),
      paymentDate: calendarDate(run.PaymentDate),
      status,
      wages: decimalOrZero(run.Earnings),
      tax: decimalOrZero(run.Tax),
      superannuation: decimalOrZero(run.Benefits),
      deductions: decimalOrZero(run.Deductions),
      // The legacy API spelt the run total both ways over its life.
      reimbursements: decimalOrZero(run.Reimbursements ?? run.Reimbursement),
      netPay: decimalOrZero(run.NetPay),
    },
    references: { payScheduleId: refById('PaySchedule', text(run.PayScheduleID)) },
    children: { payslips: (run.Paystubs ?? []).map(mapPaystub) },
  });
}
