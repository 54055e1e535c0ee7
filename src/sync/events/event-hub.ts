import type { DataSource } from 'typeorm';
import type { NotificationListener } from '../../database/notification-listener.js';
import type { Logger } from '../../logger.js';

/** Postgres channel on which a committed event is announced as `<tenantId>:<seq>`. */
export const SYNC_EVENTS_CHANNEL = 'sync_events';

/** A row of `sync_events`, as subscribers receive it. `seq` is a decimal string (bigint). */
export interface StoredEvent {
  tenantId: string;
  seq: string;
  entityType: string;
  entityId: string;
  action: string;
  origin: string;
  appId: string | null;
  changedFields: string[];
  occurredAt: Date;
}

export interface SubscribeOptions {
  /** Replay every event after this seq first; without it, start at the present. */
  since?: bigint;
  /** Which events the subscriber wants; skipped events still advance its position. */
  accept: (event: StoredEvent) => boolean;
  /** Called when the subscriber falls more than `maxQueued` events behind: it must resume from its cursor. */
  onOverflow: (lastDeliveredSeq: bigint) => void;
  maxQueued?: number;
}

export interface EventSubscription extends AsyncIterableIterator<StoredEvent> {
  close(): void;
}

const PAGE_SIZE = 500;
const DEFAULT_MAX_QUEUED = 1000;
/** Safety net for a lost notification (e.g. during a reconnect): tails re-check the log this often. */
const POLL_INTERVAL_MS = 5000;

/**
 * Streams each tenant's event log to this process's subscribers. One LISTEN connection per process;
 * per tenant one shared "tail" reads new rows by seq once and hands them to every live subscriber.
 * Subscribers that resume from an old cursor first page through the log themselves (pull, so a long
 * replay cannot overflow), and join the tail once they reach it. Because `seq` is gap-free and assigned
 * in commit order, reading `seq > cursor` can neither miss nor repeat an event.
 */
export class EventHub {
  private readonly tails = new Map<string, Tail>();
  private poller?: NodeJS.Timeout;

  constructor(
    private readonly db: DataSource,
    private readonly logger: Logger,
  ) {}

  async start(listener: NotificationListener): Promise<void> {
    await listener.on(SYNC_EVENTS_CHANNEL, (payload) => {
      const [tenantId, seq] = payload.split(':');
      if (tenantId && seq) this.tails.get(tenantId)?.advanceTo(BigInt(seq));
    });
    this.poller = setInterval(() => this.pollAll(), POLL_INTERVAL_MS);
    this.poller.unref();
  }

  stop(): void {
    clearInterval(this.poller);
    for (const tail of this.tails.values()) tail.closeAll();
    this.tails.clear();
  }

  /** Re-reads every tail's position: after a lost connection, NOTIFYs sent meanwhile are gone. */
  pollAll(): void {
    for (const tail of this.tails.values()) tail.poll();
  }

  async subscribe(tenantId: string, options: SubscribeOptions): Promise<EventSubscription> {
    let tail = this.tails.get(tenantId);
    if (!tail) {
      const head = await committedHead(this.db, tenantId);
      tail =
        this.tails.get(tenantId) ??
        new Tail(this.db, this.logger, tenantId, head, () => this.tails.delete(tenantId));
      this.tails.set(tenantId, tail);
    }
    return tail.add(options);
  }

  /** How many subscribers this process serves (for metrics and tests). */
  subscriberCount(): number {
    let count = 0;
    for (const tail of this.tails.values()) count += tail.size;
    return count;
  }
}

/** The highest committed seq of a tenant: the counter row commits together with its events. */
async function committedHead(db: DataSource, tenantId: string): Promise<bigint> {
  const rows: Array<{ last_seq: string }> = await db.query(
    'SELECT last_seq FROM tenant_event_counters WHERE tenant_id = $1',
    [tenantId],
  );
  return BigInt(rows[0]?.last_seq ?? 0);
}

