import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badArgument, badUserInput } from '../../errors.js';
import { PayRunStatus } from '../../schema/enums.js';
import type { PayRun } from '../../schema/pay-run.entity.js';
import type { PayRunInput } from '../../schema/pay-run.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import {
  pendingPayRunFields,
  type ResolvedPayRun,
  toXeroAuPayRun,
  toXeroUsPayRun,
} from '../mappers/connec-pay-run.mapper.js';
import type { PayRunRequest } from './pay-run.outbound.js';
import { payrollRegionOf } from './payroll-gate.js';
import { lookupReferences } from './reference-lookup.js';
import {
  type CreateOptions,
  loadRecord,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

/**
 * Creates a DRAFT pay run in Xero for a pay schedule (AU payroll calendar, US pay schedule); Xero
 * answers with its period and payslips. PAYROLL_NOT_ENABLED without payroll (rule 15).
 */
export async function createPayRun(
  caller: WriteCaller,
  input: PayRunInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const region = payrollRegionOf(connection);
  const manager = caller.pipeline.deps.db.manager;
  const run = await resolvePayRun(manager, caller.tenantId, input);
  const payRun = (region === 'AU' ? toXeroAuPayRun(run) : toXeroUsPayRun(run)) as Record<string, unknown>;
  const outcome = await caller.pipeline.submit(
    {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'PayRun',
      operation: 'CREATE',
      connecId: randomUUID(),
      request: { region, payRun } satisfies PayRunRequest as unknown as Record<string, unknown>,
      pending: pendingPayRunFields(run),
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
    },
    connection,
  );
  return { ...outcome, warnings: [] };
}

/**
 * Creates the draft pay run the app knows by its own id once. Later calls change nothing: Xero's
 * updatePayRun (POST /PayRuns/{id}) is specified for a draft's status and payslip message (posting it),
 * neither of which is in the input, and a run keeps the pay schedule Xero made it for (its period and
 * payslips come from that schedule). So the same schedule answers the pay run as it is; another schedule,
 * or a POSTED run (which Xero does not let change), is refused before Xero.
 */
export async function upsertPayRun(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: PayRunInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'PayRun', externalId, input, {
    update: (connecId) => existingPayRun(caller, connecId, input),
    create: (options) => createPayRun(caller, input, options),
  });
}

/** The upsert of a known pay run: see `upsertPayRun`. Nothing is written. */
async function existingPayRun(caller: WriteCaller, id: string, input: PayRunInput): Promise<WriteAnswer> {
  payrollRegionOf(await caller.pipeline.connectionFor(caller.tenantId));
  const existing = await loadRecord<PayRun>(caller, 'PayRun', id);
  if (existing.status === PayRunStatus.POSTED) {
    throw badArgument(
      'id',
      'This pay run is POSTED: Xero does not allow changing a posted pay run, so nothing was changed.',
    );
  }
  const { path, schedule } = await findPaySchedule(caller.pipeline.deps.db.manager, caller.tenantId, input);
  if (schedule.id !== existing.payScheduleId) {
    throw badUserInput([
      {
        path,
        message:
          'A pay run stays with the pay schedule it was made for (Xero takes its period from it): create a pay run for the other schedule instead.',
      },
    ]);
  }
  return { recordId: existing.id, syncStatus: existing.syncStatus, operationId: null, warnings: [] };
}

/** The pay schedule, known and in Xero, with no draft pay run yet: BAD_USER_INPUT otherwise. */
async function resolvePayRun(
  manager: EntityManager,
  tenantId: string,
  input: PayRunInput,
): Promise<ResolvedPayRun> {
  const { path, schedule } = await findPaySchedule(manager, tenantId, input);
  const draft = await draftPayRunOf(manager, tenantId, schedule.id);
  if (draft) {
    throw badUserInput([
      {
        path,
        message: `Xero allows one draft pay run per pay schedule, and pay run ${draft.id}${draft.period} is still a draft: post or delete it in Xero first.`,
      },
    ]);
  }
  return { payScheduleId: schedule.id, payScheduleXeroId: schedule.xeroId! };
}

/** The input's pay schedule, known and in Xero (BAD_USER_INPUT otherwise), and where the input names it. */
async function findPaySchedule(
  manager: EntityManager,
  tenantId: string,
  input: PayRunInput,
): Promise<{ path: string; schedule: { id: string; xeroId: string | null } }> {
  if (!input.payScheduleId && !input.paySchedule) {
    throw badArgument('payScheduleId', 'Name the pay schedule.');
  }
  const path = input.paySchedule ? 'paySchedule' : 'payScheduleId';
  const found = await lookupReferences(manager, tenantId, [
    { path, entity: 'PaySchedule', id: input.payScheduleId, external: input.paySchedule },
  ]);
  const schedule = found.rows.get(path);
  if (schedule && !schedule.xeroId)
    found.errors.push({ path, message: 'This pay schedule is not in Xero yet.' });
  if (found.errors.length > 0) throw badUserInput(found.errors);
  return { path, schedule: schedule! };
}

/**
 * The schedule's draft pay run in the cache, pending ones included (a FAILED one never reached Xero).
 * Xero refuses a second draft per calendar ("There can only be one draft pay run per calendar").
 */
async function draftPayRunOf(
  manager: EntityManager,
  tenantId: string,
  payScheduleId: string,
): Promise<{ id: string; period: string } | null> {
  const rows: Array<{ id: string; period_start: string | null; period_end: string | null }> =
    await manager.query(
      `SELECT id, period_start::text, period_end::text FROM pay_runs
        WHERE tenant_id = $1 AND pay_schedule_id = $2 AND status = 'DRAFT' AND sync_status <> 'FAILED'
          AND deleted_at IS NULL
        ORDER BY created_at LIMIT 1`,
      [tenantId, payScheduleId],
    );
  const row = rows[0];
  if (!row) return null;
  const period = row.period_start ? ` (${row.period_start} to ${row.period_end ?? '?'})` : '';
  return { id: row.id, period };
}
