import { Field, ID, ObjectType } from 'type-graphql';
import { EmployeeStatus, SalaryType } from '../schema/enums.js';
import { DateScalar, DecimalScalar } from '../schema/scalars.js';
import { WidgetPeriod } from './widget-period.js';

@ObjectType('EmployeeListEntry', { description: 'An employee with pay for the period asked.' })
export class EmployeeListEntry {
  @Field(() => ID, { description: 'Connec! id of the employee.' })
  employeeId!: string;
  @Field(() => String, { description: 'First name.' })
  firstName!: string;
  @Field(() => String, { description: 'Last name.' })
  lastName!: string;
  @Field(() => String, { nullable: true, description: 'Job title.' })
  jobTitle!: string | null;
  @Field(() => String, { nullable: true, description: 'Main email address.' })
  email!: string | null;
  @Field(() => String, { nullable: true, description: 'Mobile or landline.' })
  phone!: string | null;
  @Field(() => EmployeeStatus, { description: 'ACTIVE or TERMINATED.' })
  status!: EmployeeStatus;
  @Field(() => [String], { description: 'Names of the work locations (US payroll).' })
  workLocations!: string[];
  @Field(() => SalaryType, {
    nullable: true,
    description: 'SALARY when any pay line is a salary; null: no pay.',
  })
  salaryType!: SalaryType | null;
  @Field(() => DecimalScalar, { description: 'Pay for one period (annual pay / periods in a year).' })
  salary!: string;
  @Field(() => DecimalScalar, { description: 'Ordinary hours in one period.' })
  hours!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Average pay per hour; null without hours.' })
  averageRate!: string | null;
  @Field(() => String, { nullable: true, description: 'Currency of the pay.' })
  currency!: string | null;
}

@ObjectType('EmployeesListWidget', { description: 'Employees with their pay for a period.' })
export class EmployeesListWidget {
  @Field(() => WidgetPeriod, { description: 'The period pay is shown for.' })
  period!: WidgetPeriod;
  @Field(() => String, { nullable: true, description: 'Base currency of the organisation.' })
  currency!: string | null;
  @Field(() => DecimalScalar, { description: 'Pay of the active employees for one period.' })
  totalSalary!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Their average pay per hour.' })
  averageRate!: string | null;
  @Field(() => [EmployeeListEntry], { description: 'Employees by last and first name.' })
  employees!: EmployeeListEntry[];
}

@ObjectType('TimesheetSeries', { description: "One employee's hours per period." })
export class TimesheetSeries {
  @Field(() => ID, { description: 'Connec! id of the employee.' })
  employeeId!: string;
  @Field(() => String, { description: 'First and last name.' })
  name!: string;
  @Field(() => [DecimalScalar], { description: 'Hours worked per period (timesheets not rejected).' })
  worked!: string[];
  @Field(() => [DecimalScalar], { description: 'Hours of leave per period (leave not rejected).' })
  timeOff!: string[];
  @Field(() => DecimalScalar, { description: 'Hours worked in the range.' })
  totalWorked!: string;
  @Field(() => DecimalScalar, { description: 'Hours of leave in the range.' })
  totalTimeOff!: string;
}

@ObjectType('TimesheetsWidget', { description: 'Hours worked and time off per employee and period.' })
export class TimesheetsWidget {
  @Field(() => WidgetPeriod, { description: 'Length of each period.' })
  period!: WidgetPeriod;
  @Field(() => [DateScalar], { description: 'First day of each period.' })
  periods!: string[];
  @Field(() => [TimesheetSeries], { description: 'Employees with hours in the range.' })
  employees!: TimesheetSeries[];
  @Field(() => DecimalScalar, { description: 'Hours worked by everyone.' })
  totalWorked!: string;
  @Field(() => DecimalScalar, { description: 'Hours of leave of everyone.' })
  totalTimeOff!: string;
}
