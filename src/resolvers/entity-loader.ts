import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { type CacheEntityName, cacheEntityTypes } from '../cache/cache-entities.js';
import { type GatewayContext, requestScoped } from '../context.js';

/** Loads records of any entity type by `Type:id`, one query per type per batch, within the caller's tenant. */
export function entityLoader(context: GatewayContext): DataLoader<string, unknown> {
  return requestScoped(
    context,
    'entity-by-type-and-id',
    () =>
      new DataLoader<string, unknown>(async (keys) => {
        const byType = new Map<string, string[]>();
        for (const key of keys) {
          const [type, id] = key.split(':');
          byType.set(type, [...(byType.get(type) ?? []), id]);
        }
        const found = new Map<string, unknown>();
        for (const [type, ids] of byType) {
          const entity = cacheEntityTypes[type as CacheEntityName]?.entity;
          if (!entity) continue;
          const rows = await context.db
            .getRepository(entity)
            .findBy({ tenantId: context.auth.tenant.id, id: In(ids) } as never);
          for (const row of rows as Array<{ id: string }>) found.set(`${type}:${row.id}`, row);
        }
        return keys.map((key) => found.get(key) ?? null);
      }),
  );
}
