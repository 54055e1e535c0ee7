import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Tenant } from './tenant.entity.js';

/** Whether a cached record agrees with Xero. */
export enum SyncStatus {
  SYNCED = 'SYNCED',
  PENDING = 'PENDING',
  FAILED = 'FAILED',
}

registerEnumType(SyncStatus, {
  name: 'SyncStatus',
  description: 'Whether the record in the gateway agrees with Xero.',
  valuesConfig: {
    SYNCED: { description: 'The record is the same in Xero and in the gateway.' },
    PENDING: { description: 'A change made through the gateway has not reached Xero yet.' },
    FAILED: { description: 'Xero refused the last change; see the record in its app for the reason.' },
  },
});

/** A row that belongs to a tenant: line and allocation tables carry only this. */
@ObjectType('TenantOwnedRecord', { description: 'Base of every row owned by a tenant (not in the schema).' })
export abstract class TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'The Connec! id (a UUID issued by the gateway, never a Xero id).' })
  id!: string;

  @Column({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Tenant;
}

/**
 * A row keyed by its tenant first (per-tenant state, logs and sums): `tenant_id` is the first part of
 * the primary key, and the row goes with its tenant.
 */
export abstract class TenantKeyed {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Tenant;
}

/**
 * What every cached Connec! entity carries: tenant, ids, the Xero bookkeeping the sync engine needs
 * and timestamps. `content_hash` lets a write that changes nothing append no event.
 */
@ObjectType('ConnecRecord', { description: 'Base of every cached Connec! entity (not in the schema).' })
@Index(['tenantId', 'xeroId'], { unique: true })
@Index(['tenantId', 'updatedAt'])
export abstract class ConnecEntity extends TenantOwned {
  @Column({ type: 'text', name: 'xero_id', nullable: true })
  xeroId!: string | null;

  @Column({ type: 'timestamptz', name: 'remote_updated_at', nullable: true })
  remoteUpdatedAt!: Date | null;

  @Column({ type: 'text', name: 'sync_status', default: SyncStatus.SYNCED })
  @Field(() => SyncStatus, { description: 'Whether the record in the gateway agrees with Xero.' })
  syncStatus!: SyncStatus;

  @Column({ type: 'text', name: 'content_hash', nullable: true })
  contentHash!: string | null;

  /** A short hash per written field: tells which fields a write changed, for the event's changed_fields. */
  @Column({ type: 'jsonb', name: 'field_hashes', default: () => "'{}'" })
  fieldHashes!: Record<string, string>;

  /** Set when a record without a status of its own is deleted: it stays as a tombstone, hidden from reads. */
  @Column({ type: 'timestamptz', name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  @Field(() => Date, { description: 'When the record was first cached by the gateway (UTC).' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  @Field(() => Date, { description: 'When the record last changed in the gateway (UTC).' })
  updatedAt!: Date;
}
