import { describe, expect, it } from 'vitest';
import type { PayRun } from 'xero-node/dist/gen/model/payroll-au/models.js';
import {
  pendingPayRunFields,
  toXeroAuPayRun,
  toXeroUsPayRun,
} from '../../../src/sync/mappers/connec-pay-run.mapper.js';
import { mapXeroAuPayRun } from '../../../src/sync/mappers/xero-au-pay-run.mapper.js';
import { fromXero } from './openapi-examples.js';

const run = { payScheduleId: 's-1', payScheduleXeroId: '78bb86b9-e1ea-47ac-b75d-f087a81931de' };

describe('draft pay run writes', () => {
  it('asks Payroll AU for a DRAFT pay run of the calendar, as the spec example of POST /PayRuns does', () => {
    const request = toXeroAuPayRun(run);
    expect(request).toEqual({ payrollCalendarID: run.payScheduleXeroId, payRunStatus: 'DRAFT' });
    // Xero's answer in the spec: the same calendar, a DRAFT, the period it chose.
    const answer = fromXero<PayRun>('payroll-au', 'PayRun', {
      PayRunID: 'd1348fab-f47a-4697-beea-922ee262407a',
      PayrollCalendarID: request.payrollCalendarID,
      PayRunPeriodStartDate: '/Date(1572566400000+0000)/',
      PayRunPeriodEndDate: '/Date(1573084800000+0000)/',
      PaymentDate: '/Date(1573171200000+0000)/',
      PayRunStatus: 'DRAFT',
      UpdatedDateUTC: '/Date(1573685818311+0000)/',
    });
    const landed = mapXeroAuPayRun(answer);
    expect(landed.fields).toMatchObject({
      status: pendingPayRunFields(run).status,
      periodStart: '2019-11-01',
    });
    expect(landed.references.payScheduleId).toEqual({ entity: 'PaySchedule', xeroId: run.payScheduleXeroId });
  });

  it('asks the legacy US payroll for a DRAFT pay run of the pay schedule', () => {
    expect(toXeroUsPayRun(run)).toEqual({ PayScheduleID: run.payScheduleXeroId, PayRunStatus: 'DRAFT' });
  });

  it('shows a pending pay run as a draft of its schedule', () => {
    expect(pendingPayRunFields(run)).toEqual({ payScheduleId: 's-1', status: 'DRAFT' });
  });
});
