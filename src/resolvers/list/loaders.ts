import DataLoader from 'dataloader';
import type { ClassType } from 'type-graphql';
import { type GatewayContext, requestScoped } from '../../context.js';
import type { ExternalId, ExternalIdInput } from '../../schema/value-objects.js';
import { isUuid } from './cursor.js';
import type { ChildSpec } from './entity-descriptor.js';
import { hasTombstones, hydrate, selectColumns } from './hydrate.js';

/**
 * Request-scoped DataLoaders: every relation is one statement per request however many parents ask,
 * and every statement is filtered by the caller's tenant (never by an argument).
 */

/** Rows of an entity by Connec! id; tombstoned rows and other tenants' rows are simply absent. */
export function byIdLoader<T extends object>(
  context: GatewayContext,
  entity: ClassType<T>,
): DataLoader<string, T | null> {
  const metadata = context.db.getMetadata(entity);
  return requestScoped(context, `byId:${metadata.tableName}`, () => {
    return new DataLoader<string, T | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      if (valid.length === 0) return ids.map(() => null);
      const tombstones = hasTombstones(metadata) ? ' AND e.deleted_at IS NULL' : '';
      const rows: Array<Record<string, unknown>> = await context.db.query(
        `SELECT ${selectColumns(metadata, 'e')} FROM "${metadata.tableName}" e WHERE e.tenant_id = $1 AND e.id = ANY($2::uuid[])${tombstones}`,
        [context.auth.tenant.id, [...new Set(valid)]],
      );
      const byId = new Map(rows.map((row) => [row.id as string, hydrate(context.db.manager, entity, row)]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  });
}

/** Children (lines, or an employee's salaries) of many parents, in one statement. */
export function childrenLoader<T extends object>(
  context: GatewayContext,
  child: ChildSpec,
): DataLoader<string, T[]> {
  const entity = child.entity() as ClassType<T>;
  const metadata = context.db.getMetadata(entity);
  return requestScoped(context, `children:${metadata.tableName}.${child.foreignKey}`, () => {
    return new DataLoader<string, T[]>(async (parentIds) => {
      const tombstones = hasTombstones(metadata) ? ' AND e.deleted_at IS NULL' : '';
      const rows: Array<Record<string, unknown>> = await context.db.query(
        `SELECT ${selectColumns(metadata, 'e')} FROM "${metadata.tableName}" e
          WHERE e.tenant_id = $1 AND e.${child.foreignKey} = ANY($2::uuid[])${tombstones}
          ORDER BY e.${child.orderBy}, e.id`,
        [context.auth.tenant.id, [...new Set(parentIds)]],
      );
      const grouped = new Map<string, T[]>(parentIds.map((id) => [id, []]));
      for (const row of rows) {
        grouped.get(row[child.foreignKey] as string)?.push(hydrate(context.db.manager, entity, row));
      }
      return parentIds.map((id) => grouped.get(id) ?? []);
    });
  });
}

interface IdMapRow {
  connec_id: string;
  provider: string;
  realm: string;
  external_id: string;
}

/** Every record's ids elsewhere: its Connec! id first, then id_map rows (Xero, client apps). */
export function externalIdsLoader(context: GatewayContext): DataLoader<string, ExternalId[]> {
  return requestScoped(context, 'externalIds', () => {
    return new DataLoader<string, ExternalId[]>(async (ids) => {
      const rows: IdMapRow[] = await context.db.query(
        `SELECT connec_id, provider, realm, external_id FROM id_map
          WHERE tenant_id = $1 AND connec_id = ANY($2::uuid[]) ORDER BY provider, realm, external_id`,
        [context.auth.tenant.id, [...new Set(ids)]],
      );
      const realm = context.auth.tenant.name;
      return ids.map((id) => [
        { provider: 'connec', realm, id },
        ...rows
          .filter((row) => row.connec_id === id)
          .map((row) => ({ provider: row.provider, realm: row.realm, id: row.external_id })),
      ]);
    });
  });
}

/** A record of the tenant by its id in another system (or by Connec! id when the provider is "connec"). */
export async function findByExternalId<T extends object>(
  context: GatewayContext,
  entityName: string,
  entity: ClassType<T>,
  externalId: ExternalIdInput,
): Promise<T | null> {
  if (externalId.provider === 'connec') return byIdLoader(context, entity).load(externalId.id);
  const metadata = context.db.getMetadata(entity);
  const tombstones = hasTombstones(metadata) ? ' AND e.deleted_at IS NULL' : '';
  const rows: Array<Record<string, unknown>> = await context.db.query(
    `SELECT ${selectColumns(metadata, 'e')} FROM id_map m JOIN "${metadata.tableName}" e ON e.tenant_id = m.tenant_id AND e.id = m.connec_id
      WHERE m.tenant_id = $1 AND m.entity = $2 AND m.provider = $3 AND m.external_id = $4
        AND ($5::text IS NULL OR m.realm = $5)${tombstones}
      ORDER BY m.realm LIMIT 1`,
    [context.auth.tenant.id, entityName, externalId.provider, externalId.id, externalId.realm ?? null],
  );
  return rows[0] ? hydrate(context.db.manager, entity, rows[0]) : null;
}
