import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger.js';

/** Postgres channel for sync progress, connection state and outbound write transitions (not persisted). */
export const SYNC_STATUS_CHANNEL = 'sync_status';

export type SyncStatusKind =
  | 'SYNC_STARTED'
  | 'SYNC_PROGRESS'
  | 'SYNC_COMPLETED'
  | 'SYNC_FAILED'
  | 'CONNECTION_NEEDS_REAUTH'
  | 'CONNECTION_DISCONNECTED'
  | 'RATE_LIMIT_PAUSED'
  | 'WRITE_PENDING'
  | 'WRITE_SYNCED'
  | 'WRITE_FAILED';

export interface SyncStatusNotice {
  kind: SyncStatusKind;
  entity?: string;
  entityId?: string;
  message: string;
  until?: string;
}

export interface SyncStatusPublisher {
  publish(tenantId: string, notice: SyncStatusNotice): void;
}

/** Announces a status change to every gateway process (fire and forget: status is not a record). */
export function createSyncStatusPublisher(db: DataSource, logger: Logger): SyncStatusPublisher {
  return {
    publish(tenantId, notice) {
      const payload = JSON.stringify({ tenantId, at: new Date().toISOString(), ...notice });
      db.query('SELECT pg_notify($1, $2)', [SYNC_STATUS_CHANNEL, payload.slice(0, 7900)]).catch((error) =>
        logger.warn({ err: error }, 'could not publish sync status'),
      );
    },
  };
}

/** A status notice as subscribers receive it. */
export interface SyncStatusMessage extends SyncStatusNotice {
  tenantId: string;
  at: string;
}

/** Fans status notices out to this process's subscribers, per tenant (payloads come from every process). */
export class SyncStatusHub {
  private readonly subscribers = new Map<string, Set<(message: SyncStatusMessage) => void>>();

  /** Feeds one NOTIFY payload in. */
  receive(payload: string): void {
    let message: SyncStatusMessage;
    try {
      message = JSON.parse(payload) as SyncStatusMessage;
    } catch {
      return;
    }
    for (const deliver of this.subscribers.get(message.tenantId) ?? []) deliver(message);
  }

  /** The tenant's notices from now on; bounded, dropping the oldest when a reader falls behind. */
  subscribe(tenantId: string, maxQueued = 100): AsyncIterableIterator<SyncStatusMessage> {
    const queue: SyncStatusMessage[] = [];
    let wake: (() => void) | undefined;
    let closed = false;
    const deliver = (message: SyncStatusMessage) => {
      queue.push(message);
      if (queue.length > maxQueued) queue.shift(); // status is a gauge: the newest matters most
      wake?.();
    };
    const set = this.subscribers.get(tenantId) ?? new Set();
    set.add(deliver);
    this.subscribers.set(tenantId, set);
    const close = () => {
      closed = true;
      set.delete(deliver);
      if (set.size === 0) this.subscribers.delete(tenantId);
      wake?.();
    };
    return {
      async next() {
        while (!closed && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const value = queue.shift();
        return value ? { done: false, value } : { done: true, value: undefined };
      },
      async return() {
        close();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}
