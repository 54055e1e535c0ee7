import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Tenant } from './tenant.entity.js';

/**
 * Links a Connec! id with its id in another system (Xero, a client app), with the push times both
 * ways and the last error: what the sync engine needs to avoid echoing a change back where it came from.
 */
@Entity({ name: 'id_map' })
@Index('id_map_external_uq', ['tenantId', 'entity', 'provider', 'realm', 'externalId'], { unique: true })
@Index('id_map_record_uq', ['tenantId', 'entity', 'connecId', 'provider', 'realm'], { unique: true })
@Index('id_map_connec_idx', ['tenantId', 'connecId'])
export class IdMapEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Tenant;

  /** The GraphQL type name of the record, e.g. "Invoice". */
  @Column({ type: 'text' })
  entity!: string;

  @Column({ type: 'uuid', name: 'connec_id' })
  connecId!: string;

  @Column({ type: 'text' })
  provider!: string;

  @Column({ type: 'text' })
  realm!: string;

  @Column({ type: 'text', name: 'external_id' })
  externalId!: string;

  /** Last time the gateway pushed the record to that system. */
  @Column({ type: 'timestamptz', name: 'pushed_at', nullable: true })
  pushedAt!: Date | null;

  /** Last time the gateway received the record from that system. */
  @Column({ type: 'timestamptz', name: 'pulled_at', nullable: true })
  pulledAt!: Date | null;

  /** The record is not shared with that system (a per-record opt-out). */
  @Column({ type: 'boolean', name: 'opted_out', default: false })
  optedOut!: boolean;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
