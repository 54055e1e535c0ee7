import type { DataSource, EntityManager } from 'typeorm';
import { cacheEntityTypes } from '../../cache/cache-entities.js';
import { appendEvents, lockEventCounter } from '../../cache/sync-events.js';
import type { Logger } from '../../logger.js';
import { SyncAction } from '../../schema/sync-event.entity.js';
import { XeroConnection, XeroConnectionStatus } from '../../schema/xero-connection.entity.js';
import type { SyncServices } from '../sync-services.js';
import {
  authenticationEventId,
  deleteXeroConnection,
  listXeroConnections,
  revokeXeroToken,
} from './xero-identity.js';

export interface DisconnectDeps {
  db: DataSource;
  logger: Logger;
  sync: SyncServices;
}

export interface DisconnectResult {
  /** The connection as it was left (DISCONNECTED); with a purge, its last state before the row went. */
  connection: XeroConnection;
  purged: boolean;
  /** Cached records deleted by the purge (each announced by a DELETED event). */
  purgedRecords: number;
}

/**
 * Disconnects a tenant from its Xero organisation: removes the app's connection in Xero and revokes the
 * grant (unless other organisations of the same consent still use it), marks the connection
 * DISCONNECTED so no sync starts, and announces CONNECTION_DISCONNECTED. With `purge`, also deletes the
 * tenant's cached records (appending a DELETED event for each, so subscribers stay consistent), its id
 * map, its sync state and the connection itself, which frees the tenant for another organisation.
 */
export async function disconnectXeroConnection(
  deps: DisconnectDeps,
  tenantId: string,
  options: { purge: boolean },
): Promise<DisconnectResult | null> {
  const { db, sync, logger } = deps;
  const repository = db.getRepository(XeroConnection);
  const connection = await repository.findOneBy({ tenantId });
  if (!connection) return null;
  if (connection.status !== XeroConnectionStatus.DISCONNECTED) {
    await releaseAtXero(deps, connection).catch((error) =>
      logger.warn({ err: error, tenantId }, 'could not release the Xero connection; disconnecting anyway'),
    );
  }
  await repository.update(
    { id: connection.id },
    {
      status: XeroConnectionStatus.DISCONNECTED,
      // The tokens are useless now; keeping them would only be a liability.
      tokenCiphertext: sync.xero.tokens.seal(connection.id, { accessToken: '', expiresAt: 0 }),
      accessTokenExpiresAt: new Date(0),
    },
  );
  let purgedRecords = 0;
  if (options.purge) purgedRecords = await purgeTenant(db, tenantId, connection.id);
  sync.status.publish(tenantId, {
    kind: 'CONNECTION_DISCONNECTED',
    message: options.purge
      ? `Disconnected from "${connection.organisationName}"; cached data purged.`
      : `Disconnected from "${connection.organisationName}"; cached data kept.`,
  });
  logger.info({ tenantId, purge: options.purge, purgedRecords }, 'Xero organisation disconnected');
  const left = Object.assign(connection, { status: XeroConnectionStatus.DISCONNECTED });
  return { connection: left, purged: options.purge, purgedRecords };
}

/** DELETE the app's connection to the organisation, then revoke the grant if nothing else uses it. */
async function releaseAtXero(deps: DisconnectDeps, connection: XeroConnection): Promise<void> {
  const { xero } = deps.sync;
  const stored = xero.tokens.open(connection);
  const accessToken =
    connection.status === XeroConnectionStatus.ACTIVE
      ? await xero.tokens.accessToken(connection.id).catch(() => undefined)
      : undefined;
  let shared = false;
  if (accessToken) {
    const eventId = authenticationEventId(accessToken);
    const reachable = await listXeroConnections(xero.settings, accessToken);
    const own = reachable.find((entry) => entry.tenantId === connection.xeroTenantId);
    shared = reachable.some(
      (entry) =>
        entry !== own && entry.tenantType === 'ORGANISATION' && (!eventId || entry.authEventId === eventId),
    );
    const connectionId = own?.id ?? connection.xeroConnectionId;
    if (connectionId) await deleteXeroConnection(xero.settings, accessToken, connectionId);
  }
  // One consent for several organisations is one grant: revoking it would cut the other tenants off.
  const token = stored.refreshToken ?? stored.accessToken;
  if (!shared && token) await revokeXeroToken(xero.settings, token);
}

/** Deletes the tenant's cache under the tenant's sync lock (a running sync finishes first). */
async function purgeTenant(db: DataSource, tenantId: string, connectionId: string): Promise<number> {
  return db.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('tenant-sync:' || $1))`, [tenantId]);
    const lastSeq = await lockEventCounter(manager, tenantId);
    const events = await deleteCachedRecords(manager, tenantId);
    // Origin "xero": the records go because the Xero link went, and nothing may echo the deletions back.
    await appendEvents(manager, tenantId, lastSeq, events, { source: 'xero' });
    const tables: Array<{ name: string }> = await manager.query(
      `SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(name) IS NOT NULL`,
      [['id_map', 'sync_states', 'sync_runs', 'outbound_ops']],
    );
    for (const { name } of tables)
      await manager.query(`DELETE FROM ${name} WHERE tenant_id = $1`, [tenantId]);
    await manager.delete(XeroConnection, { id: connectionId });
    return events.length;
  });
}

async function deleteCachedRecords(manager: EntityManager, tenantId: string) {
  const events = [];
  for (const [entityType, { entity }] of Object.entries(cacheEntityTypes)) {
    const table = manager.connection.getMetadata(entity).tablePath;
    // Line and allocation tables go with their parents (ON DELETE CASCADE).
    const [rows]: [Array<{ id: string }>, number] = await manager.query(
      `DELETE FROM ${table} WHERE tenant_id = $1 RETURNING id`,
      [tenantId],
    );
    for (const row of rows) {
      events.push({ entityType, entityId: row.id, action: SyncAction.DELETED, changedFields: [] });
    }
  }
  return events;
}
