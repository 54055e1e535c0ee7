import type { DataSource, EntityManager } from 'typeorm';
import { displayPrefix, generateApiKey, hashApiKey } from '../auth/api-key.js';
import { ApiKey } from '../schema/api-key.entity.js';
import { App } from '../schema/app.entity.js';
import { ALL_SCOPES, type Scope } from '../schema/scope.js';
import { Tenant } from '../schema/tenant.entity.js';

/** Postgres channel on which a revocation is announced, so every process closes the app's sockets. */
export const REVOCATION_CHANNEL = 'gateway_app_revoked';

const TENANT_NAME = /^[a-z0-9][a-z0-9-]{1,62}$/;
const PROVIDER_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export class TenancyError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Creates a tenant, or returns the existing one of that name. */
export async function ensureTenant(db: DataSource | EntityManager, name: string): Promise<Tenant> {
  if (!TENANT_NAME.test(name)) {
    throw new TenancyError(
      'A tenant name is 2-63 lower-case letters, digits and dashes, like "org-fbcy".',
      'name',
    );
  }
  await db.createQueryBuilder().insert().into(Tenant).values({ name }).orIgnore().execute();
  return db.getRepository(Tenant).findOneByOrFail({ name });
}

export async function findTenant(db: DataSource | EntityManager, name: string): Promise<Tenant | null> {
  return db.getRepository(Tenant).findOneBy({ name });
}

export interface CreatedApp {
  app: App;
  /** The only time the key exists in clear: it is stored as a hash. */
  apiKey: string;
}

/** Creates an app of a tenant with one API key. */
export async function createApp(
  db: DataSource,
  tenantId: string,
  provider: string,
  scopes: readonly Scope[],
): Promise<CreatedApp> {
  if (!PROVIDER_NAME.test(provider)) {
    throw new TenancyError(
      'A provider name is lower-case letters, digits, "-" and "_", like "vtiger".',
      'provider',
    );
  }
  const unknown = scopes.filter((scope) => !ALL_SCOPES.includes(scope));
  if (scopes.length === 0 || unknown.length > 0) {
    throw new TenancyError(`Scopes must be some of ${ALL_SCOPES.join(', ')}.`, 'scopes');
  }
  return db.transaction(async (manager) => {
    const app = await manager.getRepository(App).save({ tenantId, provider, scopes: [...new Set(scopes)] });
    const apiKey = await addKey(manager, app.id);
    return { app, apiKey };
  });
}

/** Issues one more key for an app and returns it in clear. */
export async function addKey(manager: EntityManager, appId: string): Promise<string> {
  const apiKey = generateApiKey();
  await manager
    .getRepository(ApiKey)
    .insert({ appId, keyHash: hashApiKey(apiKey), keyPrefix: displayPrefix(apiKey) });
  return apiKey;
}

/** Revokes an app of the tenant and all its keys, and tells every process to close its sockets. */
export async function revokeApp(db: DataSource, tenantId: string, appId: string): Promise<App | null> {
  return db.transaction(async (manager) => {
    const result = await manager
      .createQueryBuilder()
      .update(App)
      .set({ revokedAt: () => 'now()' })
      .where('id = :appId AND tenant_id = :tenantId AND revoked_at IS NULL', { appId, tenantId })
      .returning('*')
      .execute();
    if (result.affected === 0) return null;
    await manager.query(`UPDATE api_keys SET revoked_at = now() WHERE app_id = $1 AND revoked_at IS NULL`, [
      appId,
    ]);
    // NOTIFY is delivered at commit, so no process closes sockets for a revocation that rolled back.
    await manager.query('SELECT pg_notify($1, $2)', [REVOCATION_CHANNEL, appId]);
    return manager.getRepository(App).findOneByOrFail({ id: appId });
  });
}

export async function listApps(db: DataSource, tenantId: string): Promise<App[]> {
  return db.getRepository(App).find({ where: { tenantId }, order: { createdAt: 'ASC' } });
}
