import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ConnecEntity } from './connec-entity.js';
import { SalaryType } from './enums.js';
import { DateScalar, DecimalScalar } from './scalars.js';

/** What an employee is paid (AU pay template earnings / US SalaryAndWages). */
@Entity({ name: 'employee_salaries' })
@Index(['tenantId', 'employeeId'])
@ObjectType('EmployeeSalary', { description: "An employee's salary or hourly wage from a date." })
export class EmployeeSalary extends ConnecEntity {
  @Column({ type: 'uuid', name: 'employee_id' })
  @Field(() => ID, { description: 'Connec! id of the employee.' })
  employeeId!: string;

  @Column({ type: 'text', default: SalaryType.SALARY })
  @Field(() => SalaryType, { description: 'SALARY or HOURLY.' })
  type!: SalaryType;

  @Column({ type: 'numeric', name: 'annual_salary', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Annual salary, for salaried employees.' })
  annualSalary!: string | null;

  @Column({ type: 'numeric', name: 'hourly_rate', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Rate per hour.' })
  hourlyRate!: string | null;

  @Column({ type: 'numeric', name: 'hours_per_week', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Ordinary hours per week.' })
  hoursPerWeek!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'ISO-4217 currency code.' })
  currency!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Pay frequency, e.g. WEEKLY or MONTHLY.' })
  frequency!: string | null;

  @Column({ type: 'uuid', name: 'pay_item_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the earnings pay item.' })
  payItemId!: string | null;

  @Column({ type: 'date', name: 'effective_from', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'From when this pay applies.' })
  effectiveFrom!: string | null;
}
