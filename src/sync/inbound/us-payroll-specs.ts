import type { z } from 'zod';
import { mapXeroUsEmployee } from '../mappers/xero-us-employee.mapper.js';
import { mapXeroUsPayItems } from '../mappers/xero-us-pay-items.mapper.js';
import { mapXeroUsPayRun } from '../mappers/xero-us-pay-run.mapper.js';
import { mapXeroUsPaySchedule } from '../mappers/xero-us-pay-schedule.mapper.js';
import {
  usEmployeesResponseSchema,
  usPayItemsResponseSchema,
  usPayRunsResponseSchema,
  usPaySchedulesResponseSchema,
  usTimesheetsResponseSchema,
  usWorkLocationsResponseSchema,
} from '../mappers/xero-us-payroll.schema.js';
import { mapXeroUsTimesheet } from '../mappers/xero-us-timesheet.mapper.js';
import { mapXeroUsWorkLocation } from '../mappers/xero-us-work-location.mapper.js';
import type { AnyMapped } from './page-writer.js';
import { tombstoneRemovedSalaries } from './removed-salaries.js';
import type { FetchContext, SyncSpec } from './sync-specs.js';

/** The legacy US payroll surface pages by 100 like Payroll AU. */
const US_PAGE = 100;

/**
 * Reads one page of a legacy US payroll resource. xero-node has no client for it (Xero retired it), so
 * the JSON is fetched through the same rate-limited door and checked with zod before mapping.
 */
async function fetchUs<S extends z.ZodType>(
  context: FetchContext,
  resource: string,
  schema: S,
  page: number | undefined,
  since: Date | undefined,
): Promise<z.infer<S>> {
  const query = page ? `?page=${page}` : '';
  const body = await context.api.fetchJson<unknown>(context.target, `/payroll.xro/1.0/${resource}${query}`, {
    headers: since ? { 'If-Modified-Since': since.toUTCString() } : {},
  });
  return schema.parse(body);
}

const one = (mapped: AnyMapped | null | undefined): AnyMapped[] => (mapped ? [mapped] : []);

/** US organisations with payroll access: work locations (US only) first, since employees refer to them. */
export const US_PAYROLL_SPECS: readonly SyncSpec[] = [
  {
    key: 'WorkLocation',
    area: 'payroll-us',
    incremental: false,
    fetch: async (c) =>
      (await fetchUs(c, 'WorkLocations', usWorkLocationsResponseSchema, undefined, undefined)).WorkLocations,
    map: (item) => one(mapXeroUsWorkLocation(item as never) as AnyMapped),
  },
  {
    key: 'PayItem',
    area: 'payroll-us',
    incremental: false,
    fetch: async (c) => [
      (await fetchUs(c, 'PayItems', usPayItemsResponseSchema, undefined, undefined)).PayItems,
    ],
    map: (item) => mapXeroUsPayItems(item as never) as AnyMapped[],
  },
  {
    key: 'PaySchedule',
    area: 'payroll-us',
    pageSize: US_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      (await fetchUs(c, 'PaySchedules', usPaySchedulesResponseSchema, page, since)).PaySchedules,
    map: (item) => one(mapXeroUsPaySchedule(item as never) as AnyMapped),
  },
  {
    key: 'Employee',
    area: 'payroll-us',
    pageSize: US_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      (await fetchUs(c, 'Employees', usEmployeesResponseSchema, page, since)).Employees,
    map: (item) => {
      const mapped = mapXeroUsEmployee(item as never);
      return [mapped.employee as AnyMapped, ...(mapped.salaries as AnyMapped[])];
    },
    write: (manager, tenantId, items) => tombstoneRemovedSalaries(manager, tenantId, 'US', items),
  },
  {
    key: 'PayRun',
    area: 'payroll-us',
    pageSize: US_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      (await fetchUs(c, 'PayRuns', usPayRunsResponseSchema, page, since)).PayRuns,
    map: (item) => one(mapXeroUsPayRun(item as never) as AnyMapped),
  },
  {
    key: 'TimeSheet',
    area: 'payroll-us',
    pageSize: US_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      (await fetchUs(c, 'Timesheets', usTimesheetsResponseSchema, page, since)).Timesheets,
    map: (item) => one(mapXeroUsTimesheet(item as never) as AnyMapped),
  },
];
