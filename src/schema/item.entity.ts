import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ConnecEntity } from './connec-entity.js';
import { ItemType, RecordStatus } from './enums.js';
import { DecimalScalar } from './scalars.js';
import { Amount } from './value-objects.js';

/** A product or service (Xero Item). */
@Entity({ name: 'items' })
@Index(['tenantId', 'code'])
@ObjectType('Item', { description: 'A product or service that can be sold or bought (a Xero Item).' })
export class Item extends ConnecEntity {
  @Column({ type: 'text' })
  @Field(() => String, { description: 'Item code, unique per tenant (Xero: required, max 30).' })
  code!: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'Name (Xero: max 50).' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Sales description.' })
  description!: string | null;

  @Column({ type: 'text', default: ItemType.SERVICE })
  @Field(() => ItemType, { description: 'Purchased, service or tracked inventory.' })
  type!: ItemType;

  @Column({ type: 'text', default: RecordStatus.ACTIVE })
  @Field(() => RecordStatus, { description: 'ACTIVE, ARCHIVED or DELETED.' })
  status!: RecordStatus;

  @Column({ type: 'jsonb', name: 'sale_price', nullable: true })
  @Field(() => Amount, { nullable: true, description: 'Unit sale price.' })
  salePrice!: Amount | null;

  @Column({ type: 'jsonb', name: 'purchase_price', nullable: true })
  @Field(() => Amount, { nullable: true, description: 'Unit purchase price (optional).' })
  purchasePrice!: Amount | null;

  @Column({ type: 'uuid', name: 'sale_tax_code_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the tax code applied on sales.' })
  saleTaxCodeId!: string | null;

  @Column({ type: 'uuid', name: 'purchase_tax_code_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the tax code applied on purchases.' })
  purchaseTaxCodeId!: string | null;

  @Column({ type: 'uuid', name: 'sale_account_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the revenue account for sales.' })
  saleAccountId!: string | null;

  @Column({ type: 'uuid', name: 'purchase_account_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the account for purchases.' })
  purchaseAccountId!: string | null;

  @Column({ type: 'boolean', name: 'is_inventoried', default: false })
  @Field(() => Boolean, { description: 'Whether Xero tracks the quantity on hand.' })
  isInventoried!: boolean;

  @Column({ type: 'numeric', name: 'quantity_on_hand', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Quantity on hand (read-only, from Xero).' })
  quantityOnHand!: string | null;

  @Column({ type: 'numeric', name: 'average_cost', nullable: true })
  @Field(() => DecimalScalar, { nullable: true, description: 'Average unit cost of tracked stock.' })
  averageCost!: string | null;
}
