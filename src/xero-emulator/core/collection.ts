import type { Rec } from './errors.js';

/**
 * Records keyed by id. Map insertion order is kept equal to UpdatedDateUTC order (an update re-inserts at
 * the end with a fresh timestamp), so Xero's default `UpdatedDateUTC ASC` needs no sort and
 * If-Modified-Since is a binary search: listing 100k records stays cheap.
 */
export class Collection<T extends Rec = Rec> {
  private readonly map = new Map<string, T>();
  private cache: T[] | undefined;
  /** Bumped on every change, so derived indexes know when to rebuild. */
  version = 0;

  constructor(readonly idField: string) {}

  get size(): number {
    return this.map.size;
  }

  get(id: string | undefined): T | undefined {
    if (!id) return undefined;
    return this.map.get(id.toLowerCase());
  }

  /** Insert or replace; the record moves to the end (newest). */
  put(record: T): T {
    const id = String(record[this.idField]).toLowerCase();
    this.map.delete(id);
    this.map.set(id, record);
    this.cache = undefined;
    this.version++;
    return record;
  }

  delete(id: string): boolean {
    const ok = this.map.delete(id.toLowerCase());
    if (ok) {
      this.cache = undefined;
      this.version++;
    }
    return ok;
  }

  /** All records, oldest update first. The array is shared: callers must not mutate it. */
  all(): readonly T[] {
    if (!this.cache) this.cache = Array.from(this.map.values());
    return this.cache;
  }

  find(predicate: (r: T) => boolean): T | undefined {
    for (const r of this.map.values()) if (predicate(r)) return r;
    return undefined;
  }

  /** Records updated strictly after `sinceMs`, relying on the update-ordered invariant. */
  updatedAfter(sinceMs: number): readonly T[] {
    const all = this.all();
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((all[mid].UpdatedDateUTC as number) > sinceMs) hi = mid;
      else lo = mid + 1;
    }
    return lo === 0 ? all : all.slice(lo);
  }

  clear(): void {
    this.map.clear();
    this.cache = undefined;
    this.version++;
  }
}
