import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per call made (or in flight) to a Xero organisation: the shared ledger every gateway process
 * consults before calling, so the limits hold across processes.
 */
@Entity({ name: 'xero_api_calls' })
@Index('xero_api_calls_org_started_idx', ['xeroTenantId', 'startedAt'])
export class XeroApiCall {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text', name: 'xero_tenant_id' })
  xeroTenantId!: string;

  @Column({ type: 'timestamptz', name: 'started_at', default: () => 'clock_timestamp()' })
  startedAt!: Date;

  /** Null while the call is in flight; a crashed process's call stops counting at `lease_expires_at`. */
  @Column({ type: 'timestamptz', name: 'finished_at', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'lease_expires_at' })
  leaseExpiresAt!: Date;

  @Column({ type: 'text', default: 'backfill' })
  priority!: string;
}

/** Per organisation: a pause Xero asked for (429 Retry-After) and the allowance it last reported. */
@Entity({ name: 'xero_rate_states' })
export class XeroRateState {
  @PrimaryColumn({ type: 'text', name: 'xero_tenant_id' })
  xeroTenantId!: string;

  @Column({ type: 'timestamptz', name: 'paused_until', nullable: true })
  pausedUntil!: Date | null;

  @Column({ type: 'text', name: 'pause_reason', nullable: true })
  pauseReason!: string | null;

  @Column({ type: 'int', name: 'minute_remaining', nullable: true })
  minuteRemaining!: number | null;

  @Column({ type: 'int', name: 'day_remaining', nullable: true })
  dayRemaining!: number | null;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
