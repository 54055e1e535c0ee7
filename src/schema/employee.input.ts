import { Field, InputType, registerEnumType } from 'type-graphql';
import { EmployeeSalaryInput } from './employee-salary.input.js';
import { ExpectedUpdatedAtField } from './expected-updated-at.js';
import { DateScalar } from './scalars.js';

/** Why employment ended: Xero Payroll AU's TerminationReason codes (Single Touch Payroll phase 2). */
export enum TerminationReason {
  VOLUNTARY_CESSATION = 'V',
  ILL_HEALTH = 'I',
  DECEASED = 'D',
  REDUNDANCY = 'R',
  DISMISSAL = 'F',
  CONTRACT_CESSATION = 'C',
  TRANSFER = 'T',
}

registerEnumType(TerminationReason, {
  name: 'TerminationReason',
  description: "Why employment ended (Xero Payroll AU's termination reason, required there to terminate).",
});

/**
 * An employee to create (Payroll AU, or the legacy US payroll), or the fields of one to change: on an
 * update omitted fields keep their value and `salaries`, when given, replaces all salaries.
 */
@InputType('EmployeeInput', {
  description:
    'An employee to create in Xero payroll (AU or US organisations), or the fields of one to change.',
})
export class EmployeeInput {
  @Field(() => String, { nullable: true, description: 'First name (required on create).' })
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'Last name (required on create).' })
  lastName?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of birth (required by Xero payroll on create).',
  })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address (null clears it).' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Job title (null clears it).' })
  jobTitle?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Start (hire) date, not before the date of birth.',
  })
  startDate?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Terminates the employee on this date (status becomes TERMINATED, as in Xero: a terminated employee is one with a termination date). Not before the start date; a termination cannot be undone through the gateway.',
  })
  terminationDate?: string | null;

  @Field(() => TerminationReason, {
    nullable: true,
    description: 'Why employment ended: required with terminationDate in Australian payroll.',
  })
  terminationReason?: TerminationReason | null;

  @Field(() => [EmployeeSalaryInput], {
    nullable: true,
    description:
      'What the employee is paid (replacing all salaries on an update; omitted, they are kept). AU: the pay template earnings lines; US: SalaryAndWages.',
  })
  salaries?: EmployeeSalaryInput[] | null;

  @ExpectedUpdatedAtField('employee')
  expectedUpdatedAt?: Date | null;
}