/** Reads events of a tenant after `after`, in seq order (by the bigint column: the text alias would sort 10 before 2). */
export async function readEvents(
  db: DataSource,
  tenantId: string,
  after: bigint,
  limit: number,
): Promise<StoredEvent[]> {
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT tenant_id, seq::text AS seq, entity_type, entity_id, action, origin, app_id, changed_fields, occurred_at
       FROM sync_events WHERE tenant_id = $1 AND seq > $2 ORDER BY sync_events.seq LIMIT $3`,
    [tenantId, after.toString(), limit],
  );
  return rows.map((row) => ({
    tenantId: row.tenant_id as string,
    seq: row.seq as string,
    entityType: row.entity_type as string,
    entityId: row.entity_id as string,
    action: row.action as string,
    origin: row.origin as string,
    appId: (row.app_id as string | null) ?? null,
    changedFields: (row.changed_fields as string[]) ?? [],
    occurredAt: row.occurred_at as Date,
  }));
}

class Tail {
  private readonly subscribers = new Set<Subscriber>();
  private target: bigint;
  private pumping = false;

  constructor(
    private readonly db: DataSource,
    private readonly logger: Logger,
    private readonly tenantId: string,
    /** Every event up to here has been handed to the live subscribers. */
    public head: bigint,
    private readonly onEmpty: () => void,
  ) {
    this.target = head;
  }

  get size(): number {
    return this.subscribers.size;
  }

  add(options: SubscribeOptions): EventSubscription {
    const subscriber = new Subscriber(this, options);
    this.subscribers.add(subscriber);
    return subscriber;
  }

  remove(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.onEmpty();
  }

  closeAll(): void {
    for (const subscriber of this.subscribers) subscriber.close();
  }

  advanceTo(seq: bigint): void {
    if (seq > this.target) this.target = seq;
    void this.pump();
  }

  poll(): void {
    committedHead(this.db, this.tenantId)
      .then((head) => this.advanceTo(head))
      .catch((error) => this.logger.warn({ err: error, tenantId: this.tenantId }, 'event poll failed'));
  }

  read(after: bigint, limit: number): Promise<StoredEvent[]> {
    return readEvents(this.db, this.tenantId, after, limit);
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.head < this.target) {
        const events = await this.read(this.head, PAGE_SIZE);
        if (events.length === 0) break; // announced but not visible yet cannot happen; be safe anyway
        for (const event of events) {
          this.head = BigInt(event.seq);
          for (const subscriber of this.subscribers) subscriber.deliver(event);
        }
      }
    } catch (error) {
      this.logger.warn({ err: error, tenantId: this.tenantId }, 'event tail read failed; will retry');
    } finally {
      this.pumping = false;
    }
  }
}

class Subscriber implements EventSubscription {
  private readonly queue: StoredEvent[] = [];
  private lastSeq: bigint;
  private live: boolean;
  private closed = false;
  private wake?: () => void;
  private readonly maxQueued: number;

  constructor(
    private readonly tail: Tail,
    private readonly options: SubscribeOptions,
  ) {
    this.lastSeq = options.since ?? tail.head;
    this.live = this.lastSeq >= tail.head;
    this.maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
  }

  /** Called by the tail with each new event, in seq order. */
  deliver(event: StoredEvent): void {
    if (this.closed || !this.live) return;
    const seq = BigInt(event.seq);
    if (seq <= this.lastSeq) return;
    this.lastSeq = seq;
    if (!this.options.accept(event)) return;
    this.queue.push(event);
    if (this.queue.length > this.maxQueued) {
      const lastDelivered = BigInt(this.queue[0].seq) - 1n;
      this.close();
      this.options.onOverflow(lastDelivered);
      return;
    }
    this.wake?.();
  }

  async next(): Promise<IteratorResult<StoredEvent>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      const event = this.queue.shift();
      if (event) return { done: false, value: event };
      if (!this.live) {
        await this.catchUp();
        continue;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }

  /** One page of replay from the log; joins the live tail once the log holds nothing newer than it. */
  private async catchUp(): Promise<void> {
    const events = await this.tail.read(this.lastSeq, PAGE_SIZE);
    for (const event of events) {
      this.lastSeq = BigInt(event.seq);
      if (this.options.accept(event)) this.queue.push(event);
    }
    if (events.length < PAGE_SIZE && this.lastSeq >= this.tail.head) this.live = true;
  }

  async return(): Promise<IteratorResult<StoredEvent>> {
    this.close();
    return { done: true, value: undefined };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.tail.remove(this);
    this.wake?.();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
