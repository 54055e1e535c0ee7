import type { DataSource } from 'typeorm';
import { unauthenticated } from '../errors.js';
import { App } from '../schema/app.entity.js';
import type { Scope } from '../schema/scope.js';
import { Tenant } from '../schema/tenant.entity.js';
import { hashApiKey } from './api-key.js';
import type { AuthContext } from './auth-context.js';

interface KeyRow {
  tenant_id: string;
  tenant_name: string;
  tenant_created_at: Date;
  app_id: string;
  provider: string;
  scopes: Scope[];
  app_created_at: Date;
}

/**
 * Resolves an API key to its tenant, app and scopes with one indexed lookup, every time: there is no
 * cache, so a revoked key stops working on the very next request.
 */
export async function authenticate(dataSource: DataSource, key: string | undefined): Promise<AuthContext> {
  if (!key) throw unauthenticated();
  return authenticateHash(dataSource, hashApiKey(key));
}

/** `authenticate` by the key's hash (what a cache of keys holds instead of the key). */
export async function authenticateHash(dataSource: DataSource, keyHash: string): Promise<AuthContext> {
  const rows: KeyRow[] = await dataSource.query(
    `SELECT t.id AS tenant_id, t.name AS tenant_name, t.created_at AS tenant_created_at,
            a.id AS app_id, a.provider, a.scopes, a.created_at AS app_created_at
       FROM api_keys k
       JOIN apps a ON a.id = k.app_id
       JOIN tenants t ON t.id = a.tenant_id
      WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND a.revoked_at IS NULL`,
    [keyHash],
  );
  const row = rows[0];
  if (!row) throw unauthenticated('The API key is unknown or has been revoked.');
  const tenant = Object.assign(new Tenant(), {
    id: row.tenant_id,
    name: row.tenant_name,
    createdAt: row.tenant_created_at,
  });
  const app = Object.assign(new App(), {
    id: row.app_id,
    tenantId: row.tenant_id,
    provider: row.provider,
    scopes: row.scopes,
    createdAt: row.app_created_at,
    revokedAt: null,
  });
  return { tenant, app, scopes: new Set(row.scopes) };
}

/** Which of these key hashes still belong to an unrevoked key of an unrevoked app (one statement). */
export async function liveKeyHashes(dataSource: DataSource, keyHashes: string[]): Promise<Set<string>> {
  if (keyHashes.length === 0) return new Set();
  const rows: Array<{ key_hash: string }> = await dataSource.query(
    `SELECT k.key_hash FROM api_keys k JOIN apps a ON a.id = k.app_id
      WHERE k.key_hash = ANY($1) AND k.revoked_at IS NULL AND a.revoked_at IS NULL`,
    [keyHashes],
  );
  return new Set(rows.map((row) => row.key_hash));
}
