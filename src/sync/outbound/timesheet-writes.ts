import { randomUUID } from 'node:crypto';
import { badArgument } from '../../errors.js';
import { TimeSheetStatus } from '../../schema/enums.js';
import type { TimeSheet } from '../../schema/time-sheet.entity.js';
import type { TimeSheetInput } from '../../schema/time-sheet.input.js';
import type { ExternalIdInput } from '../../schema/value-objects.js';
import {
  pendingTimeSheetFields,
  type ResolvedTimeSheet,
  toXeroAuTimesheet,
  toXeroUsTimesheet,
} from '../mappers/connec-timesheet.mapper.js';
import { type PayrollRegion, payrollRegionOf } from './payroll-gate.js';
import { type TimesheetRequest, timeSheetOutbound } from './timesheet.outbound.js';
import { draftTimeSheet, resolveTimeSheet } from './timesheet-write.rules.js';
import { assertCurrentVersion } from './version-check.js';
import {
  type CreateOptions,
  loadRecord,
  upsertByExternalId,
  type WriteAnswer,
  type WriteCaller,
} from './write-caller.js';

function timesheetRequest(region: PayrollRegion, sheet: ResolvedTimeSheet): Record<string, unknown> {
  const timesheet = (region === 'AU' ? toXeroAuTimesheet(sheet) : toXeroUsTimesheet(sheet)) as Record<
    string,
    unknown
  >;
  return { region, timesheet } satisfies TimesheetRequest as unknown as Record<string, unknown>;
}

/**
 * Creates a timesheet in the organisation's payroll (AU or US; PAYROLL_NOT_ENABLED otherwise, rule 15),
 * or keeps it PENDING when Xero cannot take it now.
 */
export async function createTimeSheet(
  caller: WriteCaller,
  input: TimeSheetInput,
  options: CreateOptions = {},
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const region = payrollRegionOf(connection);
  const manager = caller.pipeline.deps.db.manager;
  const sheet = await resolveTimeSheet(
    manager,
    caller.tenantId,
    region,
    await draftTimeSheet(manager, input, null),
  );
  const outcome = await caller.pipeline.submit(
    {
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'TimeSheet',
      operation: 'CREATE',
      connecId: randomUUID(),
      request: timesheetRequest(region, sheet),
      pending: pendingTimeSheetFields(sheet, true),
      appExternalId: options.appExternalId,
      idempotencyKey: options.idempotencyKey,
    },
    connection,
  );
  return { ...outcome, warnings: [] };
}

/**
 * Changes a timesheet (omitted fields keep their value; `lines` replaces every line). A PROCESSED
 * timesheet was paid in a posted pay run and Xero does not allow changing it: refused, nothing written.
 */
export async function updateTimeSheet(
  caller: WriteCaller,
  id: string,
  input: TimeSheetInput,
  force: boolean,
): Promise<WriteAnswer> {
  const connection = await caller.pipeline.connectionFor(caller.tenantId);
  const region = payrollRegionOf(connection);
  const existing = await loadRecord<TimeSheet>(caller, 'TimeSheet', id);
  if (existing.status === TimeSheetStatus.PROCESSED) {
    throw badArgument(
      'id',
      'This timesheet is PROCESSED: it was paid in a posted pay run and Xero does not allow changing it, so nothing was changed.',
    );
  }
  const manager = caller.pipeline.deps.db.manager;
  const sheet = await resolveTimeSheet(
    manager,
    caller.tenantId,
    region,
    await draftTimeSheet(manager, input, existing),
  );
  const basedOn = force
    ? undefined
    : await assertCurrentVersion(
        caller,
        timeSheetOutbound,
        'TimeSheet',
        existing,
        input.expectedUpdatedAt,
        connection,
      );
  const outcome = await caller.pipeline.submit(
    {
      basedOn,
      tenantId: caller.tenantId,
      app: caller.app,
      entity: 'TimeSheet',
      operation: 'UPDATE',
      connecId: existing.id,
      request: timesheetRequest(region, sheet),
      pending: pendingTimeSheetFields(sheet, false),
    },
    connection,
  );
  return { ...outcome, warnings: [] };
}

/** Creates or updates the timesheet the app knows by its own id (see `upsertByExternalId`). */
export async function upsertTimeSheet(
  caller: WriteCaller,
  externalId: ExternalIdInput,
  input: TimeSheetInput,
): Promise<WriteAnswer> {
  return upsertByExternalId(caller, 'TimeSheet', externalId, input, {
    update: (connecId) => updateTimeSheet(caller, connecId, { ...input, expectedUpdatedAt: null }, true),
    create: (options) => createTimeSheet(caller, input, options),
  });
}
