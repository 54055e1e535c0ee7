import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { XeroConnection, XeroConnectionStatus } from '../../schema/xero-connection.entity.js';
import { mapXeroContact } from '../mappers/xero-contact.mapper.js';
import { mapXeroCreditNote } from '../mappers/xero-credit-note.mapper.js';
import { mapXeroInvoice } from '../mappers/xero-invoice.mapper.js';
import type { XeroCallTarget } from '../xero/xero-api.js';
import type { XeroServices } from '../xero/xero-services.js';
import { UNIT_DP } from '../xero/xero-unit-dp.js';
import { type AnyMapped, writeMappedPage } from './page-writer.js';

const webhookPayload = z.object({
  events: z.array(
    z.object({
      resourceId: z.string(),
      eventCategory: z.string(),
      eventType: z.string(),
      tenantId: z.string(),
      eventDateUtc: z.string().optional(),
    }),
  ),
  firstEventSequence: z.number().optional(),
  lastEventSequence: z.number().optional(),
});

export type XeroWebhookEvent = z.infer<typeof webhookPayload>['events'][number];

/** Reads a verified webhook body; an empty `events` list is Xero's intent-to-receive check. */
export function parseWebhookPayload(rawBody: Buffer): XeroWebhookEvent[] | undefined {
  try {
    const parsed = webhookPayload.safeParse(JSON.parse(rawBody.toString('utf8')));
    return parsed.success ? parsed.data.events : undefined;
  } catch {
    return undefined;
  }
}

type Fetch = (xero: XeroServices, target: XeroCallTarget, id: string) => Promise<AnyMapped[]>;

/** What each webhook category names, and how to read that one record back from Xero. */
const FETCHERS: Record<string, Fetch> = {
  CONTACT: async (xero, target, id) => {
    const contact = (await xero.api.call(target, (x, t) => x.accountingApi.getContact(t, id))).contacts?.[0];
    if (!contact) return [];
    const mapped = mapXeroContact(contact);
    return [mapped.organization as AnyMapped, ...(mapped.people as AnyMapped[])];
  },
  INVOICE: async (xero, target, id) => {
    const invoice = (await xero.api.call(target, (x, t) => x.accountingApi.getInvoice(t, id, UNIT_DP)))
      .invoices?.[0];
    return invoice ? [mapXeroInvoice(invoice) as AnyMapped] : [];
  },
  CREDITNOTE: async (xero, target, id) => {
    const note = (await xero.api.call(target, (x, t) => x.accountingApi.getCreditNote(t, id, UNIT_DP)))
      .creditNotes?.[0];
    return note ? [mapXeroCreditNote(note) as AnyMapped] : [];
  },
};

/**
 * Turns webhook events into targeted fetches. Events carry ids only, so each record is read back from
 * Xero (as an interactive call, ahead of backfill) and written like any synced record: duplicate and
 * out-of-order deliveries are harmless, since the current record is fetched and unchanged content
 * appends no event. Fetches for the same record already queued are coalesced. A process that dies with
 * fetches queued loses nothing: contacts, invoices and credit notes are also read by the incremental sync.
 */
export class WebhookIntake {
  private readonly queued = new Set<string>();
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly xero: XeroServices,
    private readonly logger: Logger,
  ) {}

  enqueue(events: XeroWebhookEvent[]): void {
    for (const event of events) {
      const key = `${event.tenantId}:${event.eventCategory}:${event.resourceId}`;
      if (!FETCHERS[event.eventCategory] || this.queued.has(key)) continue;
      this.queued.add(key);
      this.chain = this.chain
        .then(() => {
          this.queued.delete(key);
          return this.process(event);
        })
        .catch((error) =>
          this.logger.warn({ err: error, event }, 'webhook fetch failed; the next sync will catch up'),
        );
    }
  }

  /** Resolves when everything queued so far has been processed (tests, shutdown). */
  drain(): Promise<void> {
    return this.chain;
  }

  private async process(event: XeroWebhookEvent): Promise<void> {
    const connections = await this.db
      .getRepository(XeroConnection)
      .findBy({ xeroTenantId: event.tenantId, status: XeroConnectionStatus.ACTIVE });
    for (const connection of connections) {
      const target: XeroCallTarget = {
        connectionId: connection.id,
        xeroTenantId: connection.xeroTenantId,
        priority: 'interactive',
      };
      const records = await FETCHERS[event.eventCategory](this.xero, target, event.resourceId);
      await this.db.transaction((manager) =>
        writeMappedPage(manager, connection.tenantId, connection.xeroTenantId, records),
      );
    }
  }
}
