import type { EventSubscription, StoredEvent } from '../sync/events/event-hub.js';

/** How long a live widget waits after a change for more changes before it recomputes. */
export const WIDGET_DEBOUNCE_MS = 250;

export interface LiveWidgetUpdate<T> {
  result: T;
  /** The entity types whose changes led to this result; empty for the first one. */
  causes: string[];
  at: Date;
}

const sleep = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));

/**
 * Sends the widget's result at once, then again after each burst of events: the first event opens a
 * `debounceMs` window, every event in it joins the same recomputation. Closes the event subscription
 * when the client goes away.
 */
export async function* liveWidget<T>(
  events: EventSubscription,
  compute: () => Promise<T>,
  options: { debounceMs?: number; initial?: T } = {},
): AsyncGenerator<LiveWidgetUpdate<T>> {
  const debounceMs = options.debounceMs ?? WIDGET_DEBOUNCE_MS;
  try {
    yield { result: options.initial ?? (await compute()), causes: [], at: new Date() };
    let next = events.next();
    for (;;) {
      const first = await next;
      if (first.done) return;
      const causes = new Set<string>([first.value.entityType]);
      next = events.next();
      const deadline = Date.now() + debounceMs;
      for (;;) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) break;
        const winner: IteratorResult<StoredEvent> | 'timeout' = await Promise.race([next, sleep(remaining)]);
        if (winner === 'timeout') break;
        if (winner.done) return;
        causes.add(winner.value.entityType);
        next = events.next();
      }
      yield { result: await compute(), causes: [...causes].sort(), at: new Date() };
    }
  } finally {
    events.close();
  }
}
