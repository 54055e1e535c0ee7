import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TenantKeyed } from './connec-entity.js';

/** What happened to a record. */
export enum SyncAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
  ARCHIVED = 'ARCHIVED',
  VOIDED = 'VOIDED',
}

/**
 * The append-only change log. `seq` is gap-free per tenant and in commit order: it is taken from the
 * tenant's row in `tenant_event_counters`, whose lock serialises the tenant's writers until commit.
 */
@Entity({ name: 'sync_events' })
@Index('sync_events_entity_idx', ['tenantId', 'entityType', 'entityId'])
export class SyncEvent extends TenantKeyed {
  /** bigint arrives from pg as a string, so it stays exact past 2^53. */
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text', name: 'entity_type' })
  entityType!: string;

  @Column({ type: 'uuid', name: 'entity_id' })
  entityId!: string;

  @Column({ type: 'text' })
  action!: SyncAction;

  /** Where the change came from: "xero", "app", "seed"... Used so a change is not echoed back. */
  @Column({ type: 'text' })
  origin!: string;

  /** The app whose mutation caused the change, when one did. */
  @Column({ type: 'uuid', name: 'app_id', nullable: true })
  appId!: string | null;

  @Column({ type: 'text', name: 'changed_fields', array: true, default: () => "'{}'" })
  changedFields!: string[];

  @Column({ type: 'timestamptz', name: 'occurred_at', default: () => 'now()' })
  occurredAt!: Date;
}

/** The last `seq` handed out per tenant; updating it takes the row lock that orders the tenant's events. */
@Entity({ name: 'tenant_event_counters' })
export class TenantEventCounter extends TenantKeyed {
  @Column({ type: 'bigint', name: 'last_seq', default: 0 })
  lastSeq!: string;
}
