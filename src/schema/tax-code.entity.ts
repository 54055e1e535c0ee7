import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { ConnecEntity } from './connec-entity.js';
import { RecordStatus } from './enums.js';
import { DecimalScalar } from './scalars.js';
import { TaxComponent } from './value-objects.js';

/** A tax rate (Xero TaxRate, keyed by TaxType in Xero). */
@Entity({ name: 'tax_codes' })
@ObjectType('TaxCode', { description: 'A tax rate that lines and items refer to (a Xero TaxRate).' })
export class TaxCode extends ConnecEntity {
  @Column({ type: 'text' })
  @Field(() => String, { description: 'Name, e.g. "GST on Income".' })
  name!: string;

  @Column({ type: 'text', name: 'tax_type' })
  @Field(() => String, {
    description: "Xero's TaxType key, e.g. OUTPUT2; empty while its create waits for Xero (PENDING).",
  })
  taxType!: string;

  @Column({ type: 'text', default: RecordStatus.ACTIVE })
  @Field(() => RecordStatus, { description: 'ACTIVE, ARCHIVED or DELETED.' })
  status!: RecordStatus;

  @Column({ type: 'numeric', name: 'effective_rate', default: 0 })
  @Field(() => DecimalScalar, { description: 'Effective rate in percent.' })
  effectiveRate!: string;

  @Column({ type: 'jsonb', default: [] })
  @Field(() => [TaxComponent], { description: 'Components of the rate.' })
  components!: TaxComponent[];

  @Column({ type: 'boolean', name: 'can_apply_to_revenue', default: false })
  @Field(() => Boolean, { description: 'Usable on revenue accounts.' })
  canApplyToRevenue!: boolean;

  @Column({ type: 'boolean', name: 'can_apply_to_expenses', default: false })
  @Field(() => Boolean, { description: 'Usable on expense accounts.' })
  canApplyToExpenses!: boolean;

  @Column({ type: 'boolean', name: 'can_apply_to_assets', default: false })
  @Field(() => Boolean, { description: 'Usable on asset accounts.' })
  canApplyToAssets!: boolean;

  @Column({ type: 'boolean', name: 'can_apply_to_liabilities', default: false })
  @Field(() => Boolean, { description: 'Usable on liability accounts.' })
  canApplyToLiabilities!: boolean;
}
