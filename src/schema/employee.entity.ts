import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ConnecEntity } from './connec-entity.js';
import { EmployeeStatus } from './enums.js';
import { DateScalar } from './scalars.js';
import { Address, Email, Phone } from './value-objects.js';

/** An employee (Payroll AU / legacy US Employees). */
@Entity({ name: 'employees' })
@Index(['tenantId', 'lastName'])
@ObjectType('Employee', { description: 'An employee of the business (Xero Payroll).' })
export class Employee extends ConnecEntity {
  @Column({ type: 'text', name: 'first_name' })
  @Field(() => String, { description: 'First name.' })
  firstName!: string;

  @Column({ type: 'text', name: 'last_name' })
  @Field(() => String, { description: 'Last name.' })
  lastName!: string;

  @Column({ type: 'date', name: 'date_of_birth', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Date of birth.' })
  dateOfBirth!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Gender as recorded in Xero (M, F, N, I).' })
  gender!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => Email, { nullable: true, description: 'Email addresses.' })
  email!: Email | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => Phone, { nullable: true, description: 'Phone numbers.' })
  phone!: Phone | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => Address, { nullable: true, description: 'Home address.' })
  address!: Address | null;

  @Column({ type: 'text', name: 'job_title', nullable: true })
  @Field(() => String, { nullable: true, description: 'Job title.' })
  jobTitle!: string | null;

  @Column({ type: 'date', name: 'start_date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Date hired.' })
  startDate!: string | null;

  @Column({ type: 'date', name: 'termination_date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Date employment ended.' })
  terminationDate!: string | null;

  @Column({ type: 'text', default: EmployeeStatus.ACTIVE })
  @Field(() => EmployeeStatus, { description: 'ACTIVE or TERMINATED.' })
  status!: EmployeeStatus;

  @Column({ type: 'uuid', name: 'pay_schedule_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the pay schedule (Xero payroll calendar).' })
  payScheduleId!: string | null;

  @Column({ type: 'uuid', name: 'work_location_ids', array: true, default: () => "'{}'" })
  @Field(() => [ID], { description: 'Connec! ids of the work locations (US payroll only).' })
  workLocationIds!: string[];
}
