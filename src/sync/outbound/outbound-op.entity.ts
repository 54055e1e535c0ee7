import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Tenant } from '../../schema/tenant.entity.js';

/** Where a write to Xero stands. */
export enum OutboundStatus {
  /** Not confirmed by Xero yet: in flight, or waiting for its next try. */
  PENDING = 'PENDING',
  /** Xero took it; the cache holds Xero's answer. */
  SYNCED = 'SYNCED',
  /** Xero definitely refused it (a validation error, a missing record): never retried. */
  FAILED = 'FAILED',
}

/**
 * A write accepted by the gateway and owed to Xero (invariant 5). The row is written before Xero is
 * called, so a crash mid-call loses nothing: the worker retries it with the same idempotency key once
 * its lease (`next_attempt_at`) runs out, or as soon as the process that claimed it stops beating (see
 * WorkerPresence). Ops of one record are pushed in `seq` order.
 */
@Entity({ name: 'outbound_ops' })
@Index('outbound_ops_due_idx', ['status', 'nextAttemptAt'])
@Index('outbound_ops_record_idx', ['tenantId', 'entityType', 'connecId', 'seq'])
export class OutboundOp {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Commit order of ops; the worker never pushes an op while an older one of the same record waits. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq!: string;

  @Column({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Tenant;

  /** The app whose mutation made the write (the origin of its events). */
  @Column({ type: 'uuid', name: 'app_id', nullable: true })
  appId!: string | null;

  /** The origin source of its events: the app's provider name. */
  @Column({ type: 'text', name: 'origin_source' })
  originSource!: string;

  /** GraphQL type name, e.g. "Invoice". */
  @Column({ type: 'text', name: 'entity_type' })
  entityType!: string;

  /** The Connec! id of the record (issued before Xero is called, so a create keeps it). */
  @Column({ type: 'uuid', name: 'connec_id' })
  connecId!: string;

  /** CREATE, UPDATE, DELETE, VOID, ARCHIVE, ... (the descriptor's operation names). */
  @Column({ type: 'text' })
  operation!: string;

  /** The Xero request (PascalCase-free xero-node model) and what is needed to land the answer. */
  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  /** Sent as Xero's Idempotency-Key on every try: a repeat never creates a second record. */
  @Column({ type: 'text', name: 'idempotency_key' })
  idempotencyKey!: string;

  @Column({ type: 'text', default: OutboundStatus.PENDING })
  status!: OutboundStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** When the op may be tried (again); while a process pushes it, the end of that process's lease. */
  @Column({ type: 'timestamptz', name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt!: Date;

  /** The process pushing it now (its `outbound_workers` row); null while it waits for its next try. */
  @Column({ type: 'uuid', name: 'claimed_by', nullable: true })
  claimedBy!: string | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  /** The Xero id Xero answered with. */
  @Column({ type: 'text', name: 'xero_id', nullable: true })
  xeroId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
