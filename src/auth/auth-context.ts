import type { App } from '../schema/app.entity.js';
import type { Scope } from '../schema/scope.js';
import type { Tenant } from '../schema/tenant.entity.js';

/** Who is calling: derived from the API key alone, never from an argument. */
export interface AuthContext {
  tenant: Tenant;
  app: App;
  scopes: ReadonlySet<Scope>;
}
