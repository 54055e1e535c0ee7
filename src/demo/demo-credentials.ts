import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { authenticate } from '../auth/authenticate.js';
import { ALL_SCOPES } from '../schema/scope.js';
import { createApp, ensureTenant } from '../tenancy/tenancy.service.js';

export const DEMO_TENANT = 'org-demo';
const DEMO_PROVIDER = 'dashboard';

/** What `$DATA_DIR/demo-credentials.json` holds; later parts of the demo add their own keys to it. */
export interface DemoCredentials {
  graphqlUrl: string;
  playgroundUrl: string;
  apiKey: string;
  tenant: string;
  [extra: string]: unknown;
}

export function demoCredentialsPath(dataDir: string): string {
  return path.join(dataDir, 'demo-credentials.json');
}

/**
 * Creates tenant `org-demo` and its `dashboard` app (all scopes) once; later starts reuse the key kept in
 * the credentials file as long as it still works.
 */
export async function ensureDemoApiKey(db: DataSource, dataDir: string): Promise<string> {
  const tenant = await ensureTenant(db, DEMO_TENANT);
  const saved = await readDemoCredentials(dataDir);
  if (saved?.apiKey) {
    const valid = await authenticate(db, saved.apiKey).then(
      (auth) => auth.tenant.id === tenant.id,
      () => false,
    );
    if (valid) return saved.apiKey;
  }
  const { apiKey } = await createApp(db, tenant.id, DEMO_PROVIDER, ALL_SCOPES);
  return apiKey;
}

export async function readDemoCredentials(dataDir: string): Promise<DemoCredentials | undefined> {
  const file = demoCredentialsPath(dataDir);
  if (!existsSync(file)) return undefined;
  return JSON.parse(await readFile(file, 'utf8')) as DemoCredentials;
}

/** Writes the file, keeping what other parts of the demo added. Readable by the owner only: it holds keys. */
export async function writeDemoCredentials(dataDir: string, credentials: DemoCredentials): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const existing = (await readDemoCredentials(dataDir)) ?? {};
  const file = demoCredentialsPath(dataDir);
  await writeFile(file, `${JSON.stringify({ ...existing, ...credentials }, null, 2)}\n`, { mode: 0o600 });
}
