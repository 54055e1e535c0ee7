import type { Collection } from '../core/collection.js';
import { notFound, postDataInvalid, type Rec, validationException, XeroHttpError } from '../core/errors.js';
import { header, sendJson } from '../core/http.js';
import { queryParam } from '../core/list-query.js';
import type { ApiContext, EventCategory } from '../state/emulator-context.js';
import type { OrgState } from '../state/org-state.js';
import { envelope } from './envelope.js';

export interface WriteCtx {
  emu: ApiContext['emu'];
  org: OrgState;
  now: number;
  query: URL['searchParams'];
}

/** How one Accounting resource validates and stores a written element. */
export interface ResourceWriter {
  key: string;
  idField: string;
  category?: EventCategory;
  coll(org: OrgState): Collection;
  /** Natural-key match for POSTs without an id (Items by Code). */
  findExisting?(org: OrgState, input: Rec): Rec | undefined;
  /** New record, or Xero's validation messages. Must not mutate the store. */
  prepare(c: WriteCtx, input: Rec, existing: Rec | undefined, batch: Rec[]): Rec | string[];
  /** Stores the record and applies side effects (payments change invoices...). */
  commit?(c: WriteCtx, rec: Rec, existing: Rec | undefined): void;
  render(org: OrgState, rec: Rec): Rec;
}

export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  if (!text) throw postDataInvalid('The request body is empty');
  try {
    return JSON.parse(text);
  } catch {
    throw postDataInvalid(`JSON for the request body could not be parsed: ${text.slice(0, 60)}`);
  }
}

function elementsOf(body: unknown, key: string): Rec[] {
  if (Array.isArray(body)) return body as Rec[];
  if (body && typeof body === 'object') {
    const obj = body as Rec;
    const list = obj[key];
    if (Array.isArray(list)) return list as Rec[];
    if (
      list === undefined &&
      !Object.keys(obj).some((k) => /^[A-Z][a-z]+s$/.test(k) && Array.isArray(obj[k]))
    ) {
      return [obj];
    }
  }
  throw postDataInvalid(`The request body did not contain ${key}`);
}

/** Replays the first answer for a repeated Idempotency-Key, as Xero does. */
export function withIdempotency(ctx: ApiContext, run: () => { status: number; body: unknown }): void {
  const key = header(ctx.req, 'idempotency-key');
  if (key && key.length > 128) {
    throw new XeroHttpError(400, {
      ErrorNumber: 10,
      Type: 'ValidationException',
      Message: 'Idempotency-Key must be 128 characters or fewer',
    });
  }
  const scoped = key
    ? `${ctx.clientId}|${ctx.req.method}|${ctx.url.pathname.toLowerCase()}|${key}`
    : undefined;
  const previous = scoped ? ctx.org.idempotency.get(scoped) : undefined;
  if (previous) {
    sendJson(ctx.res, previous.status, previous.body);
    return;
  }
  let result: { status: number; body: unknown };
  try {
    result = run();
  } catch (err) {
    if (!(err instanceof XeroHttpError) || !scoped) throw err;
    result = { status: err.status, body: err.body };
    if (err.status < 500) ctx.org.idempotency.set(scoped, { ...result, at: Date.now() });
    throw err;
  }
  if (scoped) ctx.org.idempotency.set(scoped, { ...result, at: Date.now() });
  sendJson(ctx.res, result.status, result.body);
}

/** PUT (create) / POST (create or update) of one or many elements, with summarizeErrors semantics. */
export function handleWrite(ctx: ApiContext, w: ResourceWriter, pathId?: string): void {
  withIdempotency(ctx, () => runWrite(ctx, w, pathId));
}

export function runWrite(
  ctx: ApiContext,
  w: ResourceWriter,
  pathId?: string,
): { status: number; body: unknown } {
  const inputs = elementsOf(parseJsonBody(ctx.body), w.key);
  const summarize = queryParam(ctx.url, 'summarizeErrors') !== 'false';
  const c: WriteCtx = { emu: ctx.emu, org: ctx.org, now: ctx.emu.clock.now(), query: ctx.url.searchParams };
  const coll = w.coll(ctx.org);
  if (pathId && !coll.get(pathId)) throw notFound();
  const prepared: Array<{ input: Rec; rec?: Rec; existing?: Rec; errors?: string[] }> = [];
  const batch: Rec[] = [];
  for (const raw of inputs) {
    const input = raw && typeof raw === 'object' ? raw : {};
    const id = pathId ?? (input[w.idField] as string | undefined);
    let existing = id ? coll.get(id) : undefined;
    // PUT only creates; POST may update a record found by its natural key (Items by Code).
    if (!existing && !id && w.findExisting && ctx.req.method === 'POST')
      existing = w.findExisting(ctx.org, input);
    if (id && !existing) {
      prepared.push({ input, errors: [`${w.key.replace(/s$/, '')} could not be found`] });
      continue;
    }
    const out = w.prepare(c, input, existing, batch);
    if (Array.isArray(out)) prepared.push({ input, existing, errors: out });
    else {
      batch.push(out);
      prepared.push({ input, existing, rec: out });
    }
  }
  const failed = prepared.filter((p) => p.errors);
  if (summarize && failed.length > 0) {
    throw validationException(
      failed.map((p) => ({ ...p.input, ValidationErrors: p.errors!.map((Message) => ({ Message })) })),
    );
  }
  const out: Rec[] = [];
  for (const p of prepared) {
    if (p.errors) {
      out.push({
        ...p.input,
        HasErrors: true,
        StatusAttributeString: 'ERROR',
        ValidationErrors: p.errors.map((Message) => ({ Message })),
      });
      continue;
    }
    const rec = p.rec!;
    commitRecord(c, w, rec, p.existing);
    const rendered = w.render(ctx.org, rec);
    out.push(summarize ? rendered : { ...rendered, StatusAttributeString: 'OK' });
  }
  ctx.emu.markDirty();
  return { status: 200, body: envelope(ctx, w.key, out) };
}

export function commitRecord(c: WriteCtx, w: ResourceWriter, rec: Rec, existing: Rec | undefined): void {
  if (w.commit) w.commit(c, rec, existing);
  else w.coll(c.org).put(rec);
  if (w.category) c.emu.emit(c.org, w.category, String(rec[w.idField]), existing ? 'UPDATE' : 'CREATE');
}

/** For control-API edits: one element through the same rules, throwing Xero's error on failure. */
export function writeOne(
  emu: ApiContext['emu'],
  org: OrgState,
  w: ResourceWriter,
  input: Rec,
  existing: Rec | undefined,
): Rec {
  const c: WriteCtx = { emu, org, now: emu.clock.now(), query: new URLSearchParams() };
  const out = w.prepare(c, input, existing, []);
  if (Array.isArray(out)) {
    throw validationException([{ ...input, ValidationErrors: out.map((Message) => ({ Message })) }]);
  }
  commitRecord(c, w, out, existing);
  emu.markDirty();
  return w.render(org, out);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}
