import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate, timestamp } from '../../src/sync/mappers/xero-value.util.js';
import { outboundOf } from '../../src/sync/outbound/outbound-worker.js';
import { timeSheetOutbound } from '../../src/sync/outbound/timesheet.outbound.js';
import {
  linkWithoutPayroll,
  PAYROLL_NOT_ENABLED_CASES,
  startWriteHarness,
  usPayrollGet,
  type WriteHarness,
  waitForOpsDone,
} from './writes-harness.js';

const FIELDS = `record {
    id syncStatus status startDate endDate hours employeeId updatedAt
    externalIds { provider id }
    lines { lineNumber payItemId workLocationId units }
  }
  syncStatus warnings operationId`;
const CREATE = `mutation ($input: TimeSheetInput!) { createTimeSheet(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: TimeSheetInput!) { updateTimeSheet(id: $id, input: $input) { ${FIELDS} } }`;
const VERSIONED = `mutation ($id: ID!, $input: TimeSheetInput!, $force: Boolean) {
  updateTimeSheet(id: $id, input: $input, force: $force) { ${FIELDS} } }`;
const UPSERT = `mutation ($externalId: ExternalIdInput!, $input: TimeSheetInput!) {
  upsertTimeSheet(externalId: $externalId, input: $input) { ${FIELDS} } }`;

interface Sheet {
  id: string;
  syncStatus: string;
  status: string;
  hours: string;
  employeeId: string;
  updatedAt: string;
  externalIds: Array<{ provider: string; id: string }>;
  lines: Array<{ lineNumber: number; payItemId: string; workLocationId: string | null; units: string[] }>;
}
interface Payload {
  record: Sheet;
  syncStatus: string;
  warnings: string[];
  operationId: string | null;
}
type Data = Record<'createTimeSheet' | 'updateTimeSheet' | 'upsertTimeSheet', Payload>;

const WEEK = { startDate: '2026-03-02', endDate: '2026-03-08' };
const HOURS = ['7.6', '7.6', '8', '7.6', '6', '0', '0'];

const rowOf = async (h: WriteHarness, id: string) =>
  (
    await h.gateway.gateway.services.db.query(
      'SELECT xero_id, sync_status, hours, updated_at FROM time_sheets WHERE id = $1',
      [id],
    )
  )[0] as { xero_id: string | null; sync_status: string; hours: string; updated_at: Date };
const eventsOf = (h: WriteHarness, id: string) =>
  h.gateway.gateway.services.db.query(
    'SELECT action, origin, app_id FROM sync_events WHERE entity_id = $1 ORDER BY seq',
    [id],
  ) as Promise<Array<{ action: string; origin: string; app_id: string | null }>>;

/** Payroll AU timesheets in the emulator, through xero-node: of one employee, starting on `start`. */
async function auTimesheets(h: WriteHarness, employeeXeroId: string, start: string) {
  const { body } = await h.xero.payrollAUApi.getTimesheets(h.xeroTenantId);
  return (body.timesheets ?? []).filter(
    (sheet) => sheet.employeeID === employeeXeroId && calendarDate(sheet.startDate) === start,
  );
}

/** What must not move when a write is refused: the cache, the outbox, the event log, Xero. */
async function footprint(h: WriteHarness) {
  return {
    sheets: await h.count('SELECT count(*) n FROM time_sheets'),
    lines: await h.count('SELECT count(*) n FROM time_sheet_lines'),
    ops: await h.count('SELECT count(*) n FROM outbound_ops'),
    events: await h.count('SELECT count(*) n FROM sync_events'),
    xero: (await h.xero.payrollAUApi.getTimesheets(h.xeroTenantId)).body.timesheets?.length,
  };
}

