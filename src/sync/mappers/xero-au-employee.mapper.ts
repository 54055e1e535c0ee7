import type { EarningsLine, Employee, HomeAddress } from 'xero-node/dist/gen/model/payroll-au/models.js';
import { EmployeeStatus, SalaryType } from '../../schema/enums.js';
import type { Address } from '../../schema/value-objects.js';
import { decimal } from './decimal.util.js';
import type { EmployeeFields, EmployeeSalaryFields, MappedRecord } from './mapped-record.js';
import { buildRecord, MapIssues, refById } from './record-builder.util.js';
import { nullIfEmpty } from './xero-contact-info.util.js';
import { calendarDate, enumName, lookupEnum, text } from './xero-value.util.js';

export type MappedEmployee = MappedRecord<EmployeeFields>;
export type MappedEmployeeSalary = MappedRecord<EmployeeSalaryFields>;

export interface MappedEmployeeWithSalaries {
  employee: MappedEmployee;
  salaries: MappedEmployeeSalary[];
}

export const EMPLOYEE_STATUS: Record<string, EmployeeStatus> = {
  ACTIVE: EmployeeStatus.ACTIVE,
  TERMINATED: EmployeeStatus.TERMINATED,
};

function homeAddress(address: HomeAddress | undefined): Address | null {
  if (!address) return null;
  return nullIfEmpty({
    attention: null,
    line1: text(address.addressLine1),
    line2: text(address.addressLine2),
    city: text(address.city),
    region: enumName(address.region),
    postalCode: text(address.postalCode),
    country: text(address.country),
  });
}

/**
 * Pay template earnings lines carry no id: a salary's key is (EmployeeID, EarningsRateID), with the
 * line's position added when one rate appears twice.
 */
function mapSalary(employee: Employee, line: EarningsLine, key: string): MappedEmployeeSalary {
  const issues = new MapIssues();
  const salaried = enumName(line.calculationType) === 'ANNUALSALARY';
  return buildRecord('EmployeeSalary', issues, {
    xeroId: key,
    idField: 'EmployeeID',
    updatedAt: employee.updatedDateUTC,
    fields: {
      type: salaried ? SalaryType.SALARY : SalaryType.HOURLY,
      annualSalary: salaried ? decimal(line.annualSalary) : null,
      // USEEARNINGSRATE lines take the earnings rate's own RatePerUnit, which is on the PayItem, not here.
      hourlyRate: decimal(line.ratePerUnit),
      hoursPerWeek: decimal(line.numberOfUnitsPerWeek),
      // Payroll AU pays in AUD only.
      currency: 'AUD',
      // The frequency is the payroll calendar's (the employee's payScheduleId), not the template's.
      frequency: null,
      effectiveFrom: null,
    },
    references: {
      employeeId: refById('Employee', text(employee.employeeID)),
      payItemId: refById('PayItem', text(line.earningsRateID)),
    },
  });
}

/**
 * A pay template earnings line's key: the employee, the earnings rate, and the line's occurrence of that
 * rate when it appears more than once. Writes key the salaries they send the same way.
 */
export function auSalaryKey(employeeId: string, earningsRateId: string, occurrence: number): string {
  return `${employeeId}/earnings/${earningsRateId}${occurrence > 1 ? `/${occurrence}` : ''}`;
}

/** The ordinary earnings rate's line first: it is the employee's base pay. */
function mapSalaries(employee: Employee): MappedEmployeeSalary[] {
  const employeeId = text(employee.employeeID);
  if (!employeeId) return [];
  const ordinary = text(employee.ordinaryEarningsRateID);
  const lines = [...(employee.payTemplate?.earningsLines ?? [])].sort(
    (a, b) => Number(text(b.earningsRateID) === ordinary) - Number(text(a.earningsRateID) === ordinary),
  );
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const rate = text(line.earningsRateID) ?? 'none';
    const count = (seen.get(rate) ?? 0) + 1;
    seen.set(rate, count);
    return mapSalary(employee, line, auSalaryKey(employeeId, rate, count));
  });
}

/** Maps a Payroll AU Employee, with one EmployeeSalary per pay template earnings line. */
export function mapXeroAuEmployee(employee: Employee): MappedEmployeeWithSalaries {
  const issues = new MapIssues();
  const terminationDate = calendarDate(employee.terminationDate);
  const fallback = terminationDate ? EmployeeStatus.TERMINATED : EmployeeStatus.ACTIVE;
  const record = buildRecord('Employee', issues, {
    xeroId: text(employee.employeeID),
    idField: 'EmployeeID',
    updatedAt: employee.updatedDateUTC,
    fields: {
      firstName: issues.required('FirstName', text(employee.firstName), ''),
      lastName: issues.required('LastName', text(employee.lastName), ''),
      dateOfBirth: calendarDate(employee.dateOfBirth),
      gender: enumName(employee.gender),
      email: nullIfEmpty({ address: text(employee.email), address2: null }),
      phone: nullIfEmpty({
        landline: text(employee.phone),
        landline2: null,
        mobile: text(employee.mobile),
        fax: null,
      }),
      address: homeAddress(employee.homeAddress),
      jobTitle: text(employee.jobTitle),
      startDate: calendarDate(employee.startDate),
      terminationDate,
      status:
        employee.status === undefined
          ? fallback
          : lookupEnum(EMPLOYEE_STATUS, employee.status, fallback, 'Employee Status', (m) => issues.warn(m)),
    },
    references: {
      payScheduleId: refById('PaySchedule', text(employee.payrollCalendarID)),
      workLocationIds: [],
    },
  });
  return { employee: record, salaries: mapSalaries(employee) };
}
