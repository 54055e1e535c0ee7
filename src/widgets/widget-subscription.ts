import type { GatewayContext } from '../context.js';
import type { EventSubscription, StoredEvent } from '../sync/events/event-hub.js';
import type { WidgetArgs } from './widget-args.input.js';
import { liveWidget } from './widget-live.js';
import { runWidget, WIDGET_FIELD, WIDGET_INPUTS, type WidgetName } from './widget-registry.js';
import type { WidgetUpdate } from './widgets.types.js';

/**
 * The tenant's events of some entity types. A widget needs only to know that something changed, so a
 * subscriber that falls behind is not closed for good: it re-subscribes at the present and reports one
 * change, which makes the widget recompute.
 */
async function changes(
  context: GatewayContext,
  tenantId: string,
  types: ReadonlySet<string>,
): Promise<EventSubscription> {
  let overflowed = false;
  let closed = false;
  const open = () =>
    context.events.subscribe(tenantId, {
      accept: (event) => types.has(event.entityType),
      onOverflow: () => {
        overflowed = true;
      },
    });
  let current = await open();
  const iterator: EventSubscription = {
    async next(): Promise<IteratorResult<StoredEvent>> {
      const result = await current.next();
      if (!result.done || closed || !overflowed) return result;
      overflowed = false;
      current = await open();
      return { done: false, value: { entityType: 'Overflow' } as StoredEvent };
    },
    async return() {
      iterator.close();
      return { done: true, value: undefined };
    },
    close() {
      closed = true;
      current.close();
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * A live widget: its result now, then again (debounced) whenever an event touches an entity type it
 * reads. Bad arguments fail the subscription at once.
 */
export async function subscribeToWidget(
  context: GatewayContext,
  widget: WidgetName,
  args: WidgetArgs,
): Promise<AsyncIterable<WidgetUpdate>> {
  const tenantId = context.auth.tenant.id;
  const compute = () => runWidget(context.db.manager, tenantId, widget, args);
  const events = await changes(context, tenantId, new Set(WIDGET_INPUTS[widget]));
  let initial: object;
  try {
    initial = await compute();
  } catch (error) {
    events.close();
    throw error;
  }
  const updates = liveWidget(events, compute, { initial });
  return (async function* () {
    for await (const update of updates) {
      yield { widget, updatedAt: update.at, causes: update.causes, [WIDGET_FIELD[widget]]: update.result };
    }
  })();
}
