import type { PayRun } from 'xero-node/dist/gen/model/payroll-au/models.js';

/** A draft pay run to create, for a pay schedule that is in the cache and in Xero. */
export interface ResolvedPayRun {
  payScheduleId: string;
  payScheduleXeroId: string;
}

/**
 * A Payroll AU PayRun: Xero needs only the calendar, and works out the period, payment date and
 * payslips from it (https://developer.xero.com/documentation/api/payrollau/payruns).
 */
export function toXeroAuPayRun(run: ResolvedPayRun): PayRun {
  return { payrollCalendarID: run.payScheduleXeroId, payRunStatus: 'DRAFT' as never };
}

/** A legacy US payroll PayRun (PascalCase JSON), for a pay schedule. */
export function toXeroUsPayRun(run: ResolvedPayRun): Record<string, unknown> {
  return { PayScheduleID: run.payScheduleXeroId, PayRunStatus: 'DRAFT' };
}

/** The cache fields of a pay run whose create is pending: a draft with no payslips yet. */
export function pendingPayRunFields(run: ResolvedPayRun): Record<string, unknown> {
  return { payScheduleId: run.payScheduleId, status: 'DRAFT' };
}
