import { Field, ID, InputType } from 'type-graphql';
import { SalaryType } from './enums.js';
import { DateScalar, DecimalScalar } from './scalars.js';
import { ExternalIdInput } from './value-objects.js';

/**
 * What an employee is paid, as Xero holds it: a Payroll AU pay template earnings line, or a US
 * SalaryAndWages entry. The amount matching the type is required.
 */
@InputType('EmployeeSalaryInput', {
  description:
    'A salary or hourly wage of an employee (AU: a pay template earnings line; US: SalaryAndWages).',
})
export class EmployeeSalaryInput {
  @Field(() => SalaryType, { description: 'SALARY (an annual salary) or HOURLY (a rate per hour).' })
  type!: SalaryType;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Annual salary: required and positive for SALARY, not given for HOURLY.',
  })
  annualSalary?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Rate per hour: required and positive for HOURLY, not given for SALARY.',
  })
  hourlyRate?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Ordinary hours per week, 0 to 168 (required for a SALARY in Australian payroll).',
  })
  hoursPerWeek?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Connec! id of the earnings pay item (a PayItem of type EARNINGS).',
  })
  payItemId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: "The earnings pay item by its id in another system (e.g. Xero's EarningsRateID).",
  })
  payItem?: ExternalIdInput | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'From when this pay applies (US payroll). Australian pay templates carry no date: it is not sent there.',
  })
  effectiveFrom?: string | null;
}
