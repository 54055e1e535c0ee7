import type { IncomingMessage } from 'node:http';
import type { Collection } from './collection.js';
import { type Rec, XeroHttpError } from './errors.js';
import { header } from './http.js';
import { parseWhere } from './where-parser.js';
import { parseIfModifiedSince } from './xero-date.js';

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  itemCount: number;
}

export interface ListOptions {
  /** Accounting paging: `page` + `pageSize` (1..1000, default 100) and a `pagination` object. */
  paged?: boolean;
  /** Payroll AU: pages of a fixed size, no pageSize parameter, no pagination object. */
  fixedPageSize?: number;
  /** Hidden unless `includeArchived=true` (archived contacts). */
  archived?: (r: Rec) => boolean;
  /** Query parameters holding comma-separated id lists, mapped to the record field they match. */
  idLists?: Record<string, string>;
  ifModifiedSince?: boolean;
  /** Extra fields a `where` may use, computed per record (e.g. Contact.Name). */
  whereView?: (r: Rec) => Rec;
  filters?: Array<(r: Rec) => boolean>;
}

function queryParam(url: URL, name: string): string | null {
  const lower = name.toLowerCase();
  for (const [k, v] of url.searchParams) if (k.toLowerCase() === lower) return v;
  return null;
}

export function parseOrder(order: string): (a: Rec, b: Rec) => number {
  const keys = order.split(',').map((part) => {
    const [field, dir] = part.trim().split(/\s+/);
    if (!field || !/^[A-Za-z.]+$/.test(field)) {
      throw new XeroHttpError(400, {
        ErrorNumber: 16,
        Type: 'QueryParseException',
        Message: `No property or field '${field}' exists`,
      });
    }
    return { path: field.split('.'), desc: (dir ?? '').toUpperCase() === 'DESC' };
  });
  const get = (r: Rec, path: string[]) =>
    path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Rec)[k] : undefined), r);
  return (a, b) => {
    for (const { path, desc } of keys) {
      const x = get(a, path) as string | number | undefined;
      const y = get(b, path) as string | number | undefined;
      if (x === y) continue;
      if (x === undefined || x === null) return desc ? 1 : -1;
      if (y === undefined || y === null) return desc ? -1 : 1;
      const c = x < y ? -1 : 1;
      return desc ? -c : c;
    }
    return 0;
  };
}

/** Applies Xero's list semantics to a collection and returns the page to answer. */
export function listRecords(
  coll: Collection,
  url: URL,
  req: IncomingMessage,
  opts: ListOptions,
): { items: Rec[]; pagination?: Pagination } {
  let source: readonly Rec[] = coll.all();
  if (opts.ifModifiedSince !== false) {
    const since = parseIfModifiedSince(header(req, 'if-modified-since'));
    // Inclusive at one-second precision: a client that stores the newest UpdatedDateUTC as its watermark
    // sees that record again rather than missing one changed later in the same second.
    if (since !== undefined) source = coll.updatedAfter(since - 1);
  }
  const preds: Array<(r: Rec) => boolean> = [...(opts.filters ?? [])];
  if (opts.archived && queryParam(url, 'includeArchived') !== 'true') {
    const archived = opts.archived;
    preds.push((r) => !archived(r));
  }
  for (const [param, field] of Object.entries(opts.idLists ?? {})) {
    const raw = queryParam(url, param);
    if (!raw) continue;
    const wanted = new Set(raw.split(',').map((s) => s.trim().toLowerCase()));
    preds.push((r) => wanted.has(String(r[field] ?? '').toLowerCase()));
  }
  const where = queryParam(url, 'where');
  if (where?.trim()) {
    const p = parseWhere(where);
    const view = opts.whereView;
    preds.push(view ? (r) => p(view(r)) : p);
  }
  let items: Rec[] = preds.length === 0 ? (source as Rec[]) : source.filter((r) => preds.every((p) => p(r)));
  const order = queryParam(url, 'order');
  if (order?.trim()) items = [...items].sort(parseOrder(order));

  if (opts.fixedPageSize) {
    const page = Math.max(1, Number.parseInt(queryParam(url, 'page') ?? '1', 10) || 1);
    const size = opts.fixedPageSize;
    return { items: items.slice((page - 1) * size, page * size) };
  }
  if (!opts.paged) return { items: items === source ? [...items] : items };
  const page = Math.max(1, Number.parseInt(queryParam(url, 'page') ?? '1', 10) || 1);
  const requested = Number.parseInt(queryParam(url, 'pageSize') ?? '100', 10);
  const pageSize = Math.min(1000, Math.max(1, Number.isNaN(requested) ? 100 : requested));
  const itemCount = items.length;
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    pagination: { page, pageSize, pageCount: Math.ceil(itemCount / pageSize), itemCount },
  };
}

export { queryParam };
