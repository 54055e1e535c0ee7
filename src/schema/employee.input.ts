import { Field, InputType } from 'type-graphql';
import { DateScalar } from './scalars.js';

/** An employee to create (Payroll AU, or the legacy US payroll), with what Xero requires. */
@InputType('EmployeeInput', {
  description: 'An employee to create in Xero payroll (AU or US organisations).',
})
export class EmployeeInput {
  @Field(() => String, { description: 'First name (required).' })
  firstName!: string;

  @Field(() => String, { description: 'Last name (required).' })
  lastName!: string;

  @Field(() => DateScalar, { description: 'Date of birth (required by Xero payroll).' })
  dateOfBirth!: string;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Job title.' })
  jobTitle?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Start (hire) date, not before the date of birth.',
  })
  startDate?: string | null;
}
