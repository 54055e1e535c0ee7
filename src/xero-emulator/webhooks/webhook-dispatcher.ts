import { randomBytes } from 'node:crypto';
import { signWebhook } from './signature.js';

export interface WebhookEvent {
  resourceUrl: string;
  resourceId: string;
  eventDateUtc: string;
  eventType: 'CREATE' | 'UPDATE';
  eventCategory: 'CONTACT' | 'INVOICE' | 'CREDITNOTE';
  tenantId: string;
  tenantType: 'ORGANISATION';
}

export interface DeliveryRecord {
  firstEventSequence: number;
  lastEventSequence: number;
  events: number;
  attempts: number;
  status: 'pending' | 'delivered' | 'failed';
  lastStatus?: number;
  lastError?: string;
}

interface Batch {
  body: string;
  record: DeliveryRecord;
}

const MAX_ATTEMPTS = 8;

/**
 * Batches events for `batchDelayMs`, signs each payload, and retries failed deliveries with exponential
 * backoff (Xero retries for 24 h; the emulator gives up after a few attempts so tests stay short).
 */
export class WebhookDispatcher {
  private queue: WebhookEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private retryTimers = new Set<NodeJS.Timeout>();
  private sequence = 0;
  private inFlight = new Set<Promise<void>>();
  readonly deliveries: DeliveryRecord[] = [];

  constructor(
    private readonly cfg: {
      url: () => string | undefined;
      key: () => string;
      batchDelayMs: () => number;
      retryBaseMs: () => number;
    },
  ) {}

  enqueue(event: WebhookEvent): void {
    if (!this.cfg.url()) return;
    this.queue.push(event);
    if (!this.timer) this.timer = setTimeout(() => this.flush(), this.cfg.batchDelayMs());
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const events = this.queue;
    this.queue = [];
    const first = this.sequence + 1;
    this.sequence += events.length;
    const body = JSON.stringify({
      events,
      firstEventSequence: first,
      lastEventSequence: this.sequence,
      entropy: randomBytes(10).toString('hex').toUpperCase(),
    });
    const record: DeliveryRecord = {
      firstEventSequence: first,
      lastEventSequence: this.sequence,
      events: events.length,
      attempts: 0,
      status: 'pending',
    };
    this.deliveries.push(record);
    if (this.deliveries.length > 500) this.deliveries.shift();
    this.attempt({ body, record });
  }

  private attempt(batch: Batch): void {
    const url = this.cfg.url();
    if (!url) {
      batch.record.status = 'failed';
      batch.record.lastError = 'no webhook url';
      return;
    }
    batch.record.attempts++;
    const p = fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-xero-signature': signWebhook(batch.body, this.cfg.key()),
      },
      body: batch.body,
      signal: AbortSignal.timeout(5000),
    })
      .then(async (res) => {
        await res.arrayBuffer().catch(() => undefined);
        batch.record.lastStatus = res.status;
        if (res.ok) batch.record.status = 'delivered';
        else this.retry(batch, `HTTP ${res.status}`);
      })
      .catch((err: unknown) => this.retry(batch, err instanceof Error ? err.message : String(err)))
      .finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  private retry(batch: Batch, error: string): void {
    batch.record.lastError = error;
    if (batch.record.attempts >= MAX_ATTEMPTS) {
      batch.record.status = 'failed';
      return;
    }
    const delay = this.cfg.retryBaseMs() * 2 ** (batch.record.attempts - 1);
    const t = setTimeout(() => {
      this.retryTimers.delete(t);
      this.attempt(batch);
    }, delay);
    this.retryTimers.add(t);
  }

  /** Flushes pending events and waits for in-flight deliveries (not for scheduled retries). */
  async drain(): Promise<void> {
    this.flush();
    await Promise.all([...this.inFlight]);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const t of this.retryTimers) clearTimeout(t);
    this.retryTimers.clear();
    this.queue = [];
  }
}