describe('timesheet writes, Payroll AU', () => {
  let h: WriteHarness;
  let employeeId: string;
  let employeeXeroId: string;
  let ordinaryId: string;
  let overtimeId: string;
  const line = (hours: string[], payItemId = ordinaryId) => ({ payItemId, hours });

  beforeAll(async () => {
    h = await startWriteHarness('Demo Company (AU)');
    employeeId = await h.idOf('employees', "first_name = 'Oliver'");
    employeeXeroId = (await rowOfEmployee(h, employeeId)).xero_id;
    ordinaryId = await h.idOf('pay_items', "name = 'Ordinary Hours'");
    overtimeId = await h.idOf('pay_items', "type = 'EARNINGS' AND name LIKE 'Overtime%'");
  });
  afterAll(() => h?.stop());

  it('creates a timesheet through xero-node: SYNCED under Xero’s id, the same hours in Xero, one event from the app', async () => {
    const response = await h.graphql<Data>(CREATE, {
      input: { employeeId, ...WEEK, lines: [line(HOURS)] },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createTimeSheet;
    expect(payload.syncStatus).toBe('SYNCED');
    expect(payload.record).toMatchObject({
      syncStatus: 'SYNCED',
      status: 'DRAFT',
      hours: '36.8',
      employeeId,
      lines: [{ lineNumber: 1, payItemId: ordinaryId, workLocationId: null, units: HOURS }],
    });
    const row = await rowOf(h, payload.record.id);
    expect(row.xero_id).toMatch(/^[0-9a-f-]{36}$/);
    const { body } = await h.xero.payrollAUApi.getTimesheet(h.xeroTenantId, row.xero_id!);
    expect(body.timesheet).toMatchObject({ employeeID: employeeXeroId, hours: 36.8, status: 'DRAFT' });
    expect(body.timesheet!.timesheetLines!.map((l) => l.numberOfUnits)).toEqual([HOURS.map(Number)]);
    const events = await eventsOf(h, payload.record.id);
    expect(events).toEqual([{ action: 'CREATED', origin: 'crm', app_id: expect.any(String) }]);
    // The next sync reads the timesheet back from Xero: it hashes the same and appends nothing.
    const before = await h.count('SELECT count(*) n FROM sync_events');
    await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
    expect(await h.count('SELECT count(*) n FROM sync_events')).toBe(before);
  });

  it('updates a timesheet: new lines replace the old ones in Xero and in the cache', async () => {
    const created = await h.graphql<Data>(CREATE, {
      input: { employeeId, startDate: '2026-03-16', endDate: '2026-03-18', lines: [line(['8', '8', '8'])] },
    });
    const id = created.data!.createTimeSheet.record.id;
    const response = await h.graphql<Data>(UPDATE, {
      id,
      input: { lines: [line(['8', '8', '6']), line(['0', '1.5', '2'], overtimeId)] },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.updateTimeSheet;
    expect(payload.syncStatus).toBe('SYNCED');
    expect(payload.record.hours).toBe('25.5');
    expect(payload.record.lines.map((l) => [l.payItemId, l.units])).toEqual([
      [ordinaryId, ['8', '8', '6']],
      [overtimeId, ['0', '1.5', '2']],
    ]);
    const [sheet] = await auTimesheets(h, employeeXeroId, '2026-03-16');
    expect(sheet.hours).toBe(25.5);
    expect(sheet.timesheetLines!.map((l) => l.numberOfUnits)).toEqual([
      [8, 8, 6],
      [0, 1.5, 2],
    ]);
    expect((await eventsOf(h, id)).map((e) => e.action)).toEqual(['CREATED', 'UPDATED']);
    // What a version check will compare: Xero's record, read back through the descriptor.
    expect(await fetchedFromXero(h, id)).toMatchObject({
      xeroId: sheet.timesheetID,
      fields: { hours: '25.5' },
    });
  });

  it('upserts by the app’s own id twice: one timesheet in the cache and one in Xero', async () => {
    const variables = {
      externalId: { provider: 'tracker', id: 'TS-0309' },
      input: { employeeId, startDate: '2026-03-09', endDate: '2026-03-15', lines: [line(HOURS)] },
    };
    const first = await h.graphql<Data>(UPSERT, variables);
    const second = await h.graphql<Data>(UPSERT, variables);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(second.data!.upsertTimeSheet.record.id).toBe(first.data!.upsertTimeSheet.record.id);
    expect(second.data!.upsertTimeSheet.record.externalIds).toContainEqual({
      provider: 'tracker',
      id: 'TS-0309',
    });
    expect(
      await h.count(
        "SELECT count(*) n FROM id_map WHERE entity = 'TimeSheet' AND provider = 'tracker' AND external_id = 'TS-0309'",
      ),
    ).toBe(1);
    expect(await h.count("SELECT count(*) n FROM time_sheets WHERE start_date = '2026-03-09'")).toBe(1);
    expect(await auTimesheets(h, employeeXeroId, '2026-03-09')).toHaveLength(1);
  });

  it('refuses to change a PROCESSED timesheet before asking Xero, and changes nothing anywhere', async () => {
    const id = await h.idOf('time_sheets', "status = 'PROCESSED'");
    const row = await rowOf(h, id);
    const xeroBefore = (await h.xero.payrollAUApi.getTimesheet(h.xeroTenantId, row.xero_id!)).body.timesheet;
    const before = await footprint(h);
    const response = await h.graphql(UPDATE, {
      id,
      input: { lines: [line(['1', '1', '1', '1', '1', '1', '1'])] },
    });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'id', message: expect.stringContaining('PROCESSED') }],
    });
    expect(await footprint(h)).toEqual(before);
    expect(await rowOf(h, id)).toEqual(row);
    const xeroAfter = (await h.xero.payrollAUApi.getTimesheet(h.xeroTenantId, row.xero_id!)).body.timesheet;
    expect(xeroAfter).toEqual(xeroBefore);
  });

  const unknown = '00000000-0000-4000-8000-000000000000';
  it.each<[string, (ids: { employeeId: string; leaveTypeId: string }) => Record<string, unknown>, object]>([
    [
      'a line with the wrong number of days',
      () => ({ lines: [line(['8', '8', '8'])] }),
      { path: 'lines.0.hours', message: 'Needs 7 values, one per day from 2026-03-02 to 2026-03-08; got 3.' },
    ],
    [
      'negative hours',
      () => ({ lines: [line(['8', '8', '-2', '8', '8', '0', '0'])] }),
      { path: 'lines.0.hours.2', message: 'Must be zero or more.' },
    ],
    [
      'more than 24 hours in a day',
      () => ({ lines: [line(['8', '25', '8', '8', '8', '0', '0'])] }),
      { path: 'lines.0.hours.1', message: 'At most 24 hours a day.' },
    ],
    [
      'an unknown employee',
      () => ({ employeeId: unknown }),
      { path: 'employeeId', message: `No Employee with id ${unknown} in this tenant.` },
    ],
    [
      'a pay item that is not an earnings rate',
      ({ leaveTypeId }) => ({ lines: [line(HOURS, leaveTypeId)] }),
      { path: 'lines.0.payItemId', message: expect.stringContaining('need an earnings rate (EARNINGS)') },
    ],
    [
      'an end before the start',
      () => ({ endDate: '2026-03-01' }),
      { path: 'endDate', message: 'Must be on or after startDate.' },
    ],
  ])(
    'refuses %s with a field error, and writes nothing in the cache or in Xero',
    async (_label, change, fieldError) => {
      const leaveTypeId = await h.idOf('pay_items', "type = 'LEAVE'");
      const before = await footprint(h);
      const response = await h.graphql(CREATE, {
        input: { employeeId, ...WEEK, lines: [line(HOURS)], ...change({ employeeId, leaveTypeId }) },
      });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [fieldError],
      });
      expect(await footprint(h)).toEqual(before);
    },
  );

  it('keeps a timesheet PENDING while Xero fails, then puts it in Xero exactly once', async () => {
    await h.fault({ kind: 'error', status: 503 });
    const response = await h.graphql<Data>(CREATE, {
      input: { employeeId, startDate: '2026-03-23', endDate: '2026-03-29', lines: [line(HOURS)] },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createTimeSheet;
    expect(payload.syncStatus).toBe('PENDING');
    expect(payload.operationId).toEqual(expect.any(String));
    expect(payload.record).toMatchObject({ syncStatus: 'PENDING', hours: '36.8', status: 'DRAFT' });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the worker keeps failing meanwhile
    await h.clearFaults();
    await waitForOpsDone(h);
    expect(await auTimesheets(h, employeeXeroId, '2026-03-23')).toHaveLength(1);
    const row = await rowOf(h, payload.record.id);
    expect(row.sync_status).toBe('SYNCED');
    expect(row.xero_id).toBeTruthy();
    expect((await eventsOf(h, payload.record.id)).map((e) => e.action)).toEqual(['CREATED', 'UPDATED']);
  });

  it.each(PAYROLL_NOT_ENABLED_CASES)(
    'answers PAYROLL_NOT_ENABLED for %s, and writes nothing (rule 15)',
    async (_label, organisation, message) => {
      const key = await linkWithoutPayroll(h, organisation);
      const before = await footprint(h);
      const response = await h.gateway.graphql(
        CREATE,
        { input: { employeeId, ...WEEK, lines: [line(HOURS)] } },
        key,
      );
      expect(response.errors?.[0].extensions?.code).toBe('PAYROLL_NOT_ENABLED');
      expect(response.errors?.[0].message).toMatch(message);
      expect(await footprint(h)).toEqual(before);
    },
  );

  describe('version checks (expectedUpdatedAt, force)', () => {
    versionChecks({
      harness: () => h,
      create: (startDate, endDate, hours) => ({ employeeId, startDate, endDate, lines: [line(hours)] }),
      lines: (hours) => [line(hours)],
      async readXero(xeroId) {
        const sheet = (await h.xero.payrollAUApi.getTimesheet(h.xeroTenantId, xeroId)).body.timesheet!;
        return { hours: sheet.hours!, updatedAt: timestamp(sheet.updatedDateUTC)?.toISOString() ?? null };
      },
      async editInXero(xeroId, hours) {
        const held = (await h.xero.payrollAUApi.getTimesheet(h.xeroTenantId, xeroId)).body.timesheet!;
        const timesheetLines = [{ ...held.timesheetLines![0], numberOfUnits: hours.map(Number) }];
        await h.xero.payrollAUApi.updateTimesheet(h.xeroTenantId, xeroId, [{ ...held, timesheetLines }]);
      },
    });
  });
});

