import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TenantKeyed } from '../schema/connec-entity.js';

/**
 * What one issued invoice (or bill) contributes to salesGrowth for one item: its lines of that item
 * summed. Kept so that a changed invoice's old contribution can be taken back out of `sales_daily`.
 */
@Entity({ name: 'sales_doc_items' })
export class SalesDocItem extends TenantKeyed {
  @PrimaryColumn({ type: 'uuid', name: 'doc_id' })
  docId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'item_id' })
  itemId!: string;

  /** The invoice's type: CUSTOMER (sold) or SUPPLIER (bought). */
  @Column({ type: 'text' })
  type!: string;

  /** The invoice's currency; '' when it has none (a key column cannot be null). */
  @Column({ type: 'text' })
  currency!: string;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'numeric' })
  quantity!: string;

  @Column({ type: 'numeric' })
  net!: string;

  @Column({ type: 'numeric' })
  gross!: string;

  /** How many lines were summed: a row whose amounts add up to zero still counts as sold. */
  @Column({ type: 'int' })
  lines!: number;
}

/** `sales_doc_items` summed per type, day, item and currency: what salesGrowth reads. Rows with no lines go. */
@Entity({ name: 'sales_daily' })
export class SalesDaily extends TenantKeyed {
  @PrimaryColumn({ type: 'text' })
  type!: string;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  @PrimaryColumn({ type: 'uuid', name: 'item_id' })
  itemId!: string;

  /** '' when the invoices had no currency. */
  @PrimaryColumn({ type: 'text' })
  currency!: string;

  @Column({ type: 'numeric' })
  quantity!: string;

  @Column({ type: 'numeric' })
  net!: string;

  @Column({ type: 'numeric' })
  gross!: string;

  @Column({ type: 'int' })
  lines!: number;
}
