import { EmployeeStatus, SalaryType } from '../../schema/enums.js';
import type { Address } from '../../schema/value-objects.js';
import { decimal } from './decimal.util.js';
import type { RecordRef } from './mapped-record.js';
import { buildRecord, MapIssues, refById } from './record-builder.util.js';
import {
  EMPLOYEE_STATUS,
  type MappedEmployeeSalary,
  type MappedEmployeeWithSalaries,
} from './xero-au-employee.mapper.js';
import { nullIfEmpty } from './xero-contact-info.util.js';
import type { UsEmployee, UsSalaryAndWage } from './xero-us-payroll.schema.js';
import { calendarDate, enumName, flag, lookupEnum, text } from './xero-value.util.js';

function mapSalary(employee: UsEmployee, entry: UsSalaryAndWage, index: number): MappedEmployeeSalary {
  const issues = new MapIssues();
  const employeeId = text(employee.EmployeeID) ?? '';
  const salaried = enumName(entry.SalaryWagesType) === 'ANNUALSALARY';
  return buildRecord('EmployeeSalary', issues, {
    // An entry without its own id is keyed by position within the employee.
    xeroId: text(entry.SalaryAndWagesID) ?? `${employeeId}/salary/${index + 1}`,
    idField: 'SalaryAndWagesID',
    updatedAt: employee.UpdatedDateUTC,
    fields: {
      type: salaried ? SalaryType.SALARY : SalaryType.HOURLY,
      annualSalary: salaried ? decimal(entry.AnnualSalary) : null,
      hourlyRate: decimal(entry.HourlyRate),
      hoursPerWeek: decimal(entry.StandardHoursPerWeek),
      // US payroll pays in USD only.
      currency: 'USD',
      frequency: null,
      effectiveFrom: calendarDate(entry.EffectiveDate),
    },
    references: {
      employeeId: refById('Employee', text(employee.EmployeeID)),
      payItemId: refById('PayItem', text(entry.EarningsTypeID)),
    },
  });
}

function homeAddress(home: UsEmployee['HomeAddress']): Address | null {
  return nullIfEmpty({
    attention: null,
    line1: text(home?.StreetAddress),
    line2: text(home?.SuiteOrAptOrUnit),
    city: text(home?.City),
    region: text(home?.State),
    postalCode: text(home?.Zip),
    country: text(home?.Country),
  });
}

/** The primary location first; the single WorkLocationID of older answers counts too. */
function workLocationRefs(employee: UsEmployee): RecordRef[] {
  const listed = [...(employee.WorkLocations ?? [])].sort(
    (a, b) => Number(flag(b.IsPrimary)) - Number(flag(a.IsPrimary)),
  );
  const ids = [text(employee.WorkLocationID), ...listed.map((l) => text(l.WorkLocationID))];
  const unique = [...new Set(ids.filter((v): v is string => v !== null))];
  return unique.map((xeroId) => ({ entity: 'WorkLocation', xeroId }));
}

/** Maps a legacy US Payroll Employee (raw PascalCase JSON), with its SalaryAndWages as EmployeeSalary records. */
export function mapXeroUsEmployee(employee: UsEmployee): MappedEmployeeWithSalaries {
  const issues = new MapIssues();
  const terminationDate = calendarDate(employee.TerminationDate);
  const fallback = terminationDate ? EmployeeStatus.TERMINATED : EmployeeStatus.ACTIVE;
  const record = buildRecord('Employee', issues, {
    xeroId: text(employee.EmployeeID),
    idField: 'EmployeeID',
    updatedAt: employee.UpdatedDateUTC,
    fields: {
      firstName: issues.required('FirstName', text(employee.FirstName), ''),
      lastName: issues.required('LastName', text(employee.LastName), ''),
      dateOfBirth: calendarDate(employee.DateOfBirth),
      gender: enumName(employee.Gender),
      email: nullIfEmpty({ address: text(employee.Email), address2: null }),
      phone: nullIfEmpty({
        landline: text(employee.Phone),
        landline2: null,
        mobile: text(employee.Mobile),
        fax: null,
      }),
      address: homeAddress(employee.HomeAddress),
      jobTitle: text(employee.JobTitle),
      startDate: calendarDate(employee.HireDate),
      terminationDate,
      status:
        employee.Status == null
          ? fallback
          : lookupEnum(EMPLOYEE_STATUS, employee.Status, fallback, 'Employee Status', (m) => issues.warn(m)),
    },
    references: {
      payScheduleId: refById('PaySchedule', text(employee.PayScheduleID)),
      workLocationIds: workLocationRefs(employee),
    },
  });
  const salaries = text(employee.EmployeeID)
    ? (employee.SalaryAndWages ?? []).map((s, i) => mapSalary(employee, s, i))
    : [];
  return { employee: record, salaries };
}
