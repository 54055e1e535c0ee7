import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { ConnecEntity } from './connec-entity.js';
import { ScheduleType } from './enums.js';
import { DateScalar } from './scalars.js';

/** How often employees are paid (AU PayrollCalendars, US PaySchedules). */
@Entity({ name: 'pay_schedules' })
@ObjectType('PaySchedule', { description: 'A pay calendar: how often employees are paid.' })
export class PaySchedule extends ConnecEntity {
  @Column({ type: 'text' })
  @Field(() => String, { description: 'Name, e.g. "Weekly".' })
  name!: string;

  @Column({ type: 'text', name: 'schedule_type' })
  @Field(() => ScheduleType, { description: 'Frequency.' })
  scheduleType!: ScheduleType;

  @Column({ type: 'date', name: 'start_date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Start of the first period.' })
  startDate!: string | null;

  @Column({ type: 'date', name: 'payment_date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'First payment date.' })
  paymentDate!: string | null;
}
