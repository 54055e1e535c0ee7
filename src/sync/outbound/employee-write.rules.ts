import type { EntityManager } from 'typeorm';
import type { FieldError } from '../../errors.js';
import type { Employee } from '../../schema/employee.entity.js';
import type { EmployeeInput } from '../../schema/employee.input.js';
import type { EmployeeSalaryInput } from '../../schema/employee-salary.input.js';
import { EmployeeStatus, PayItemType, RecordStatus, SalaryType } from '../../schema/enums.js';
import type { ResolvedEmployee, ResolvedSalary } from '../mappers/connec-employee.mapper.js';
import { compareDecimal } from '../mappers/connec-payment.mapper.js';
import type { PayrollRegion } from './payroll-gate.js';
import { lookupReferences, type RefInput } from './reference-lookup.js';

const MAX_NAME = 35;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HOURS_IN_A_WEEK = '168';

/**
 * Field rules for an employee (Xero payroll requires names and a date of birth). On an update
 * (`existing` given) only the fields present are checked, against the employee's current dates. Pure.
 */
export function checkEmployeeFields(
  input: EmployeeInput,
  today = new Date().toISOString().slice(0, 10),
  existing?: Pick<Employee, 'dateOfBirth' | 'startDate'> | null,
): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['firstName', 'lastName'] as const) {
    const value = input[field];
    if (existing && value === undefined) continue;
    if (!value?.trim()) errors.push({ path: field, message: 'Required.' });
    else if (value.length > MAX_NAME)
      errors.push({ path: field, message: `Must be at most ${MAX_NAME} characters.` });
  }
  if (!existing && !input.dateOfBirth) errors.push({ path: 'dateOfBirth', message: 'Required.' });
  if (existing && input.dateOfBirth === null) errors.push({ path: 'dateOfBirth', message: 'Required.' });
  const dateOfBirth = input.dateOfBirth ?? existing?.dateOfBirth ?? null;
  const startDate = input.startDate ?? existing?.startDate ?? null;
  if (input.dateOfBirth && input.dateOfBirth > today)
    errors.push({ path: 'dateOfBirth', message: 'Must be in the past.' });
  if (startDate && dateOfBirth && startDate < dateOfBirth)
    errors.push({ path: 'startDate', message: 'Must be after the date of birth.' });
  if (input.email && !EMAIL.test(input.email))
    errors.push({ path: 'email', message: 'Must be an email address.' });
  return errors;
}

/**
 * A TERMINATED employee in Xero is one with a termination date; Payroll AU refuses a termination without
 * a reason ("Termination reason is required", Single Touch Payroll phase 2). Xero's API documents no way
 * to undo a termination, so the gateway does not try. Pure.
 */
export function checkTermination(
  input: EmployeeInput,
  existing: Pick<Employee, 'status' | 'startDate'> | null,
  region: PayrollRegion,
): FieldError[] {
  const errors: FieldError[] = [];
  if (input.terminationDate === null && existing?.status === EmployeeStatus.TERMINATED) {
    errors.push({
      path: 'terminationDate',
      message:
        "A termination cannot be undone through the gateway (Xero's API has no reinstatement): reinstate the employee in Xero.",
    });
  }
  if (!input.terminationDate) {
    if (input.terminationReason)
      errors.push({ path: 'terminationReason', message: 'Only with a terminationDate.' });
    return errors;
  }
  if (region === 'AU' && !input.terminationReason) {
    errors.push({
      path: 'terminationReason',
      message:
        'Required to terminate an employee in Australian payroll: Xero refuses a termination without one.',
    });
  }
  const startDate = input.startDate ?? existing?.startDate ?? null;
  if (startDate && input.terminationDate < startDate)
    errors.push({ path: 'terminationDate', message: 'Must be on or after the start date.' });
  return errors;
}

const positive = (value: string) => compareDecimal(value, '0') > 0;

