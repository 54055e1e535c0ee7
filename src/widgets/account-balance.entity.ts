import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from '../schema/account.entity.js';
import { Tenant } from '../schema/tenant.entity.js';

/**
 * One account's balance on a date, as Xero's TrialBalance report gave it (a dated snapshot; not a
 * Connec! entity, so no id map and no events). `derived` is what the cached invoices, credit notes and
 * payments post to the account up to `date`, computed when the snapshot was written; `residual` =
 * `balance - derived` is what the cache cannot explain (opening balances, manual journals, bank
 * transactions). Widgets take a balance on any date as `residual + postings up to that date`.
 */
@Entity({ name: 'account_balances' })
@Index(['tenantId', 'date'])
export class AccountBalance {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Tenant;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'numeric', default: 0 })
  debit!: string;

  @Column({ type: 'numeric', default: 0 })
  credit!: string;

  /** debit - credit as at the date. */
  @Column({ type: 'numeric', default: 0 })
  balance!: string;

  @Column({ type: 'numeric', name: 'period_debit', default: 0 })
  periodDebit!: string;

  @Column({ type: 'numeric', name: 'period_credit', default: 0 })
  periodCredit!: string;

  @Column({ type: 'numeric', default: 0 })
  derived!: string;

  @Column({ type: 'numeric', default: 0 })
  residual!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'fetched_at' })
  fetchedAt!: Date;
}
