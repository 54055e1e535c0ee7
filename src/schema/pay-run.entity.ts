import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ConnecEntity, TenantOwned } from './connec-entity.js';
import { PayRunStatus } from './enums.js';
import { DateScalar, DecimalScalar } from './scalars.js';

/** One run of payroll for a pay schedule's period (Xero PayRun). */
@Entity({ name: 'pay_runs' })
@Index(['tenantId', 'paymentDate'])
@ObjectType('PayRun', { description: "One run of payroll for a pay schedule's period." })
export class PayRun extends ConnecEntity {
  @Column({ type: 'uuid', name: 'pay_schedule_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the pay schedule.' })
  payScheduleId!: string | null;

  @Column({ type: 'date', name: 'period_start', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'First day of the period paid.' })
  periodStart!: string | null;

  @Column({ type: 'date', name: 'period_end', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Last day of the period paid.' })
  periodEnd!: string | null;

  @Column({ type: 'date', name: 'payment_date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'When employees are paid.' })
  paymentDate!: string | null;

  @Column({ type: 'text', default: PayRunStatus.DRAFT })
  @Field(() => PayRunStatus, { description: 'DRAFT or POSTED.' })
  status!: PayRunStatus;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Total gross wages.' })
  wages!: string;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Total tax withheld.' })
  tax!: string;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Total superannuation (AU) or retirement contributions.' })
  superannuation!: string;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Total deductions.' })
  deductions!: string;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Total reimbursements.' })
  reimbursements!: string;

  @Column({ type: 'numeric', name: 'net_pay', default: 0 })
  @Field(() => DecimalScalar, { description: 'Total paid to employees.' })
  netPay!: string;
}

@Entity({ name: 'payslips' })
@Index(['tenantId', 'payRunId'])
@Index(['tenantId', 'employeeId'])
@ObjectType('Payslip', { description: "One employee's pay in a pay run." })
export class Payslip extends TenantOwned {
  @Column({ type: 'uuid', name: 'pay_run_id' })
  @Field(() => ID, { description: 'Connec! id of the pay run.' })
  payRunId!: string;

  @ManyToOne(() => PayRun, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pay_run_id' })
  payRun?: PayRun;

  @Column({ type: 'uuid', name: 'employee_id' })
  @Field(() => ID, { description: 'Connec! id of the employee.' })
  employeeId!: string;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Gross wages.' })
  wages!: string;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Tax withheld.' })
  tax!: string;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Superannuation or retirement contribution.' })
  superannuation!: string;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Deductions.' })
  deductions!: string;

  @Column({ type: 'numeric', default: 0 })
  @Field(() => DecimalScalar, { description: 'Reimbursements.' })
  reimbursements!: string;

  @Column({ type: 'numeric', name: 'net_pay', default: 0 })
  @Field(() => DecimalScalar, { description: 'Amount paid to the employee.' })
  netPay!: string;
}
