import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { ConnecEntity } from './connec-entity.js';
import { PayItemType, RecordStatus } from './enums.js';
import { DecimalScalar } from './scalars.js';

/** An earnings rate, deduction, leave or reimbursement type (AU PayItems). */
@Entity({ name: 'pay_items' })
@ObjectType('PayItem', { description: 'An earnings rate, deduction, leave or reimbursement type.' })
export class PayItem extends ConnecEntity {
  @Column({ type: 'text' })
  @Field(() => PayItemType, { description: 'What the item pays or deducts.' })
  type!: PayItemType;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Name, e.g. "Ordinary Hours".' })
  name!: string;

  @Column({ type: 'text', default: RecordStatus.ACTIVE })
  @Field(() => RecordStatus, { description: 'ACTIVE or ARCHIVED.' })
  status!: RecordStatus;

  @Column({ type: 'text', name: 'rate_type', nullable: true })
  @Field(() => String, { nullable: true, description: 'FIXEDAMOUNT, MULTIPLE or RATEPERUNIT.' })
  rateType!: string | null;

  @Column({ type: 'numeric', name: 'rate_per_unit', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Rate per unit, for RATEPERUNIT items.' })
  ratePerUnit!: string | null;

  @Column({ type: 'numeric', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Multiple of the ordinary rate, e.g. "1.5".' })
  multiplier!: string | null;

  @Column({ type: 'text', name: 'account_code', nullable: true })
  @Field(() => String, { nullable: true, description: 'Code of the account it posts to.' })
  accountCode!: string | null;
}
