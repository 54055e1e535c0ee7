import type { DataSource } from 'typeorm';
import { XeroApiError, XeroErrorKind } from './xero-error.js';

/** Interactive calls (mutations, webhook fetches) go ahead of backfill (scheduled syncs). */
export type CallPriority = 'interactive' | 'backfill';

export interface RateLimits {
  perWindow: number;
  windowMs: number;
  perDay: number;
  concurrent: number;
}

export interface Lease {
  id: string;
  xeroTenantId: string;
}

export interface RateUsage {
  callsToday: number;
  remainingToday: number;
  callsInWindow: number;
  inFlight: number;
  pausedUntil: Date | null;
  minuteRemainingReported: number | null;
  dayRemainingReported: number | null;
}

/** A call holds its concurrency slot at most this long if its process dies mid-call. */
const LEASE_MS = 120_000;
const POLL_MS = 25;

interface Decision {
  lease_id: string | null;
  wait_ms: number | null;
  day_exhausted: boolean;
}

/**
 * Xero's per-organisation limits (5 concurrent, 60 a minute, 5,000 a day), kept by every gateway process
 * together: the ledger of calls lives in Postgres and each decision is taken under a per-organisation
 * advisory lock. The minute window slides, so it is never exceeded whatever Xero's fixed windows are
 * aligned to. Backfill leaves a fifth of the window and one concurrent slot to interactive calls.
 */
export class XeroRateLimiter {
  constructor(
    private readonly db: DataSource,
    private readonly limits: RateLimits,
    private readonly onPause: (xeroTenantId: string, until: Date, reason: string) => void = () => {},
  ) {}

  /** Waits for a slot and takes it; throws RATE_LIMITED (day) instead of waiting for tomorrow. */
  async acquire(xeroTenantId: string, priority: CallPriority): Promise<Lease> {
    const { perWindow, concurrent } = this.limits;
    const windowLimit = priority === 'interactive' ? perWindow : Math.max(1, Math.floor(perWindow * 0.8));
    const concurrentLimit = priority === 'interactive' ? concurrent : Math.max(1, concurrent - 1);
    for (;;) {
      const decision = await this.decide(xeroTenantId, windowLimit, concurrentLimit, priority);
      if (decision.lease_id) return { id: decision.lease_id, xeroTenantId };
      if (decision.day_exhausted) {
        throw new XeroApiError(
          XeroErrorKind.RateLimited,
          'Daily Xero allowance used up',
          429,
          [],
          undefined,
          'day',
        );
      }
      await sleep(Math.max(POLL_MS, Math.min(decision.wait_ms ?? POLL_MS, this.limits.windowMs)));
    }
  }