describe('timesheet writes, legacy US payroll', () => {
  let h: WriteHarness;
  let employeeId: string;
  let regularId: string;
  let locationId: string;

  beforeAll(async () => {
    h = await startWriteHarness('Demo Company (US)');
    employeeId = await h.idOf('employees', "first_name = 'Oliver'");
    regularId = await h.idOf('pay_items', "name = 'Regular Hours'");
    locationId = await h.idOf('work_locations', "name = 'Head Office'");
  });
  afterAll(() => h?.stop());

  type UsSheet = {
    TimesheetLines: Array<{ Date: string; EarningsTypeID: string; WorkLocationID?: string; Units: number }>;
    Hours: number;
  };
  const usSheet = async (id: string) => {
    const xeroId = (await rowOf(h, id)).xero_id!;
    return (await usPayrollGet<{ Timesheets: UsSheet[] }>(h, `/Timesheets/${xeroId}`)).Timesheets[0];
  };
  const days = (sheet: UsSheet) => sheet.TimesheetLines.map((l) => [calendarDate(l.Date), l.Units]);

  it('creates then updates a timesheet with a work location: one daily line per day worked in Xero', async () => {
    const created = await h.graphql<Data>(CREATE, {
      input: {
        employeeId,
        startDate: '2026-03-02',
        endDate: '2026-03-06',
        lines: [{ payItemId: regularId, workLocationId: locationId, hours: ['8', '8', '0', '7.5', '8'] }],
      },
    });
    expect(created.errors).toBeUndefined();
    const payload = created.data!.createTimeSheet;
    expect(payload.syncStatus).toBe('SYNCED');
    expect(payload.record).toMatchObject({
      hours: '31.5',
      lines: [{ payItemId: regularId, workLocationId: locationId, units: ['8', '8', '0', '7.5', '8'] }],
    });
    const sheet = await usSheet(payload.record.id);
    expect(days(sheet)).toEqual([
      ['2026-03-02', 8],
      ['2026-03-03', 8],
      ['2026-03-05', 7.5],
      ['2026-03-06', 8],
    ]);
    expect(sheet.Hours).toBe(31.5);
    expect(await eventsOf(h, payload.record.id)).toEqual([
      { action: 'CREATED', origin: 'crm', app_id: expect.any(String) },
    ]);

    const updated = await h.graphql<Data>(UPDATE, {
      id: payload.record.id,
      input: {
        lines: [{ payItemId: regularId, workLocationId: locationId, hours: ['4', '0', '0', '0', '4'] }],
      },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateTimeSheet.record).toMatchObject({ syncStatus: 'SYNCED', hours: '8' });
    expect(days(await usSheet(payload.record.id))).toEqual([
      ['2026-03-02', 4],
      ['2026-03-06', 4],
    ]);
    expect(await fetchedFromXero(h, payload.record.id)).toMatchObject({ fields: { hours: '8' } });
  });

  it('upserts by the app’s own id twice: one timesheet in the cache and one in Xero', async () => {
    const variables = {
      externalId: { provider: 'tracker', id: 'US-0309' },
      input: {
        employeeId,
        startDate: '2026-03-09',
        endDate: '2026-03-10',
        lines: [{ payItemId: regularId, hours: ['6', '6'] }],
      },
    };
    const first = await h.graphql<Data>(UPSERT, variables);
    const second = await h.graphql<Data>(UPSERT, variables);
    expect(second.errors).toBeUndefined();
    expect(second.data!.upsertTimeSheet.record.id).toBe(first.data!.upsertTimeSheet.record.id);
    expect(await h.count("SELECT count(*) n FROM time_sheets WHERE start_date = '2026-03-09'")).toBe(1);
    const all = await usPayrollGet<{ Timesheets: Array<{ StartDate: string }> }>(h, '/Timesheets');
    expect(all.Timesheets.filter((s) => calendarDate(s.StartDate) === '2026-03-09')).toHaveLength(1);
  });

  describe('version checks (expectedUpdatedAt, force)', () => {
    const held = async (xeroId: string) =>
      (
        await usPayrollGet<{ Timesheets: Array<UsSheet & { UpdatedDateUTC: string }> }>(
          h,
          `/Timesheets/${xeroId}`,
        )
      ).Timesheets[0];
    versionChecks({
      harness: () => h,
      create: (startDate, endDate, hours) => ({
        employeeId,
        startDate,
        endDate,
        lines: [{ payItemId: regularId, hours }],
      }),
      lines: (hours) => [{ payItemId: regularId, hours }],
      async readXero(xeroId) {
        const sheet = await held(xeroId);
        return { hours: sheet.Hours, updatedAt: timestamp(sheet.UpdatedDateUTC)?.toISOString() ?? null };
      },
      async editInXero(xeroId, hours) {
        // A Xero user changes the hours of each day: the legacy US payroll takes raw JSON.
        const lines = (await held(xeroId)).TimesheetLines.map((l, day) => ({
          ...l,
          Units: Number(hours[day]),
        }));
        const response = await fetch(`${h.emulator.url}/payroll.xro/1.0/Timesheets/${xeroId}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${h.tokens.access_token}`,
            'xero-tenant-id': h.xeroTenantId,
            'content-type': 'application/json',
          },
          body: JSON.stringify([{ TimesheetLines: lines }]),
        });
        if (!response.ok) throw new Error(`US timesheet edit: ${response.status} ${await response.text()}`);
      },
    });
  });
});

