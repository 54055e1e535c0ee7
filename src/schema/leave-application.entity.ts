import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ConnecEntity, TenantOwned } from './connec-entity.js';
import { LeavePeriodStatus } from './enums.js';
import { DateScalar, DecimalScalar } from './scalars.js';

/** A request for leave (AU only, Xero LeaveApplications). */
@Entity({ name: 'leave_applications' })
@Index(['tenantId', 'employeeId'])
@ObjectType('LeaveApplication', { description: 'A request for leave by an employee (AU payroll only).' })
export class LeaveApplication extends ConnecEntity {
  @Column({ type: 'uuid', name: 'employee_id' })
  @Field(() => ID, { description: 'Connec! id of the employee.' })
  employeeId!: string;

  @Column({ type: 'uuid', name: 'pay_item_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the leave type (a LEAVE pay item).' })
  payItemId!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Title, e.g. "Summer holiday".' })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Description.' })
  description!: string | null;

  @Column({ type: 'date', name: 'start_date' })
  @Field(() => DateScalar, { description: 'First day of leave.' })
  startDate!: string;

  @Column({ type: 'date', name: 'end_date' })
  @Field(() => DateScalar, { description: 'Last day of leave.' })
  endDate!: string;
}

@Entity({ name: 'leave_periods' })
@Index(['tenantId', 'leaveApplicationId'])
@ObjectType('LeavePeriod', { description: 'One pay period of a leave application.' })
export class LeavePeriod extends TenantOwned {
  @Column({ type: 'uuid', name: 'leave_application_id' })
  @Field(() => ID, { description: 'Connec! id of the leave application.' })
  leaveApplicationId!: string;

  @ManyToOne(() => LeaveApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'leave_application_id' })
  leaveApplication?: LeaveApplication;

  @Column({ type: 'date', name: 'start_date' })
  @Field(() => DateScalar, { description: 'First day of the period.' })
  startDate!: string;

  @Column({ type: 'date', name: 'end_date' })
  @Field(() => DateScalar, { description: 'Last day of the period.' })
  endDate!: string;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Units (hours) of leave in the period.' })
  units!: string;

  @Column({ type: 'text', default: LeavePeriodStatus.SCHEDULED })
  @Field(() => LeavePeriodStatus, { description: 'Status of the period.' })
  status!: LeavePeriodStatus;
}