  private async decide(
    xeroTenantId: string,
    windowLimit: number,
    concurrentLimit: number,
    priority: CallPriority,
  ) {
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('xero-rate:' || $1))`, [xeroTenantId]);
      const [decision]: Decision[] = await manager.query(
        `WITH state AS (
           SELECT paused_until FROM xero_rate_states WHERE xero_tenant_id = $1 AND paused_until > clock_timestamp()
         ), calls AS (
           SELECT count(*) FILTER (WHERE finished_at IS NULL AND lease_expires_at > clock_timestamp()) AS in_flight,
                  count(*) FILTER (WHERE started_at > clock_timestamp() - $2 * interval '1 millisecond') AS in_window,
                  min(started_at) FILTER (WHERE started_at > clock_timestamp() - $2 * interval '1 millisecond') AS oldest,
                  count(*) AS today
             FROM xero_api_calls
            WHERE xero_tenant_id = $1 AND started_at > clock_timestamp() - interval '1 day'
         ), verdict AS (
           SELECT (SELECT paused_until FROM state) AS paused_until, calls.* FROM calls
         ), taken AS (
           INSERT INTO xero_api_calls (xero_tenant_id, lease_expires_at, priority)
           SELECT $1, clock_timestamp() + $6 * interval '1 millisecond', $7 FROM verdict
            WHERE paused_until IS NULL AND in_window < $3 AND in_flight < $4 AND today < $5
           RETURNING id
         )
         SELECT (SELECT id::text FROM taken) AS lease_id,
                CASE WHEN paused_until IS NOT NULL
                       THEN ceil(extract(epoch FROM paused_until - clock_timestamp()) * 1000)
                     WHEN in_window >= $3
                       THEN ceil(extract(epoch FROM oldest + $2 * interval '1 millisecond' - clock_timestamp()) * 1000)
                     ELSE NULL END::int AS wait_ms,
                today >= $5 AS day_exhausted
           FROM verdict`,
        [
          xeroTenantId,
          this.limits.windowMs,
          windowLimit,
          concurrentLimit,
          this.limits.perDay,
          LEASE_MS,
          priority,
        ],
      );
      return decision;
    });
  }

  /** Frees the slot and records the allowance Xero reported in its response headers. */
  async release(lease: Lease, headers: Record<string, unknown> = {}): Promise<void> {
    await this.db.query(`UPDATE xero_api_calls SET finished_at = clock_timestamp() WHERE id = $1`, [
      lease.id,
    ]);
    const minute = numberHeader(headers['x-minlimit-remaining']);
    const day = numberHeader(headers['x-daylimit-remaining']);
    if (minute === undefined && day === undefined) return;
    await this.db.query(
      `INSERT INTO xero_rate_states (xero_tenant_id, minute_remaining, day_remaining, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (xero_tenant_id) DO UPDATE
         SET minute_remaining = coalesce($2, xero_rate_states.minute_remaining),
             day_remaining = coalesce($3, xero_rate_states.day_remaining), updated_at = now()`,
      [lease.xeroTenantId, minute ?? null, day ?? null],
    );
  }

  /** Pauses every call to this organisation, from every process, for Xero's Retry-After. */
  async pause(xeroTenantId: string, seconds: number, reason: string): Promise<Date> {
    const [row]: Array<{ paused_until: Date }> = await this.db.query(
      `INSERT INTO xero_rate_states (xero_tenant_id, paused_until, pause_reason, updated_at)
       VALUES ($1, clock_timestamp() + $2 * interval '1 second', $3, now())
       ON CONFLICT (xero_tenant_id) DO UPDATE
         SET paused_until = greatest(xero_rate_states.paused_until, excluded.paused_until),
             pause_reason = excluded.pause_reason, updated_at = now()
       RETURNING paused_until`,
      [xeroTenantId, seconds, reason],
    );
    this.onPause(xeroTenantId, row.paused_until, reason);
    return row.paused_until;
  }

  /** Today's calls and what is left, for the syncStatus query. */
  async usage(xeroTenantId: string): Promise<RateUsage> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS today,
              count(*) FILTER (WHERE started_at > clock_timestamp() - $2 * interval '1 millisecond')::int AS in_window,
              count(*) FILTER (WHERE finished_at IS NULL AND lease_expires_at > clock_timestamp())::int AS in_flight,
              (SELECT paused_until FROM xero_rate_states s WHERE s.xero_tenant_id = $1 AND paused_until > now()) AS paused_until,
              (SELECT minute_remaining FROM xero_rate_states s WHERE s.xero_tenant_id = $1) AS minute_remaining,
              (SELECT day_remaining FROM xero_rate_states s WHERE s.xero_tenant_id = $1) AS day_remaining
         FROM xero_api_calls WHERE xero_tenant_id = $1 AND started_at > clock_timestamp() - interval '1 day'`,
      [xeroTenantId, this.limits.windowMs],
    );
    return {
      callsToday: row.today,
      remainingToday: Math.max(0, this.limits.perDay - row.today),
      callsInWindow: row.in_window,
      inFlight: row.in_flight,
      pausedUntil: row.paused_until,
      minuteRemainingReported: row.minute_remaining,
      dayRemainingReported: row.day_remaining,
    };
  }

  /** Forgets calls older than a day (the ledger only needs the last day). */
  async prune(): Promise<void> {
    await this.db.query(`DELETE FROM xero_api_calls WHERE started_at < now() - interval '1 day 1 hour'`);
  }
}

function numberHeader(value: unknown): number | undefined {
  const number = Number(Array.isArray(value) ? value[0] : value);
  return value === undefined || value === null || Number.isNaN(number) ? undefined : number;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
