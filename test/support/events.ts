import type { DataSource } from 'typeorm';
import { upsertEntities } from '../../src/cache/upsert.js';

let counter = 0;

/** Writes `count` new items through the cache writer (one transaction), appending one CREATED event each. */
export async function writeItems(
  db: DataSource,
  tenantId: string,
  count: number,
  origin: { source: string; appId?: string | null } = { source: 'test' },
): Promise<string[]> {
  const records = Array.from({ length: count }, () => {
    counter += 1;
    return { fields: { code: `T-${process.pid}-${counter}`, name: `Test item ${counter}` } };
  });
  const { ids } = await upsertEntities(db.manager, tenantId, 'Item', records, origin);
  return ids;
}

/** Collects the next `count` results of a graphql-ws subscription (or fails after `timeoutMs`). */
export function collect<T>(
  iterator: AsyncIterator<{ data?: unknown; errors?: unknown }>,
  count: number,
  timeoutMs = 10_000,
) {
  return new Promise<T[]>((resolve, reject) => {
    const results: T[] = [];
    const timer = setTimeout(
      () => reject(new Error(`got ${results.length} of ${count} events: ${JSON.stringify(results)}`)),
      timeoutMs,
    );
    const pull = async () => {
      while (results.length < count) {
        const { value, done } = await iterator.next();
        if (done) break;
        if (value.errors) {
          clearTimeout(timer);
          return reject(new Error(JSON.stringify(value.errors)));
        }
        results.push(value.data as T);
      }
      clearTimeout(timer);
      resolve(results);
    };
    pull().catch(reject);
  });
}
