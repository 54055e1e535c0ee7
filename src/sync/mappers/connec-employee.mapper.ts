import type { Employee } from 'xero-node/dist/gen/model/payroll-au/models.js';

/** An employee write, validated. */
export interface ResolvedEmployee {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  email: string | null;
  jobTitle: string | null;
  startDate: string | null;
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** A Payroll AU Employee (xero-node's camelCase model). */
export function toXeroAuEmployee(employee: ResolvedEmployee): Employee {
  return defined({
    firstName: employee.firstName,
    lastName: employee.lastName,
    dateOfBirth: employee.dateOfBirth,
    email: employee.email,
    jobTitle: employee.jobTitle,
    startDate: employee.startDate,
  }) as Employee;
}

/** A legacy US payroll Employee (PascalCase JSON: xero-node has no client for it). */
export function toXeroUsEmployee(employee: ResolvedEmployee): Record<string, unknown> {
  return defined({
    FirstName: employee.firstName,
    LastName: employee.lastName,
    DateOfBirth: employee.dateOfBirth,
    Email: employee.email,
    JobTitle: employee.jobTitle,
    HireDate: employee.startDate,
  });
}

/** The cache fields of an employee whose write is pending. */
export function pendingEmployeeFields(employee: ResolvedEmployee): Record<string, unknown> {
  return {
    firstName: employee.firstName,
    lastName: employee.lastName,
    dateOfBirth: employee.dateOfBirth,
    email: employee.email ? { address: employee.email, address2: null } : null,
    jobTitle: employee.jobTitle,
    startDate: employee.startDate,
    status: 'ACTIVE',
  };
}
