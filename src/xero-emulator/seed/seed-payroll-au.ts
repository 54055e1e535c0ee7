import type { Rec } from '../core/errors.js';
import type { Prng } from '../core/ids.js';
import { buildPayslips } from '../payroll/payslips.js';
import type { OrgState } from '../state/org-state.js';
import type { SeedCalendar } from './seed-calendar.js';
import type { SeedWriter } from './seed-writer.js';

export const PEOPLE: Array<[string, string, string, string, string]> = [
  ['Oliver', 'Bennett', '1985-03-14', 'M', 'Operations Manager'],
  ['Charlotte', 'Nguyen', '1990-07-02', 'F', 'Accountant'],
  ['Jack', 'Thompson', '1978-11-23', 'M', 'Warehouse Lead'],
  ['Amelia', 'Patel', '1995-01-30', 'F', 'Sales Representative'],
  ['Noah', 'Williams', '1988-05-18', 'M', 'Technician'],
];

/** AU payroll: the PayItems object, calendars, employees with pay templates, timesheets, leave, pay runs. */
export function seedPayrollAu(org: OrgState, w: SeedWriter, prng: Prng, cal: SeedCalendar): void {
  const { d } = cal;
  const t = () => w.tick();
  const ordinary = prng.uuid();
  const overtime = prng.uuid();
  const annualLeave = prng.uuid();
  const personalLeave = prng.uuid();
  org.payroll.payItems = {
    EarningsRates: [
      {
        EarningsRateID: ordinary,
        Name: 'Ordinary Hours',
        EarningsType: 'ORDINARYTIMEEARNINGS',
        RateType: 'RATEPERUNIT',
        AccountCode: '477',
        TypeOfUnits: 'Hours',
        IsExemptFromTax: false,
        IsExemptFromSuper: false,
        IsReportableAsW1: true,
        RatePerUnit: '0.00',
        CurrentRecord: true,
        IsQualifyingEarnings: true,
        UpdatedDateUTC: t(),
      },
      {
        EarningsRateID: overtime,
        Name: 'Overtime Hours (exempt from super)',
        EarningsType: 'OVERTIMEEARNINGS',
        RateType: 'MULTIPLE',
        Multiplier: 1.5,
        AccountCode: '477',
        TypeOfUnits: 'Hours',
        IsExemptFromTax: false,
        IsExemptFromSuper: true,
        IsReportableAsW1: true,
        CurrentRecord: true,
        IsQualifyingEarnings: false,
        UpdatedDateUTC: t(),
      },
    ],
    DeductionTypes: [
      {
        DeductionTypeID: prng.uuid(),
        Name: 'Union Fees',
        AccountCode: '880',
        ReducesTax: false,
        ReducesSuper: false,
        IsExemptFromW1: false,
        DeductionCategory: 'UNIONFEES',
        CurrentRecord: true,
        UpdatedDateUTC: t(),
      },
    ],
    LeaveTypes: [
      {
        LeaveTypeID: annualLeave,
        Name: 'Annual Leave',
        TypeOfUnits: 'Hours',
        NormalEntitlement: 152,
        LeaveLoadingRate: 1.0,
        IsPaidLeave: true,
        ShowOnPayslip: true,
        CurrentRecord: true,
        IsQualifyingEarnings: true,
        UpdatedDateUTC: t(),
      },
      {
        LeaveTypeID: personalLeave,
        Name: "Personal/Carer's Leave",
        TypeOfUnits: 'Hours',
        NormalEntitlement: 76,
        IsPaidLeave: true,
        ShowOnPayslip: true,
        CurrentRecord: true,
        IsQualifyingEarnings: true,
        UpdatedDateUTC: t(),
      },
    ],
    ReimbursementTypes: [
      {
        ReimbursementTypeID: prng.uuid(),
        Name: 'Travel Costs',
        AccountCode: '429',
        CurrentRecord: true,
        UpdatedDateUTC: t(),
      },
    ],
  };
  const calendars = [
    ['Weekly', 'WEEKLY', d('2026-01-05'), d('2026-01-12')],
    ['Fortnightly', 'FORTNIGHTLY', d('2026-01-05'), d('2026-01-19')],
    ['Monthly', 'MONTHLY', d('2026-01-01'), d('2026-02-01')],
  ].map(([Name, CalendarType, StartDate, PaymentDate]) =>
    org.payroll.calendars.put({
      PayrollCalendarID: prng.uuid(),
      Name,
      CalendarType,
      StartDate,
      PaymentDate,
      ReferenceDate: StartDate,
      UpdatedDateUTC: t(),
    }),
  );
  const employees = PEOPLE.map(([FirstName, LastName, DateOfBirth, Gender, JobTitle], i) => {
    const salaried = i % 2 === 0;
    return org.payroll.employees.put({
      EmployeeID: prng.uuid(),
      FirstName,
      LastName,
      DateOfBirth,
      Gender,
      JobTitle,
      Email: `${FirstName.toLowerCase()}.${LastName.toLowerCase()}@demo-company.example.com`,
      Phone: `02 9000 10${i}0`,
      StartDate: d(`202${i}-02-01`),
      Status: i === 4 ? 'TERMINATED' : 'ACTIVE',
      ...(i === 4 ? { TerminationDate: d('2026-01-31'), TerminationReason: 'V' } : {}),
      HomeAddress: {
        AddressLine1: `${i + 1} George Street`,
        City: 'Sydney',
        Region: 'NSW',
        PostalCode: '2000',
        Country: 'AUSTRALIA',
      },
      PayrollCalendarID: calendars[i % 2].PayrollCalendarID,
      OrdinaryEarningsRateID: ordinary,
      EmploymentType: 'EMPLOYEE',
      TaxDeclaration: {
        EmploymentBasis: salaried ? 'FULLTIME' : 'PARTTIME',
        AustralianResidentForTaxPurposes: true,
        TaxFreeThresholdClaimed: i !== 3,
        HasHELPDebt: i === 1,
      },
      PayTemplate: {
        EarningsLines: [
          salaried
            ? {
                EarningsRateID: ordinary,
                CalculationType: 'ANNUALSALARY',
                AnnualSalary: 65000 + i * 7500,
                NumberOfUnitsPerWeek: 38,
              }
            : {
                EarningsRateID: ordinary,
                CalculationType: 'USEEARNINGSRATE',
                RatePerUnit: 32 + i * 2,
                NumberOfUnitsPerWeek: 38,
              },
        ],
        DeductionLines: [],
        SuperLines: [],
        ReimbursementLines: [],
        LeaveLines: [],
      },
      UpdatedDateUTC: t(),
    });
  });
  for (const [i, status] of ['APPROVED', 'PROCESSED', 'DRAFT'].entries()) {
    const units = [7.6, 7.6, 8, 7.6, 6 + i, 0, 0];
    org.payroll.timesheets.put({
      TimesheetID: prng.uuid(),
      EmployeeID: employees[i].EmployeeID,
      StartDate: d('2026-01-05'),
      EndDate: d('2026-01-11'),
      Status: status,
      TimesheetLines: [{ EarningsRateID: ordinary, NumberOfUnits: units, UpdatedDateUTC: t() }],
      Hours: units.reduce((s, u) => s + u, 0),
      UpdatedDateUTC: t(),
    });
  }
  const leave = (
    e: Rec,
    LeaveTypeID: string,
    Title: string,
    StartDate: string,
    EndDate: string,
    status: string,
    units: number,
  ) =>
    org.payroll.leaveApplications.put({
      LeaveApplicationID: prng.uuid(),
      EmployeeID: e.EmployeeID,
      LeaveTypeID,
      Title,
      StartDate,
      EndDate,
      Description: Title,
      LeavePeriods: [
        {
          PayPeriodStartDate: StartDate,
          PayPeriodEndDate: EndDate,
          NumberOfUnits: units,
          LeavePeriodStatus: status,
        },
      ],
      UpdatedDateUTC: t(),
    });
  leave(employees[0], annualLeave, 'Summer holiday', d('2026-01-19'), d('2026-01-23'), 'SCHEDULED', 38);
  leave(
    employees[1],
    personalLeave,
    'Medical appointment',
    d('2026-02-03'),
    d('2026-02-03'),
    'REQUESTED',
    7.6,
  );
  for (const [cal, status] of [
    [calendars[0], 'POSTED'],
    [calendars[1], 'DRAFT'],
  ] as const) {
    const run: Rec = {
      PayRunID: prng.uuid(),
      PayrollCalendarID: cal.PayrollCalendarID,
      PayRunStatus: status,
      UpdatedDateUTC: t(),
    };
    org.payroll.payRuns.put({ ...run, ...buildPayslips(org, run, cal) });
  }
  org.payroll.settings = {
    Accounts: org.accounts
      .all()
      .filter((a) => ['090', '477', '800', '820', '880'].includes(String(a.Code)))
      .map((a) => ({
        AccountID: a.AccountID,
        Type: a.Type === 'BANK' ? 'BANK' : a.Code === '477' ? 'WAGESEXPENSE' : 'WAGESPAYABLELIABILITY',
        Code: a.Code,
        Name: a.Name,
      })),
    TrackingCategories: { EmployeeGroups: {}, TimesheetCategories: {} },
    DaysInPayrollYear: 364,
  };
}
