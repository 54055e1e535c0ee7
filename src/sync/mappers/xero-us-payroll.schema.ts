import { z } from 'zod';

/**
 * Raw JSON of Xero's legacy US Payroll API (retired by Xero; served by the local emulator), which
 * xero-node has no client for: PascalCase, dates as `/Date(ms+0000)/` or ISO strings. Schemas are
 * lenient on purpose (every field optional, unknown fields kept) so one odd record never rejects a
 * page; the mappers handle what is missing.
 */

const id = z.string().nullish();
const str = z.string().nullish();
const num = z.union([z.number(), z.string()]).nullish();
const date = z.string().nullish();
const bool = z.union([z.boolean(), z.string()]).nullish();

export const usHomeAddressSchema = z.looseObject({
  StreetAddress: str,
  SuiteOrAptOrUnit: str,
  City: str,
  State: str,
  Zip: str,
  Country: str,
});

export const usSalaryAndWageSchema = z.looseObject({
  SalaryAndWagesID: id,
  EarningsTypeID: id,
  SalaryWagesType: str,
  AnnualSalary: num,
  HourlyRate: num,
  StandardHoursPerWeek: num,
  EffectiveDate: date,
  PaymentType: str,
});

export const usEmployeeSchema = z.looseObject({
  EmployeeID: id,
  FirstName: str,
  LastName: str,
  DateOfBirth: date,
  Gender: str,
  JobTitle: str,
  Email: str,
  Phone: str,
  Mobile: str,
  HireDate: date,
  TerminationDate: date,
  Status: str,
  PayScheduleID: id,
  HomeAddress: usHomeAddressSchema.nullish(),
  // Older answers name one location; the emulator lists them with the primary one flagged.
  WorkLocationID: id,
  WorkLocations: z.array(z.looseObject({ WorkLocationID: id, IsPrimary: bool })).nullish(),
  SalaryAndWages: z.array(usSalaryAndWageSchema).nullish(),
  UpdatedDateUTC: date,
});

export const usPayScheduleSchema = z.looseObject({
  PayScheduleID: id,
  PayScheduleName: str,
  PaymentFrequency: str,
  StartDate: date,
  FirstPaymentDate: date,
  UpdatedDateUTC: date,
});

export const usWorkLocationSchema = z.looseObject({
  WorkLocationID: id,
  Name: str,
  StreetAddress: str,
  SuiteOrAptOrUnit: str,
  City: str,
  State: str,
  Zip: str,
  PhoneNumber: str,
  IsPrimary: bool,
  UpdatedDateUTC: date,
});

export const usTimesheetLineSchema = z.looseObject({
  Date: date,
  EarningsTypeID: id,
  WorkLocationID: id,
  Units: num,
});

export const usTimesheetSchema = z.looseObject({
  TimesheetID: id,
  EmployeeID: id,
  StartDate: date,
  EndDate: date,
  Status: str,
  Hours: num,
  TimesheetLines: z.array(usTimesheetLineSchema).nullish(),
  UpdatedDateUTC: date,
});

export const usPaystubSchema = z.looseObject({
  PaystubID: id,
  EmployeeID: id,
  Earnings: num,
  Deductions: num,
  Tax: num,
  Benefits: num,
  Reimbursements: num,
  NetPay: num,
});

export const usPayRunSchema = z.looseObject({
  PayRunID: id,
  PayScheduleID: id,
  PayRunPeriodStartDate: date,
  PayRunPeriodEndDate: date,
  PaymentDate: date,
  PayRunStatus: str,
  Earnings: num,
  Deductions: num,
  Tax: num,
  Benefits: num,
  Reimbursements: num,
  Reimbursement: num,
  NetPay: num,
  Paystubs: z.array(usPaystubSchema).nullish(),
  UpdatedDateUTC: date,
});

/** One kind of US pay item: every kind names its id and label after itself (EarningsTypeID, EarningsType). */
const payItemList = z.array(z.looseObject({ CurrentRecord: bool })).nullish();

export const usPayItemsSchema = z.looseObject({
  EarningsTypes: payItemList,
  BenefitTypes: payItemList,
  DeductionTypes: payItemList,
  ReimbursementTypes: payItemList,
  TimeOffTypes: payItemList,
});

/** Response envelopes, keyed as the emulator (and the legacy API) answers. */
export const usEmployeesResponseSchema = z.looseObject({ Employees: z.array(usEmployeeSchema).default([]) });
export const usPaySchedulesResponseSchema = z.looseObject({
  PaySchedules: z.array(usPayScheduleSchema).default([]),
});
export const usWorkLocationsResponseSchema = z.looseObject({
  WorkLocations: z.array(usWorkLocationSchema).default([]),
});
export const usTimesheetsResponseSchema = z.looseObject({
  Timesheets: z.array(usTimesheetSchema).default([]),
});
export const usPayRunsResponseSchema = z.looseObject({ PayRuns: z.array(usPayRunSchema).default([]) });
export const usPayItemsResponseSchema = z.looseObject({ PayItems: usPayItemsSchema.default({}) });

export type UsEmployee = z.infer<typeof usEmployeeSchema>;
export type UsSalaryAndWage = z.infer<typeof usSalaryAndWageSchema>;
export type UsPaySchedule = z.infer<typeof usPayScheduleSchema>;
export type UsWorkLocation = z.infer<typeof usWorkLocationSchema>;
export type UsTimesheet = z.infer<typeof usTimesheetSchema>;
export type UsTimesheetLine = z.infer<typeof usTimesheetLineSchema>;
export type UsPayRun = z.infer<typeof usPayRunSchema>;
export type UsPaystub = z.infer<typeof usPaystubSchema>;
export type UsPayItems = z.infer<typeof usPayItemsSchema>;
