import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Per tenant and entity type: how far the inbound sync has come. */
@Entity({ name: 'sync_states' })
@ObjectType('EntitySyncState', { description: 'How far the sync of one entity type has come.' })
export class SyncState {
  @PrimaryColumn({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  @Field(() => String, { description: 'The entity type, e.g. "invoice".' })
  entity!: string;

  @Column({ type: 'text', default: 'IDLE' })
  @Field(() => String, { description: 'IDLE, RUNNING, FAILED or SKIPPED (e.g. payroll not enabled).' })
  state!: string;

  /** Highest UpdatedDateUTC cached; the next incremental sync asks If-Modified-Since this. */
  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: 'Records changed in Xero after this time are fetched next.',
  })
  watermark!: Date | null;

  /** During a first (full) sync: the last page whose records are committed; a crash resumes after it. */
  @Column({ type: 'int', name: 'full_sync_page', nullable: true })
  fullSyncPage!: number | null;

  @Column({ type: 'boolean', name: 'full_sync_done', default: false })
  @Field(() => Boolean, { description: 'Whether the first full sync has completed.' })
  fullSyncDone!: boolean;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Records of this type in the cache from Xero.' })
  records!: number;

  @Column({ type: 'timestamptz', name: 'last_success_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When a sync of this type last succeeded.' })
  lastSuccessAt!: Date | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the last sync of this type failed, if it did.' })
  lastError!: string | null;
}

/** One sync of one entity type for one tenant: what it did and what it cost. */
@Entity({ name: 'sync_runs' })
@Index('sync_runs_tenant_started_idx', ['tenantId', 'startedAt'])
export class SyncRun {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @Column({ type: 'text' })
  entity!: string;

  /** FULL, INCREMENTAL or WEBHOOK. */
  @Column({ type: 'text' })
  mode!: string;

  @Column({ type: 'timestamptz', name: 'started_at', default: () => 'now()' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'int', name: 'records_fetched', default: 0 })
  recordsFetched!: number;

  @Column({ type: 'int', name: 'records_changed', default: 0 })
  recordsChanged!: number;

  @Column({ type: 'int', name: 'api_calls', default: 0 })
  apiCalls!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