/** The amount, hours and pay item rules of each salary, with paths like `salaries.0.annualSalary`. Pure. */
export function checkSalaryFields(
  salaries: readonly EmployeeSalaryInput[],
  region: PayrollRegion,
): FieldError[] {
  return salaries.flatMap((salary, index) => {
    const at = (field: string, message: string): FieldError => ({
      path: `salaries.${index}.${field}`,
      message,
    });
    const errors: FieldError[] = [];
    const salaried = salary.type === SalaryType.SALARY;
    const [wanted, other] = salaried
      ? (['annualSalary', 'hourlyRate'] as const)
      : (['hourlyRate', 'annualSalary'] as const);
    const amount = salary[wanted];
    if (amount == null) errors.push(at(wanted, `Required for ${salaried ? 'a SALARY' : 'an HOURLY wage'}.`));
    else if (!positive(amount)) errors.push(at(wanted, 'Must be positive.'));
    if (salary[other] != null) {
      errors.push(
        at(other, `Only for ${salaried ? 'an HOURLY wage' : 'a SALARY'}; this one takes ${wanted}.`),
      );
    }
    const hours = salary.hoursPerWeek;
    if (hours != null && (compareDecimal(hours, '0') < 0 || compareDecimal(hours, HOURS_IN_A_WEEK) > 0))
      errors.push(at('hoursPerWeek', `Must be between 0 and ${HOURS_IN_A_WEEK} (the hours in a week).`));
    if (hours == null && salaried && region === 'AU') {
      errors.push(
        at(
          'hoursPerWeek',
          "Required for a SALARY in Australian payroll: Xero's annual salary line needs the weekly hours.",
        ),
      );
    }
    if (!salary.payItemId && !salary.payItem)
      errors.push(at('payItemId', 'Required: the earnings pay item (payItemId or payItem).'));
    if (salary.payItemId && salary.payItem)
      errors.push(at('payItem', 'Give payItemId or payItem, not both.'));
    return errors;
  });
}

/** What Xero cannot hold of the input: AU pay templates carry no dates, US payroll no termination reason. */
export function employeeWarnings(input: EmployeeInput, region: PayrollRegion): string[] {
  const warnings: string[] = [];
  if (region === 'AU' && input.salaries?.some((salary) => salary.effectiveFrom))
    warnings.push(
      "Australian pay templates hold no effective date: the salaries' effectiveFrom was not sent to Xero.",
    );
  if (region === 'US' && input.terminationReason)
    warnings.push('US payroll keeps no termination reason: it was not sent to Xero.');
  return warnings;
}

/** The validated input as the write sends it: on a create nothing is cleared, so null means absent. Pure. */
export function resolveEmployee(
  input: EmployeeInput,
  region: PayrollRegion,
  updating: boolean,
  salaries: ResolvedSalary[] | undefined,
): ResolvedEmployee {
  return {
    firstName: input.firstName?.trim(),
    lastName: input.lastName?.trim(),
    dateOfBirth: input.dateOfBirth ?? undefined,
    email: updating ? input.email : (input.email ?? undefined),
    jobTitle: updating ? input.jobTitle : (input.jobTitle ?? undefined),
    startDate: input.startDate ?? undefined,
    termination: input.terminationDate
      ? { date: input.terminationDate, reason: region === 'AU' ? (input.terminationReason ?? null) : null }
      : undefined,
    salaries,
  };
}

/**
 * Resolves each salary's pay item (by Connec! id or external id) against the cache: it must be a current
 * EARNINGS pay item that Xero knows. Returns the salaries, or the field errors.
 */
export async function resolveSalaries(
  manager: EntityManager,
  tenantId: string,
  salaries: readonly EmployeeSalaryInput[],
): Promise<{ salaries: ResolvedSalary[]; errors: FieldError[] }> {
  const refs: RefInput[] = salaries.map((salary, index) => ({
    path: `salaries.${index}.${salary.payItem ? 'payItem' : 'payItemId'}`,
    entity: 'PayItem',
    id: salary.payItemId,
    external: salary.payItem,
  }));
  const found = await lookupReferences(manager, tenantId, refs);
  const resolved = salaries.map((salary, index): ResolvedSalary | null => {
    const path = refs[index].path;
    const item = found.rows.get(path);
    if (!item) return null;
    const problem =
      item.type !== PayItemType.EARNINGS
        ? `Must be an EARNINGS pay item (this one is ${String(item.type)}).`
        : item.status === RecordStatus.ARCHIVED
          ? 'This pay item is archived in Xero.'
          : !item.xeroId
            ? 'This pay item is not in Xero yet.'
            : null;
    if (problem) {
      found.errors.push({ path, message: problem });
      return null;
    }
    return {
      type: salary.type,
      annualSalary: salary.annualSalary ?? null,
      hourlyRate: salary.hourlyRate ?? null,
      hoursPerWeek: salary.hoursPerWeek ?? null,
      effectiveFrom: salary.effectiveFrom ?? null,
      payItem: { connecId: item.id, xeroId: item.xeroId!, ratePerUnit: (item.ratePerUnit as string) ?? null },
    };
  });
  return { salaries: resolved.filter((salary) => salary !== null), errors: found.errors };
}
