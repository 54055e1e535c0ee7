import type { GatewayContext } from '../context.js';
import { badArgument } from '../errors.js';
import type { EntityType } from '../schema/entity-change.types.js';
import type { StoredEvent } from '../sync/events/event-hub.js';

export interface EntityChangedArgs {
  types?: EntityType[];
  since?: string;
  includeOwnChanges: boolean;
}

/** A cursor is an event's per-tenant seq, as a decimal string. */
export function parseCursor(since: string | undefined | null): bigint | undefined {
  if (since === undefined || since === null) return undefined;
  if (!/^\d{1,19}$/.test(since))
    throw badArgument('since', 'A cursor is the `cursor` of an earlier event, e.g. "1042".');
  return BigInt(since);
}

/** graphql-ws close code telling a client it fell too far behind: reconnect with `since` = its last cursor. */
export const SLOW_CONSUMER_CLOSE_CODE = 4290;

/** The tenant's event stream for one subscriber, filtered by type and by origin. */
export async function subscribeToEntityChanges(
  context: GatewayContext,
  args: EntityChangedArgs,
): Promise<AsyncIterable<StoredEvent>> {
  const since = parseCursor(args.since);
  const types = args.types?.length ? new Set<string>(args.types) : undefined;
  const ownAppId = context.auth.app.id;
  return context.events.subscribe(context.auth.tenant.id, {
    since,
    maxQueued: context.config.SUBSCRIPTION_BUFFER_EVENTS,
    accept: (event) =>
      (!types || types.has(event.entityType)) && (args.includeOwnChanges || event.appId !== ownAppId),
    onOverflow: (lastDelivered) =>
      context.closeSocket?.(SLOW_CONSUMER_CLOSE_CODE, `Slow consumer: resume with since: "${lastDelivered}"`),
  });
}