/** Xero's current version of a cached timesheet, as the descriptor's `fetch` reads it for version checks. */
async function fetchedFromXero(h: WriteHarness, id: string) {
  const pipeline = outboundOf(h.gateway.gateway.services)!;
  const connection = await pipeline.connectionFor(h.tenantId);
  const xeroId = (await rowOf(h, id)).xero_id!;
  const answer = await timeSheetOutbound.fetch!(pipeline.api, pipeline.target(connection), xeroId);
  return timeSheetOutbound.map(answer);
}

async function rowOfEmployee(h: WriteHarness, id: string): Promise<{ xero_id: string }> {
  return (await h.gateway.gateway.services.db.query('SELECT xero_id FROM employees WHERE id = $1', [id]))[0];
}

/** What Xero holds of a timesheet, as the version tests compare it: its hours and UpdatedDateUTC (ISO). */
interface SheetInXero {
  hours: number;
  updatedAt: string | null;
}

/** How one payroll's timesheets are created, read and edited in Xero for the version tests. */
interface VersionCase {
  harness(): WriteHarness;
  create(startDate: string, endDate: string, hours: string[]): Record<string, unknown>;
  lines(hours: string[]): Array<Record<string, unknown>>;
  readXero(xeroId: string): Promise<SheetInXero>;
  editInXero(xeroId: string, hours: string[]): Promise<void>;
}

