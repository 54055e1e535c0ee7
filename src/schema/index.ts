import { ApiKey } from './api-key.entity.js';
import { App } from './app.entity.js';
import { Tenant } from './tenant.entity.js';

/** Every TypeORM entity of the gateway; the data source and the migration generator read this list. */
export const entities = [Tenant, App, ApiKey];
