import { envelope, sendEnvelope } from '../accounting/envelope.js';
import { parseJsonBody, withIdempotency } from '../accounting/write-pipeline.js';
import type { Collection } from '../core/collection.js';
import { notFound, type Rec, validationException } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { listRecords } from '../core/list-query.js';
import { render } from '../core/render.js';
import type { Router } from '../core/router.js';
import { parseInputDate } from '../core/xero-date.js';
import type { ApiContext } from '../state/emulator-context.js';
import type { OrgState } from '../state/org-state.js';

export const DATE_KEYS = [
  'DateOfBirth',
  'StartDate',
  'EndDate',
  'TerminationDate',
  'PaymentDate',
  'ReferenceDate',
  'HireDate',
  'EffectiveDate',
  'PayRunPeriodStartDate',
  'PayRunPeriodEndDate',
  'PayPeriodStartDate',
  'PayPeriodEndDate',
  'FirstPaymentDate',
];

/** Payroll clients send dates as `/Date(ms)/` or ISO; stored as 'YYYY-MM-DD' like Accounting. */
export function normaliseDates(input: Rec, errors: string[]): Rec {
  const out: Rec = { ...input };
  for (const k of DATE_KEYS) {
    if (out[k] === undefined || out[k] === null || out[k] === '') continue;
    const d = parseInputDate(out[k]);
    if (!d) errors.push(`${k} is not a valid date.`);
    else out[k] = d;
  }
  return out;
}

export interface PayrollResource {
  path: string;
  key: string;
  idField: string;
  coll(org: OrgState): Collection;
  /** Response key and shape for GET by id (Timesheets answer a single `Timesheet` object). */
  singleKey?: string;
  validate(ctx: ApiContext, rec: Rec, existing: Rec | undefined, errors: string[]): Rec;
  renderOne?(org: OrgState, rec: Rec): Rec;
  /** What the list (GET without an id) shows of each record, when less than GET by id (AU Employees). */
  renderListed?(org: OrgState, rec: Rec): Rec;
  /** What else a stored write changes in the organisation (posting a pay run processes its leave). */
  afterWrite?(ctx: ApiContext, rec: Rec, existing: Rec | undefined): void;
  pageSize?: number;
}

export const renderPayroll = (rec: Rec): Rec => render(rec, false) as Rec;

/** GET list (pages of 100, no pageSize), GET by id, POST create (array body), POST /{id} update. */
export function registerPayrollResource(r: Router<ApiContext>, res: PayrollResource): void {
  const show = (org: OrgState, rec: Rec) => (res.renderOne ? res.renderOne(org, rec) : renderPayroll(rec));
  r.add('GET', res.path, (ctx) => {
    const { items } = listRecords(res.coll(ctx.org), ctx.url, ctx.req, {
      fixedPageSize: res.pageSize ?? 100,
    });
    sendEnvelope(
      ctx,
      res.key,
      items.map((i) => (res.renderListed ? res.renderListed(ctx.org, i) : show(ctx.org, i))),
    );
  });
  r.add('GET', `${res.path}/:id`, (ctx) => {
    const rec = res.coll(ctx.org).get(ctx.params.id);
    if (!rec) throw notFound();
    if (res.singleKey) sendEnvelope(ctx, res.singleKey, show(ctx.org, rec));
    else sendEnvelope(ctx, res.key, [show(ctx.org, rec)]);
  });
  const write = (ctx: ApiContext, pathId?: string) =>
    withIdempotency(ctx, () => {
      const body = parseJsonBody(ctx.body);
      const inputs = (
        Array.isArray(body) ? body : Array.isArray((body as Rec)[res.key]) ? (body as Rec)[res.key] : [body]
      ) as Rec[];
      const now = ctx.emu.clock.now();
      const prepared: Array<{ rec: Rec; existing: Rec | undefined }> = [];
      const failed: Rec[] = [];
      for (const input of inputs) {
        const id = pathId ?? (input[res.idField] as string | undefined);
        const existing = id ? res.coll(ctx.org).get(id) : undefined;
        if (id && !existing) throw notFound();
        const errors: string[] = [];
        const merged = normaliseDates({ ...(existing ?? {}), ...input }, errors);
        merged[res.idField] = existing?.[res.idField] ?? newId();
        merged.UpdatedDateUTC = now;
        delete merged.ValidationErrors;
        const rec = res.validate(ctx, merged, existing, errors);
        if (errors.length)
          failed.push({ ...input, ValidationErrors: errors.map((Message) => ({ Message })) });
        else prepared.push({ rec, existing });
      }
      if (failed.length) throw validationException(failed);
      for (const { rec, existing } of prepared) {
        res.coll(ctx.org).put(rec);
        res.afterWrite?.(ctx, rec, existing);
      }
      ctx.emu.markDirty();
      return {
        status: 200,
        body: envelope(
          ctx,
          res.key,
          prepared.map((p) => show(ctx.org, p.rec)),
        ),
      };
    });
  r.add('POST', res.path, (ctx) => write(ctx));
  r.add('POST', `${res.path}/:id`, (ctx) => write(ctx, ctx.params.id));
}

export function requireFields(rec: Rec, fields: string[], errors: string[]): void {
  for (const f of fields)
    if (rec[f] === undefined || rec[f] === null || rec[f] === '') errors.push(`${f} is required.`);
}
