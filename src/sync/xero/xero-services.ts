import type { DataSource } from 'typeorm';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { XeroConnection } from '../../schema/xero-connection.entity.js';
import { XeroApi } from './xero-api.js';
import { XeroRateLimiter } from './xero-rate-limiter.js';
import type { XeroSettings } from './xero-settings.js';
import { XeroTokenStore } from './xero-tokens.js';

/** Everything that talks to Xero, created once per process. */
export interface XeroServices {
  settings: XeroSettings;
  api: XeroApi;
  tokens: XeroTokenStore;
  limiter: XeroRateLimiter;
}

export interface XeroServicesOptions {
  db: DataSource;
  config: Config;
  logger: Logger;
  settings: XeroSettings;
  encryptionKey: Buffer;
  onNeedsReauth: (connection: XeroConnection, reason: string) => Promise<void> | void;
  onPause: (xeroTenantId: string, until: Date, reason: string) => void;
}

export function createXeroServices(options: XeroServicesOptions): XeroServices {
  const { db, config, logger, settings } = options;
  const limiter = new XeroRateLimiter(
    db,
    {
      perWindow: config.XERO_CALLS_PER_WINDOW,
      windowMs: config.XERO_RATE_WINDOW_MS,
      perDay: config.XERO_CALLS_PER_DAY,
      concurrent: config.XERO_MAX_CONCURRENT_CALLS,
    },
    options.onPause,
  );
  const tokens = new XeroTokenStore(db, options.encryptionKey, settings, options.onNeedsReauth);
  const api = new XeroApi({
    settings,
    tokens,
    limiter,
    logger,
    maxRetries: config.XERO_MAX_RETRIES,
    timeoutMs: config.XERO_TIMEOUT_MS,
  });
  return { settings, api, tokens, limiter };
}
