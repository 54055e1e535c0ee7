import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { Logger } from '../logger.js';

type Handler = (payload: string) => void;

export interface NotificationListener {
  /** Calls `handler` with each payload NOTIFYed on `channel`, from any process sharing the database. */
  on(channel: string, handler: Handler): Promise<void>;
  close(): Promise<void>;
}

const RECONNECT_DELAY_MS = 1000;

/**
 * One LISTEN connection per process, shared by every subscriber in it. When the connection drops
 * (Postgres restart), it reconnects and listens again; `onReconnect` lets callers catch up on what they
 * may have missed meanwhile.
 */
export function createNotificationListener(
  dataSource: DataSource,
  logger: Logger,
  onReconnect: () => void = () => {},
): NotificationListener {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const handlers = new Map<string, Set<Handler>>();
  let client: PoolClient | undefined;
  let connecting: Promise<PoolClient> | undefined;
  let closed = false;

  const connect = async (): Promise<PoolClient> => {
    const fresh = await pool.connect();
    fresh.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    fresh.on('error', (error) => {
      if (client !== fresh) return; // already released by close()
      client = undefined;
      fresh.release(true);
      if (closed) return;
      logger.warn({ err: error }, 'notification connection lost; reconnecting');
      scheduleReconnect();
    });
    for (const channel of handlers.keys()) await fresh.query(`LISTEN ${quote(channel)}`);
    client = fresh;
    return fresh;
  };

  const ensureConnected = (): Promise<PoolClient> => {
    if (client) return Promise.resolve(client);
    connecting ??= connect().finally(() => {
      connecting = undefined;
    });
    return connecting;
  };

  const scheduleReconnect = () => {
    if (closed) return;
    setTimeout(() => {
      ensureConnected()
        .then(() => onReconnect())
        .catch(() => scheduleReconnect());
    }, RECONNECT_DELAY_MS).unref();
  };

  return {
    async on(channel, handler) {
      const existing = handlers.get(channel);
      if (existing) {
        existing.add(handler);
        return;
      }
      handlers.set(channel, new Set([handler]));
      const connection = await ensureConnected();
      if (connection === client) await connection.query(`LISTEN ${quote(channel)}`);
    },
    async close() {
      closed = true;
      const connection = client;
      client = undefined;
      // Released without UNLISTEN: destroying the connection drops its LISTENs, and it may already be broken.
      connection?.release(true);
    },
  };
}

function quote(channel: string): string {
  return `"${channel.replace(/"/g, '""')}"`;
}
