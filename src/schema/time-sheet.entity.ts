import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ConnecEntity, TenantOwned } from './connec-entity.js';
import { TimeSheetStatus } from './enums.js';
import { DateScalar, DecimalScalar } from './scalars.js';

/** Hours an employee worked over a period (Xero Timesheet). */
@Entity({ name: 'time_sheets' })
@Index(['tenantId', 'employeeId'])
@Index(['tenantId', 'startDate'])
@ObjectType('TimeSheet', { description: 'Hours an employee worked over a period.' })
export class TimeSheet extends ConnecEntity {
  @Column({ type: 'uuid', name: 'employee_id' })
  @Field(() => ID, { description: 'Connec! id of the employee.' })
  employeeId!: string;

  @Column({ type: 'date', name: 'start_date' })
  @Field(() => DateScalar, { description: 'First day of the timesheet.' })
  startDate!: string;

  @Column({ type: 'date', name: 'end_date' })
  @Field(() => DateScalar, { description: 'Last day of the timesheet.' })
  endDate!: string;

  @Column({ type: 'text', default: TimeSheetStatus.DRAFT })
  @Field(() => TimeSheetStatus, { description: 'Status, as in Xero.' })
  status!: TimeSheetStatus;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Total hours on the timesheet.' })
  hours!: string;
}

@Entity({ name: 'time_sheet_lines' })
@Index(['tenantId', 'timeSheetId'])
@ObjectType('TimeSheetLine', { description: 'Units per day for one earnings rate (and location).' })
export class TimeSheetLine extends TenantOwned {
  @Column({ type: 'uuid', name: 'time_sheet_id' })
  @Field(() => ID, { description: 'Connec! id of the timesheet.' })
  timeSheetId!: string;

  @ManyToOne(() => TimeSheet, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'time_sheet_id' })
  timeSheet?: TimeSheet;

  @Column({ type: 'int', name: 'line_number', default: 1 })
  @Field(() => Int, { description: 'Position of the line, from 1.' })
  lineNumber!: number;

  @Column({ type: 'uuid', name: 'pay_item_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the earnings rate.' })
  payItemId!: string | null;

  @Column({ type: 'uuid', name: 'work_location_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the work location (US only).' })
  workLocationId!: string | null;

  @Column({ type: 'numeric', array: true, default: () => "'{}'" })
  @Field(() => [DecimalScalar], { description: 'Units (hours) for each day of the period, in order.' })
  units!: string[];
}
