import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface ClosedEvent {
  code: number;
  reason: string;
}

/** A real graphql-ws client over a real WebSocket, authenticating with the key in connection_init. */
export function connectWs(
  httpUrl: string,
  apiKey: string | undefined,
  options: { retryAttempts?: number; lazy?: boolean } = {},
) {
  let resolveClosed: (event: ClosedEvent) => void = () => {};
  const closed = new Promise<ClosedEvent>((resolve) => {
    resolveClosed = resolve;
  });
  const client: Client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
    retryAttempts: options.retryAttempts ?? 0,
    lazy: options.lazy ?? false,
    // Eager clients report a refused connection here; tests read it from `closed` instead.
    onNonLazyError: () => {},
    on: { closed: (event) => resolveClosed(event as ClosedEvent) },
  });
  return { client, closed };
}

/** Runs one query or mutation over the socket and returns its single result. */
export async function wsQuery(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const iterator = client.iterate({ query, variables });
  const { value } = await iterator.next();
  await iterator.return?.();
  return value as {
    data?: Record<string, unknown>;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
  };
}
