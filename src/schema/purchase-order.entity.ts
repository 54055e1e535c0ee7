import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { PurchaseOrderStatus } from './enums.js';
import { DateScalar } from './scalars.js';
import { TransactionEntity, TransactionLine } from './transaction.js';
import { Address } from './value-objects.js';

/** An order to a supplier (Xero PurchaseOrder). */
@Entity({ name: 'purchase_orders' })
@Index(['tenantId', 'transactionDate', 'id'])
@Index(['tenantId', 'organizationId'])
@ObjectType('PurchaseOrder', { description: 'An order placed with a supplier (a Xero PurchaseOrder).' })
export class PurchaseOrder extends TransactionEntity {
  @Column({ type: 'text', default: PurchaseOrderStatus.DRAFT })
  @Field(() => PurchaseOrderStatus, { description: 'Status, as in Xero.' })
  status!: PurchaseOrderStatus;

  @Column({ type: 'date', name: 'delivery_date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: 'Expected delivery date.' })
  deliveryDate!: string | null;

  @Column({ type: 'jsonb', name: 'delivery_address', nullable: true })
  @Field(() => Address, { nullable: true, description: 'Where the goods are to be delivered.' })
  deliveryAddress!: Address | null;
}

@Entity({ name: 'purchase_order_lines' })
@Index(['tenantId', 'purchaseOrderId'])
@Index(['tenantId', 'itemId'])
@ObjectType('PurchaseOrderLine', { description: 'One line of a purchase order.' })
export class PurchaseOrderLine extends TransactionLine {
  @Column({ type: 'uuid', name: 'purchase_order_id' })
  @Field(() => ID, { description: 'Connec! id of the purchase order.' })
  purchaseOrderId!: string;

  @ManyToOne(() => PurchaseOrder, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'purchase_order_id' })
  purchaseOrder?: PurchaseOrder;
}
