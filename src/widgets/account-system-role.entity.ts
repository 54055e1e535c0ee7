import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from '../schema/account.entity.js';
import { Tenant } from '../schema/tenant.entity.js';

/**
 * Which account Xero posts a document's control amount or tax to: Xero's SystemAccount (DEBTORS,
 * CREDITORS, GST, ...), recorded when accounts are synced. Not a Connec! field: the widgets need it to
 * derive balances between trial balance snapshots.
 */
@Entity({ name: 'account_system_roles' })
export class AccountSystemRole {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text', name: 'system_account' })
  systemAccount!: string;

  @Column({ type: 'uuid', name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Tenant;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Account;
}
