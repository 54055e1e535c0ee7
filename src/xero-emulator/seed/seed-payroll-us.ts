import type { Prng } from '../core/ids.js';
import type { OrgState } from '../state/org-state.js';
import type { SeedCalendar } from './seed-calendar.js';
import { PEOPLE } from './seed-payroll-au.js';
import type { SeedWriter } from './seed-writer.js';

/** Legacy US payroll: work locations, pay schedules, employees with salary and wages, timesheets. */
export function seedPayrollUs(org: OrgState, w: SeedWriter, prng: Prng, cal: SeedCalendar): void {
  const { d } = cal;
  const t = () => w.tick();
  const regular = prng.uuid();
  org.payroll.payItems = {
    EarningsTypes: [
      {
        EarningsTypeID: regular,
        EarningsType: 'Regular Hours',
        ExpenseAccountCode: '477',
        EarningsCategory: 'REGULAREARNINGS',
        RateType: 'RATEPERUNIT',
        TypeOfUnits: 'Hours',
        CurrentRecord: true,
      },
      {
        EarningsTypeID: prng.uuid(),
        EarningsType: 'Overtime',
        ExpenseAccountCode: '477',
        EarningsCategory: 'OVERTIMEEARNINGS',
        RateType: 'MULTIPLE',
        Multiple: 1.5,
        CurrentRecord: true,
      },
    ],
    BenefitTypes: [
      {
        BenefitTypeID: prng.uuid(),
        BenefitType: '401(k)',
        BenefitCategory: 'RETIREMENTPLAN',
        LiabilityAccountCode: '880',
        ExpenseAccountCode: '477',
        CurrentRecord: true,
      },
    ],
    DeductionTypes: [
      {
        DeductionTypeID: prng.uuid(),
        DeductionType: 'Union Dues',
        DeductionCategory: 'UNIONDUES',
        CalculationType: 'FIXEDAMOUNT',
        LiabilityAccountCode: '880',
        CurrentRecord: true,
      },
    ],
    ReimbursementTypes: [
      {
        ReimbursementTypeID: prng.uuid(),
        ReimbursementType: 'Mileage',
        ExpenseOrLiabilityAccountCode: '429',
        CurrentRecord: true,
      },
    ],
    TimeOffTypes: [
      {
        TimeOffTypeID: prng.uuid(),
        TimeOffType: 'Paid Time Off',
        TimeOffCategory: 'PTO',
        ExpenseAccountCode: '477',
        LiabilityAccountCode: '880',
        ShowBalanceToEmployee: true,
        CurrentRecord: true,
      },
    ],
  };
  const locations = [
    ['Head Office', '500 Market Street', 'San Francisco', 'CA', '94105', true],
    ['Warehouse', '75 Industrial Way', 'Oakland', 'CA', '94607', false],
  ].map(([Name, StreetAddress, City, State, Zip, IsPrimary]) =>
    org.payroll.workLocations.put({
      WorkLocationID: prng.uuid(),
      Name,
      StreetAddress,
      City,
      State,
      Zip,
      IsPrimary,
      PhoneNumber: '415-555-0100',
      UpdatedDateUTC: t(),
    }),
  );
  const schedules = [
    ['Weekly', 'WEEKLY', d('2026-01-05'), d('2026-01-12')],
    ['Biweekly', 'BIWEEKLY', d('2026-01-05'), d('2026-01-19')],
  ].map(([PayScheduleName, PaymentFrequency, StartDate, FirstPaymentDate]) =>
    org.payroll.calendars.put({
      PayScheduleID: prng.uuid(),
      PayScheduleName,
      PaymentFrequency,
      StartDate,
      FirstPaymentDate,
      UpdatedDateUTC: t(),
    }),
  );
  const employees = PEOPLE.slice(0, 4).map(([FirstName, LastName, DateOfBirth, Gender, JobTitle], i) =>
    org.payroll.employees.put({
      EmployeeID: prng.uuid(),
      FirstName,
      LastName,
      DateOfBirth,
      Gender,
      JobTitle,
      Email: `${FirstName.toLowerCase()}@demo-company-us.example.com`,
      HireDate: d(`202${i}-03-01`),
      Status: 'ACTIVE',
      PayScheduleID: schedules[i % 2].PayScheduleID,
      HomeAddress: { StreetAddress: `${100 + i} Pine St`, City: 'San Francisco', State: 'CA', Zip: '94110' },
      WorkLocations: [{ WorkLocationID: locations[i % 2].WorkLocationID, IsPrimary: true }],
      SalaryAndWages: [
        i % 2 === 0
          ? {
              SalaryAndWagesID: prng.uuid(),
              EarningsTypeID: regular,
              SalaryWagesType: 'ANNUALSALARY',
              AnnualSalary: 72000 + i * 8000,
              StandardHoursPerWeek: 40,
              EffectiveDate: d('2026-01-01'),
            }
          : {
              SalaryAndWagesID: prng.uuid(),
              EarningsTypeID: regular,
              SalaryWagesType: 'HOURLY',
              HourlyRate: 28 + i,
              StandardHoursPerWeek: 40,
              EffectiveDate: d('2026-01-01'),
            },
      ],
      UpdatedDateUTC: t(),
    }),
  );
  for (const [i, e] of employees.slice(0, 2).entries()) {
    const lines = [0, 1, 2, 3, 4].map((day) => ({
      Date: d(`2026-01-0${5 + day}`),
      EarningsTypeID: regular,
      WorkLocationID: locations[i].WorkLocationID,
      Units: 8,
    }));
    org.payroll.timesheets.put({
      TimesheetID: prng.uuid(),
      EmployeeID: e.EmployeeID,
      StartDate: d('2026-01-05'),
      EndDate: d('2026-01-11'),
      Status: 'APPROVED',
      TimesheetLines: lines,
      Hours: 40,
      UpdatedDateUTC: t(),
    });
  }
  org.payroll.payRuns.put({
    PayRunID: prng.uuid(),
    PayScheduleID: schedules[0].PayScheduleID,
    PayRunPeriodStartDate: d('2026-01-05'),
    PayRunPeriodEndDate: d('2026-01-11'),
    PaymentDate: d('2026-01-12'),
    PayRunStatus: 'POSTED',
    Earnings: 5200,
    Deductions: 120,
    Reimbursements: 0,
    NetPay: 4160,
    UpdatedDateUTC: t(),
  });
}
