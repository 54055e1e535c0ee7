import type { DataSource } from 'typeorm';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createSyncStatusPublisher, type SyncStatusPublisher } from './events/sync-status.js';
import { SyncScheduler } from './inbound/sync-scheduler.js';
import { WebhookIntake } from './inbound/webhook-intake.js';
import { resolveEncryptionKey } from './xero/encryption-key.js';
import { createXeroServices, type XeroServices } from './xero/xero-services.js';
import type { XeroSettings } from './xero/xero-settings.js';

/** The sync engine's parts, created once per process when a Xero (real or emulated) is configured. */
export interface SyncServices {
  xero: XeroServices;
  status: SyncStatusPublisher;
  scheduler: SyncScheduler;
  webhooks: WebhookIntake;
}

export async function createSyncServices(
  db: DataSource,
  config: Config,
  logger: Logger,
  settings: XeroSettings,
): Promise<SyncServices> {
  const status = createSyncStatusPublisher(db, logger);
  const xero = createXeroServices({
    db,
    config,
    logger,
    settings,
    encryptionKey: await resolveEncryptionKey(config),
    onNeedsReauth: (connection, reason) => {
      logger.warn({ tenantId: connection.tenantId, reason }, 'Xero connection needs re-authorisation');
      status.publish(connection.tenantId, { kind: 'CONNECTION_NEEDS_REAUTH', message: reason });
    },
    onPause: (xeroTenantId, until) =>
      logger.warn({ xeroTenantId, until }, 'Xero organisation paused by a 429'),
  });
  const deps = { db, logger, xero, status };
  return {
    xero,
    status,
    scheduler: new SyncScheduler(deps, config.SYNC_INTERVAL_MS),
    webhooks: new WebhookIntake(db, xero, logger),
  };
}
