import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../database/database.js';
import { createLogger } from '../logger.js';
import type { Scope } from '../schema/scope.js';
import {
  createApp,
  ensureTenant,
  findTenant,
  listApps,
  revokeApp,
  TenancyError,
} from '../tenancy/tenancy.service.js';

const USAGE = `Usage: npm run cli -- <command>
  tenant create <name>                                   create a tenant (idempotent)
  app create --tenant <name> --provider <p> --scopes read,write,subscribe,admin
                                                         create an app; prints its API key once
  app list --tenant <name>                               list a tenant's apps
  app revoke --tenant <name> --id <appId>                revoke an app and all its keys at once`;

type Database = Awaited<ReturnType<typeof openDatabase>>;

async function run(database: Database, argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      tenant: { type: 'string' },
      provider: { type: 'string' },
      scopes: { type: 'string' },
      id: { type: 'string' },
    },
  });
  const [noun, verb, name] = positionals;
  const db = database.dataSource;
  const tenantNamed = async () => {
    const tenant = values.tenant ? await findTenant(db, values.tenant) : null;
    if (!tenant) throw new TenancyError(`No tenant named "${values.tenant ?? ''}".`, 'tenant');
    return tenant;
  };
  if (noun === 'tenant' && verb === 'create' && name) {
    const tenant = await ensureTenant(db, name);
    console.log(JSON.stringify({ id: tenant.id, name: tenant.name }));
  } else if (noun === 'app' && verb === 'create') {
    const tenant = await tenantNamed();
    const scopes = (values.scopes ?? 'read').split(',').map((scope) => scope.trim()) as Scope[];
    const { app, apiKey } = await createApp(db, tenant.id, values.provider ?? '', scopes);
    console.log(
      JSON.stringify({ id: app.id, tenant: tenant.name, provider: app.provider, scopes: app.scopes, apiKey }),
    );
    console.error('Keep this key now: only its hash is stored, it cannot be shown again.');
  } else if (noun === 'app' && verb === 'list') {
    const tenant = await tenantNamed();
    for (const app of await listApps(db, tenant.id)) {
      console.log(
        JSON.stringify({ id: app.id, provider: app.provider, scopes: app.scopes, revokedAt: app.revokedAt }),
      );
    }
  } else if (noun === 'app' && verb === 'revoke' && values.id) {
    const tenant = await tenantNamed();
    const app = await revokeApp(db, tenant.id, values.id);
    if (!app) throw new TenancyError(`No active app ${values.id} in tenant ${tenant.name}.`, 'id');
    console.log(JSON.stringify({ id: app.id, revokedAt: app.revokedAt }));
  } else {
    throw new TenancyError(USAGE, 'command');
  }
}

/** `npm run cli -- ...`: administers tenants and apps in the database the gateway uses. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger('warn'));
  try {
    await run(database, process.argv.slice(2));
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof TenancyError ? error.message : error);
  process.exit(1);
});