interface Versioned {
  data?: { updateTimeSheet: Payload };
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** The version tests of `updateTimeSheet`, run against one payroll (three-day periods in April). */
function versionChecks(c: VersionCase) {
  const h = () => c.harness();
  const create = async (startDate: string, endDate: string, hours: string[]) => {
    const response = await h().graphql<Data>(CREATE, { input: c.create(startDate, endDate, hours) });
    expect(response.errors).toBeUndefined();
    const record = response.data!.createTimeSheet.record;
    return { ...record, xeroId: (await rowOf(h(), record.id)).xero_id! };
  };
  const update = (id: string, hours: string[], expectedUpdatedAt: string, force?: boolean) =>
    h().graphql(VERSIONED, {
      id,
      input: { lines: c.lines(hours), expectedUpdatedAt },
      ...(force === undefined ? {} : { force }),
    }) as Promise<Versioned>;
  /** What a refused update must leave as it was: the row, its lines, its events and outbound ops. */
  const sheetState = async (id: string) => {
    const db = h().gateway.gateway.services.db;
    return {
      row: (
        await db.query(
          `SELECT hours, updated_at, remote_updated_at, content_hash, sync_status FROM time_sheets WHERE id = $1`,
          [id],
        )
      )[0],
      lines: await db.query(
        'SELECT line_number, pay_item_id, units FROM time_sheet_lines WHERE time_sheet_id = $1 ORDER BY line_number',
        [id],
      ),
      events: await eventsOf(h(), id),
      ops: await h().count('SELECT count(*) n FROM outbound_ops WHERE connec_id = $1', [id]),
    };
  };

  it('refuses an update based on a version older than the gateway’s with CONFLICT; neither the cache nor Xero changes', async () => {
    const created = await create('2026-04-06', '2026-04-08', ['7', '7', '7']);
    const first = await update(created.id, ['8', '8', '8'], created.updatedAt);
    expect(first.errors).toBeUndefined();
    const current = first.data!.updateTimeSheet.record.updatedAt;
    const [before, xeroBefore] = [await sheetState(created.id), await c.readXero(created.xeroId)];
    const refused = await update(created.id, ['1', '1', '1'], created.updatedAt);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      expectedUpdatedAt: created.updatedAt,
      currentUpdatedAt: current,
    });
    expect(refused.errors?.[0].message).toMatch(/in the gateway/);
    expect(await sheetState(created.id)).toEqual(before);
    expect(await c.readXero(created.xeroId)).toEqual(xeroBefore);
    expect(xeroBefore.hours).toBe(24);
  });

  it('refuses an update of a timesheet changed in Xero and not synced yet with CONFLICT naming Xero; force: true overwrites it in both places', async () => {
    const created = await create('2026-04-13', '2026-04-15', ['7', '7', '7']);
    await c.editInXero(created.xeroId, ['5', '5', '5']);
    const [before, inXero] = [await sheetState(created.id), await c.readXero(created.xeroId)];
    expect(inXero).toEqual({ hours: 15, updatedAt: expect.any(String) });
    const refused = await update(created.id, ['6', '6', '6'], created.updatedAt);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      expectedUpdatedAt: created.updatedAt,
      currentUpdatedAt: inXero.updatedAt,
    });
    expect(refused.errors?.[0].message).toMatch(/in Xero/);
    expect(await sheetState(created.id)).toEqual(before);
    expect(await c.readXero(created.xeroId)).toEqual(inXero);

    const forced = await update(created.id, ['6', '6', '6'], created.updatedAt, true);
    expect(forced.errors).toBeUndefined();
    expect(forced.data!.updateTimeSheet).toMatchObject({ syncStatus: 'SYNCED', record: { hours: '18' } });
    expect((await c.readXero(created.xeroId)).hours).toBe(18);
    expect((await rowOf(h(), created.id)).hours).toBe('18');
  });

  it('applies an update whose expectedUpdatedAt is the current version, and the next one based on its answer', async () => {
    const created = await create('2026-04-20', '2026-04-22', ['7', '7', '7']);
    const first = await update(created.id, ['3', '3', '3'], created.updatedAt);
    expect(first.errors).toBeUndefined();
    // Our own push is landed with Xero's version: it must not read as a change made in Xero.
    const landed = (await sheetState(created.id)).row.remote_updated_at as Date;
    expect(landed.toISOString()).toBe((await c.readXero(created.xeroId)).updatedAt);
    const second = await update(created.id, ['4', '4', '4'], first.data!.updateTimeSheet.record.updatedAt);
    expect(second.errors).toBeUndefined();
    expect(second.data!.updateTimeSheet.syncStatus).toBe('SYNCED');
    expect((await c.readXero(created.xeroId)).hours).toBe(12);
    expect((await rowOf(h(), created.id)).hours).toBe('12');
  });

  it('takes Xero’s new version from an update that changes nothing in the cache', async () => {
    const created = await create('2026-04-27', '2026-04-29', ['7', '7', '7']);
    // Xero stamps a new UpdatedDateUTC on every write, even one that sends what it already holds.
    const again = await update(created.id, ['7', '7', '7'], created.updatedAt);
    expect(again.errors).toBeUndefined();
    expect(again.data!.updateTimeSheet.record.updatedAt).toBe(created.updatedAt);
    const next = await update(created.id, ['2', '2', '2'], created.updatedAt);
    expect(next.errors).toBeUndefined();
    expect((await c.readXero(created.xeroId)).hours).toBe(6);
  });
}
