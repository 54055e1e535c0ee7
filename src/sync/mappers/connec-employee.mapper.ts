import type { EarningsLine, Employee } from 'xero-node/dist/gen/model/payroll-au/models.js';
import { EmployeeStatus, SalaryType } from '../../schema/enums.js';
import { compareDecimal } from './connec-payment.mapper.js';
import { decimal } from './decimal.util.js';

/** A salary of an employee write, validated, its pay item resolved. */
export interface ResolvedSalary {
  type: SalaryType;
  annualSalary: string | null;
  hourlyRate: string | null;
  hoursPerWeek: string | null;
  effectiveFrom: string | null;
  payItem: { connecId: string; xeroId: string; ratePerUnit: string | null };
  /** US: the SalaryAndWagesID of the entry this one carries on (same pay item), so Xero updates it. */
  xeroId?: string | null;
}

/**
 * An employee write, validated. On an update only the fields given are set (`null` clears a text field);
 * `salaries`, when given, is the whole list.
 */
export interface ResolvedEmployee {
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  email?: string | null;
  jobTitle?: string | null;
  startDate?: string;
  termination?: { date: string; reason: string | null };
  salaries?: ResolvedSalary[];
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Xero clears a text field sent empty; null means "clear" in the gateway's inputs. */
const cleared = (value: string | null | undefined) => (value === null ? '' : value);

const amount = (value: string | null) => (value === null ? undefined : Number(value));

/**
 * One pay template earnings line. An hourly wage equal to the earnings rate's own rate uses the rate
 * (USEEARNINGSRATE, so it follows the rate); any other is entered for the employee (ENTEREARNINGSRATE).
 * The rate is sent either way so Xero's answer carries it.
 */
export function toXeroAuEarningsLine(salary: ResolvedSalary): EarningsLine {
  if (salary.type === SalaryType.SALARY) {
    return defined({
      earningsRateID: salary.payItem.xeroId,
      calculationType: 'ANNUALSALARY' as never,
      annualSalary: amount(salary.annualSalary),
      numberOfUnitsPerWeek: amount(salary.hoursPerWeek),
    });
  }
  const own = salary.payItem.ratePerUnit;
  const usesRate = own !== null && salary.hourlyRate !== null && compareDecimal(own, salary.hourlyRate) === 0;
  return defined({
    earningsRateID: salary.payItem.xeroId,
    calculationType: (usesRate ? 'USEEARNINGSRATE' : 'ENTEREARNINGSRATE') as never,
    ratePerUnit: amount(salary.hourlyRate),
    numberOfUnitsPerWeek: amount(salary.hoursPerWeek),
  });
}

/**
 * A Payroll AU Employee (xero-node's camelCase model), only the fields the write sets. Salaries become the
 * pay template's earnings lines; on a create the first one's rate is the ordinary earnings rate.
 */
export function toXeroAuEmployee(employee: ResolvedEmployee, creating = false): Employee {
  const first = employee.salaries?.[0];
  return defined({
    firstName: employee.firstName,
    lastName: employee.lastName,
    dateOfBirth: employee.dateOfBirth,
    email: cleared(employee.email),
    jobTitle: cleared(employee.jobTitle),
    startDate: employee.startDate,
    terminationDate: employee.termination?.date,
    terminationReason: (employee.termination?.reason ?? undefined) as never,
    ordinaryEarningsRateID: creating ? first?.payItem.xeroId : undefined,
    payTemplate: employee.salaries
      ? { earningsLines: employee.salaries.map(toXeroAuEarningsLine) }
      : undefined,
  }) as Employee;
}

/** One legacy US SalaryAndWages entry (PascalCase JSON). */
export function toXeroUsSalaryAndWage(salary: ResolvedSalary): Record<string, unknown> {
  const salaried = salary.type === SalaryType.SALARY;
  return defined({
    SalaryAndWagesID: salary.xeroId ?? undefined,
    EarningsTypeID: salary.payItem.xeroId,
    SalaryWagesType: salaried ? 'ANNUALSALARY' : 'HOURLY',
    AnnualSalary: salaried ? amount(salary.annualSalary) : undefined,
    HourlyRate: salaried ? undefined : amount(salary.hourlyRate),
    StandardHoursPerWeek: amount(salary.hoursPerWeek),
    EffectiveDate: salary.effectiveFrom ?? undefined,
  });
}

/** A legacy US payroll Employee (PascalCase JSON: xero-node has no client for it). */
export function toXeroUsEmployee(employee: ResolvedEmployee): Record<string, unknown> {
  return defined({
    FirstName: employee.firstName,
    LastName: employee.lastName,
    DateOfBirth: employee.dateOfBirth,
    Email: cleared(employee.email),
    JobTitle: cleared(employee.jobTitle),
    HireDate: employee.startDate,
    TerminationDate: employee.termination?.date,
    // The legacy US payroll keeps the status itself (Payroll AU derives it from the termination date).
    Status: employee.termination ? 'TERMINATED' : undefined,
    SalaryAndWages: employee.salaries?.map(toXeroUsSalaryAndWage),
  });
}

/** The cache fields of an employee whose write is pending: what the write sets, nothing else. */
export function pendingEmployeeFields(
  employee: ResolvedEmployee,
  creating: boolean,
): Record<string, unknown> {
  return defined({
    firstName: employee.firstName,
    lastName: employee.lastName,
    dateOfBirth: employee.dateOfBirth,
    email:
      employee.email === undefined
        ? undefined
        : employee.email
          ? { address: employee.email, address2: null }
          : null,
    jobTitle: employee.jobTitle,
    startDate: employee.startDate,
    terminationDate: employee.termination?.date,
    status: employee.termination ? EmployeeStatus.TERMINATED : creating ? EmployeeStatus.ACTIVE : undefined,
  });
}

/**
 * The cache fields of a pending salary, as the inbound mappers will make them of Xero's answer (AU pay
 * templates hold no date, and pay in AUD; US payroll pays in USD).
 */
export function pendingSalaryFields(
  salary: ResolvedSalary,
  employeeId: string,
  region: 'AU' | 'US',
): Record<string, unknown> {
  const salaried = salary.type === SalaryType.SALARY;
  return {
    employeeId,
    type: salary.type,
    annualSalary: salaried ? decimal(salary.annualSalary) : null,
    hourlyRate: salaried ? null : decimal(salary.hourlyRate),
    hoursPerWeek: decimal(salary.hoursPerWeek),
    currency: region === 'AU' ? 'AUD' : 'USD',
    frequency: null,
    payItemId: salary.payItem.connecId,
    effectiveFrom: region === 'AU' ? null : salary.effectiveFrom,
  };
}

/**
 * Which occurrence of its pay item each salary is (1 for the first line of a rate, 2 for the second, ...):
 * with the pay item, how a salary is told apart from the others of the employee on both sides.
 */
export function payItemOccurrences(payItemIds: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return payItemIds.map((id) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count;
  });
}
