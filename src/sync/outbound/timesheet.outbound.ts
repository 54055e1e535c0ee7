import type { Timesheet } from 'xero-node/dist/gen/model/payroll-au/models.js';
import type { AnyMapped } from '../inbound/page-writer.js';
import { mapXeroAuTimesheet } from '../mappers/xero-au-timesheet.mapper.js';
import { type UsTimesheet, usTimesheetSchema } from '../mappers/xero-us-payroll.schema.js';
import { mapXeroUsTimesheet } from '../mappers/xero-us-timesheet.mapper.js';
import type { XeroApi, XeroCallTarget } from '../xero/xero-api.js';
import { registerOutbound } from './outbound-descriptor.js';
import type { PayrollRegion } from './payroll-gate.js';

/** The op's request: which payroll, and the timesheet in that payroll's shape. */
export interface TimesheetRequest {
  region: PayrollRegion;
  timesheet: Record<string, unknown>;
}

type Answer = { region: 'AU'; timesheet: Timesheet } | { region: 'US'; timesheet: UsTimesheet };

const US_PATH = '/payroll.xro/1.0/Timesheets';

async function pushUs(
  api: XeroApi,
  target: XeroCallTarget,
  path: string,
  timesheet: Record<string, unknown>,
  idempotencyKey: string,
): Promise<Answer | undefined> {
  const body = await api.fetchJson<{ Timesheets?: unknown[] }>(target, path, {
    method: 'POST',
    body: JSON.stringify([timesheet]),
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  const answer = body?.Timesheets?.[0];
  return answer ? { region: 'US', timesheet: usTimesheetSchema.parse(answer) } : undefined;
}

/**
 * Timesheets: Payroll AU through xero-node (createTimesheet / updateTimesheet take raw arrays), the
 * legacy US payroll through `fetchJson` (xero-node has no client for it). Landed with the inbound mappers.
 */
export const timeSheetOutbound = registerOutbound({
  entity: 'TimeSheet',
  creates: ['CREATE'],
  async push(api, target, { operation, request, xeroId, idempotencyKey }) {
    const { region, timesheet } = request as unknown as TimesheetRequest;
    if (region === 'US') {
      const path = operation === 'CREATE' ? US_PATH : `${US_PATH}/${xeroId}`;
      return pushUs(api, target, path, timesheet, idempotencyKey);
    }
    const sheets = [timesheet as unknown as Timesheet];
    const body = await api.call(target, (client, tenant) =>
      operation === 'CREATE'
        ? client.payrollAUApi.createTimesheet(tenant, sheets, idempotencyKey)
        : client.payrollAUApi.updateTimesheet(tenant, xeroId!, sheets, idempotencyKey),
    );
    const answer = body.timesheets?.[0];
    return answer && ({ region, timesheet: answer } satisfies Answer);
  },
  map(answer) {
    const { region, timesheet } = answer as Answer;
    const mapped = region === 'AU' ? mapXeroAuTimesheet(timesheet) : mapXeroUsTimesheet(timesheet);
    return mapped as unknown as AnyMapped;
  },
  /**
   * Xero's current version of a timesheet. The target does not say which payroll the organisation has:
   * Payroll AU answers GET /Timesheets/{id} with one `Timesheet` object, the legacy US surface with a
   * `Timesheets` list that xero-node's AU model does not read, so an empty AU answer means "ask as US".
   */
  async fetch(api, target, xeroId) {
    const au = await api.call(target, (client, tenant) => client.payrollAUApi.getTimesheet(tenant, xeroId));
    if (au.timesheet) return { region: 'AU', timesheet: au.timesheet } satisfies Answer;
    const us = await api.fetchJson<{ Timesheets?: unknown[] }>(target, `${US_PATH}/${xeroId}`);
    const answer = us?.Timesheets?.[0];
    return answer
      ? ({ region: 'US', timesheet: usTimesheetSchema.parse(answer) } satisfies Answer)
      : undefined;
  },
});
