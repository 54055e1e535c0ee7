import { Field, ID, InputType } from 'type-graphql';
import { ExpectedUpdatedAtField } from './expected-updated-at.js';
import { DateScalar, DecimalScalar } from './scalars.js';
import { ExternalIdInput } from './value-objects.js';

/** Hours for one earnings rate (and, in US payroll, one work location) over the timesheet's days. */
@InputType('TimeSheetLineInput', { description: 'Hours per day for one earnings rate.' })
export class TimeSheetLineInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Connec! id of the earnings rate (a PayItem of type EARNINGS).',
  })
  payItemId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: 'The earnings rate by its id in another system.',
  })
  payItem?: ExternalIdInput | null;

  @Field(() => ID, { nullable: true, description: 'Connec! id of the work location (US payroll only).' })
  workLocationId?: string | null;

  @Field(() => ExternalIdInput, {
    nullable: true,
    description: 'The work location by its id in another system (US payroll only).',
  })
  workLocation?: ExternalIdInput | null;

  @Field(() => [DecimalScalar], {
    description:
      'Hours worked on each day of the period, in order from startDate: exactly one value per day, each 0 to 24.',
  })
  hours!: string[];
}

/**
 * A timesheet to create, or the fields of one to change (omitted fields keep their value; `lines`
 * replaces every line). Checked by the gateway before Xero sees anything.
 */
@InputType('TimeSheetInput', { description: 'A timesheet to create, or the fields of one to change.' })
export class TimeSheetInput {
  @Field(() => ID, { nullable: true, description: 'Connec! id of the employee (required on create).' })
  employeeId?: string | null;

  @Field(() => ExternalIdInput, { nullable: true, description: 'The employee by its id in another system.' })
  employee?: ExternalIdInput | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the period (required on create).' })
  startDate?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of the period, on or after the first (required on create).',
  })
  endDate?: string | null;

  @Field(() => [TimeSheetLineInput], {
    nullable: true,
    description: 'The lines, at least one (replacing all lines on an update).',
  })
  lines?: TimeSheetLineInput[] | null;

  @ExpectedUpdatedAtField('timesheet')
  expectedUpdatedAt?: Date | null;
}
