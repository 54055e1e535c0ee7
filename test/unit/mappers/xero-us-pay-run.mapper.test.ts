import { describe, expect, it } from 'vitest';
import { PayItemType, PayRunStatus, RecordStatus } from '../../../src/schema/enums.js';
import { mapXeroUsPayItems } from '../../../src/sync/mappers/xero-us-pay-items.mapper.js';
import { mapXeroUsPayRun } from '../../../src/sync/mappers/xero-us-pay-run.mapper.js';
import {
  usEmployeesResponseSchema,
  usPayItemsResponseSchema,
  usPayRunsResponseSchema,
} from '../../../src/sync/mappers/xero-us-payroll.schema.js';
import { mapXeroUsTimesheet } from '../../../src/sync/mappers/xero-us-timesheet.mapper.js';
import { mapXeroUsWorkLocation } from '../../../src/sync/mappers/xero-us-work-location.mapper.js';

/** Dates as the legacy US payroll API (and the emulator) render them. */
const xeroDate = (day: string) => `/Date(${Date.parse(`${day}T00:00:00Z`)}+0000)/`;

describe('mapXeroUsPayRun and mapXeroUsPayItems', () => {
  it('maps a pay run with earnings as wages and paystubs as payslips', () => {
    const [run] = usPayRunsResponseSchema.parse({
      PayRuns: [
        {
          PayRunID: 'run-1',
          PayScheduleID: 'sched-1',
          PayRunPeriodStartDate: xeroDate('2026-01-05'),
          PayRunPeriodEndDate: xeroDate('2026-01-11'),
          PaymentDate: xeroDate('2026-01-12'),
          PayRunStatus: 'POSTED',
          Earnings: 5200,
          Deductions: 120,
          Reimbursements: 0,
          NetPay: 4160,
          Paystubs: [
            { PaystubID: 'ps-1', EmployeeID: 'emp-1', Earnings: 1384.62, Tax: 200.1, NetPay: 1184.52 },
          ],
        },
      ],
    }).PayRuns;
    const mapped = mapXeroUsPayRun(run);
    expect(mapped.fields).toMatchObject({
      status: PayRunStatus.POSTED,
      wages: '5200',
      deductions: '120',
      netPay: '4160',
      tax: '0',
      periodStart: '2026-01-05',
      paymentDate: '2026-01-12',
    });
    expect(mapped.references.payScheduleId).toEqual({ entity: 'PaySchedule', xeroId: 'sched-1' });
    expect(mapped.children.payslips[0]).toMatchObject({
      xeroId: 'ps-1',
      fields: { wages: '1384.62', tax: '200.1', netPay: '1184.52' },
    });
  });

  it('maps every kind of US pay item', () => {
    const { PayItems } = usPayItemsResponseSchema.parse({
      PayItems: {
        EarningsTypes: [
          {
            EarningsTypeID: 'e1',
            EarningsType: 'Overtime',
            ExpenseAccountCode: '477',
            RateType: 'MULTIPLE',
            Multiple: 1.5,
            CurrentRecord: true,
          },
        ],
        BenefitTypes: [
          { BenefitTypeID: 'b1', BenefitType: '401(k)', LiabilityAccountCode: '880', CurrentRecord: true },
        ],
        DeductionTypes: [
          {
            DeductionTypeID: 'd1',
            DeductionType: 'Union Dues',
            CalculationType: 'FIXEDAMOUNT',
            LiabilityAccountCode: '880',
            CurrentRecord: false,
          },
        ],
        ReimbursementTypes: [
          { ReimbursementTypeID: 'r1', ReimbursementType: 'Mileage', ExpenseOrLiabilityAccountCode: '429' },
        ],
        TimeOffTypes: [{ TimeOffTypeID: 't1', TimeOffType: 'Paid Time Off', LiabilityAccountCode: '880' }],
      },
    });
    const items = mapXeroUsPayItems(PayItems);
    expect(
      items.map((i) => [i.xeroId, i.fields.type, i.fields.name, i.fields.accountCode, i.fields.status]),
    ).toEqual([
      ['e1', PayItemType.EARNINGS, 'Overtime', '477', RecordStatus.ACTIVE],
      ['b1', PayItemType.BENEFIT, '401(k)', '880', RecordStatus.ACTIVE],
      ['d1', PayItemType.DEDUCTION, 'Union Dues', '880', RecordStatus.ARCHIVED],
      ['r1', PayItemType.REIMBURSEMENT, 'Mileage', '429', RecordStatus.ACTIVE],
      ['t1', PayItemType.LEAVE, 'Paid Time Off', '880', RecordStatus.ACTIVE],
    ]);
    expect(items[0].fields).toMatchObject({ rateType: 'MULTIPLE', multiplier: '1.5' });
  });

  it('is total: empty payloads map without throwing', () => {
    expect(mapXeroUsPayRun({}).missing).toEqual(['PayRunID']);
    expect(mapXeroUsPayItems(usPayItemsResponseSchema.parse({}).PayItems)).toEqual([]);
    expect(mapXeroUsTimesheet({}).missing).toEqual(['StartDate', 'EndDate', 'TimesheetID']);
    expect(mapXeroUsWorkLocation({}).missing).toEqual(['WorkLocationID']);
  });

  it('rejects a payload whose shape is wrong rather than mapping garbage', () => {
    expect(usEmployeesResponseSchema.safeParse({ Employees: [{ EmployeeID: 42 }] }).success).toBe(false);
  });
});
