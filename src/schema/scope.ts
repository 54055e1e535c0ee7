import { registerEnumType } from 'type-graphql';

/** What an app's key may do. */
export enum Scope {
  READ = 'read',
  WRITE = 'write',
  SUBSCRIBE = 'subscribe',
  ADMIN = 'admin',
}

export const ALL_SCOPES: readonly Scope[] = Object.values(Scope);

registerEnumType(Scope, {
  name: 'Scope',
  description: 'A permission granted to an app.',
  valuesConfig: {
    READ: { description: 'Run queries.' },
    WRITE: { description: 'Run mutations that change records.' },
    SUBSCRIBE: { description: 'Open subscriptions.' },
    ADMIN: { description: 'Manage the tenant: apps, keys, Xero connections, syncs.' },
  },
});
