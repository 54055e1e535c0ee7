import { Field, ID, InputType } from 'type-graphql';
import { AddressInput, PhoneInput } from './organization.input.js';
import { DateScalar } from './scalars.js';
import { ExternalIdInput } from './value-objects.js';

/** Leave an employee asks for (Australian payroll only, rule 17). */
@InputType('LeaveApplicationInput', {
  description: 'A leave application to create or upsert (AU payroll only).',
})
export class LeaveApplicationInput {
  @Field(() => ID, { nullable: true, description: 'Connec! id of the employee.' })
  employeeId?: string | null;

  @Field(() => ExternalIdInput, { nullable: true, description: 'The employee by its id in another system.' })
  employee?: ExternalIdInput | null;

  @Field(() => ID, { nullable: true, description: 'Connec! id of the leave type (a PayItem of type LEAVE).' })
  leaveTypeId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: 'The leave type by its id in another system.',
  })
  leaveType?: ExternalIdInput | null;

  @Field(() => String, { description: 'Title, e.g. "Annual leave" (at most 50 characters).' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Description (at most 200 characters).' })
  description?: string | null;

  @Field(() => DateScalar, { description: 'First day of leave.' })
  startDate!: string;

  @Field(() => DateScalar, { description: 'Last day of leave (on or after the first).' })
  endDate!: string;
}

/** A place employees work at (US payroll only, rule 17). */
@InputType('WorkLocationInput', { description: 'A work location to create or upsert (US payroll only).' })
export class WorkLocationInput {
  @Field(() => String, { description: 'Name of the location.' })
  name!: string;

  @Field(() => AddressInput, {
    nullable: true,
    description: 'Street address (line1, city, region = state, postalCode).',
  })
  address?: AddressInput | null;

  @Field(() => PhoneInput, { nullable: true, description: 'Phone (landline).' })
  phone?: PhoneInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether this is the primary location.' })
  isPrimary?: boolean | null;
}
