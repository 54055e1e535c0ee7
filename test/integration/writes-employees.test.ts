import { afterAll, describe, expect, it } from 'vitest';
import {
  linkWithoutPayroll,
  PAYROLL_NOT_ENABLED_CASES,
  startWriteHarness,
  usPayrollGet,
  type WriteHarness,
} from './writes-harness.js';

const FIELDS = `record { id firstName lastName dateOfBirth syncStatus } syncStatus warnings operationId`;
const CREATE = `mutation ($input: EmployeeInput!) { createEmployee(input: $input) { ${FIELDS} } }`;
const UPSERT = `mutation ($externalId: ExternalIdInput!, $input: EmployeeInput!) {
  upsertEmployee(externalId: $externalId, input: $input) { ${FIELDS} } }`;

interface Payload {
  record: { id: string; firstName: string; syncStatus: string };
  syncStatus: string;
}

const harnesses: WriteHarness[] = [];
async function harness(organisation: string): Promise<WriteHarness> {
  const h = await startWriteHarness(organisation);
  harnesses.push(h);
  return h;
}
afterAll(async () => {
  await Promise.all(harnesses.map((h) => h.stop()));
});

const employee = { firstName: 'Jo', lastName: 'Writer', dateOfBirth: '1990-04-01', startDate: '2026-01-05' };
const xeroIdOf = async (h: WriteHarness, id: string) =>
  (await h.gateway.gateway.services.db.query('SELECT xero_id FROM employees WHERE id = $1', [id]))[0].xero_id;

describe('employee writes', () => {
  it('creates an employee in Payroll AU through xero-node, SYNCED with one event', async () => {
    const h = await harness('Demo Company (AU)');
    const response = await h.graphql<{ createEmployee: Payload }>(CREATE, { input: employee });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createEmployee;
    expect(payload.syncStatus).toBe('SYNCED');
    const { body } = await h.xero.payrollAUApi.getEmployee(
      h.xeroTenantId,
      await xeroIdOf(h, payload.record.id),
    );
    expect(body.employees?.[0]).toMatchObject({ firstName: 'Jo', lastName: 'Writer' });
    expect(
      await h.count('SELECT count(*) n FROM sync_events WHERE entity_id = $1', [payload.record.id]),
    ).toBe(1);

    const variables = {
      externalId: { provider: 'hr', id: 'E-1' },
      input: { ...employee, firstName: 'Upsert' },
    };
    const first = await h.graphql<{ upsertEmployee: Payload }>(UPSERT, variables);
    const second = await h.graphql<{ upsertEmployee: Payload }>(UPSERT, variables);
    expect(second.data!.upsertEmployee.record.id).toBe(first.data!.upsertEmployee.record.id);
    expect(await h.count("SELECT count(*) n FROM employees WHERE first_name = 'Upsert'")).toBe(1);
  });

  it('refuses bad employee input with BAD_USER_INPUT and writes nothing', async () => {
    const h = harnesses[0];
    const before = await h.count('SELECT count(*) n FROM employees');
    const response = await h.graphql(CREATE, {
      input: { ...employee, firstName: ' ', startDate: '1980-01-01' },
    });
    expect(response.errors?.[0].extensions?.fieldErrors).toEqual([
      { path: 'firstName', message: 'Required.' },
      { path: 'startDate', message: 'Must be after the date of birth.' },
    ]);
    expect(await h.count('SELECT count(*) n FROM employees')).toBe(before);
  });

  it('creates an employee in the legacy US payroll through its JSON surface', async () => {
    const h = await harness('Demo Company (US)');
    const response = await h.graphql<{ createEmployee: Payload }>(CREATE, { input: employee });
    expect(response.errors).toBeUndefined();
    const id = await xeroIdOf(h, response.data!.createEmployee.record.id);
    const answer = await fetch(`${h.emulator.url}/payroll.xro/1.0/Employees/${id}`, {
      headers: {
        authorization: `Bearer ${h.tokens.access_token}`,
        'xero-tenant-id': h.xeroTenantId,
        accept: 'application/json',
      },
    });
    const body = (await answer.json()) as { Employees: Array<{ FirstName: string; HireDate: string }> };
    expect(body.Employees[0].FirstName).toBe('Jo');
  });

  it.each(PAYROLL_NOT_ENABLED_CASES)(
    'answers PAYROLL_NOT_ENABLED for %s, and writes nothing (rule 15)',
    async (_label, organisation, message) => {
      const h = harnesses[0];
      const key = await linkWithoutPayroll(h, organisation);
      const before = [
        await h.count('SELECT count(*) n FROM employees'),
        await h.count('SELECT count(*) n FROM outbound_ops'),
      ];
      const response = await h.gateway.graphql(CREATE, { input: employee }, key);
      expect(response.errors?.[0].extensions?.code).toBe('PAYROLL_NOT_ENABLED');
      expect(response.errors?.[0].message).toMatch(message);
      expect([
        await h.count('SELECT count(*) n FROM employees'),
        await h.count('SELECT count(*) n FROM outbound_ops'),
      ]).toEqual(before);
    },
  );
});

const LEAVE = `mutation ($input: LeaveApplicationInput!) { createLeaveApplication(input: $input) {
  record { id title syncStatus periods { status } } syncStatus warnings } }`;
const APPROVE = `mutation ($id: ID!) { approveLeaveApplication(id: $id) { record { id periods { status } } syncStatus } }`;
const LOCATION = `mutation ($input: WorkLocationInput!) { createWorkLocation(input: $input) {
  record { id name syncStatus } syncStatus warnings } }`;

describe('leave applications are AU only, work locations US only (rule 17)', () => {
  const au = () => harnesses[0];
  const us = () => harnesses[1];
  const leave = async (h: WriteHarness) => ({
    employeeId: await h.idOf('employees', 'xero_id IS NOT NULL ORDER BY last_name'),
    leaveTypeId: await h.idOf('pay_items', "type = 'LEAVE'"),
    title: 'Holiday',
    startDate: '2026-12-21',
    endDate: '2026-12-23',
  });

  it('creates and approves a leave application in Payroll AU', async () => {
    const h = au();
    const response = await h.graphql<{
      createLeaveApplication: { record: { id: string }; syncStatus: string };
    }>(LEAVE, { input: await leave(h) });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createLeaveApplication.syncStatus).toBe('SYNCED');
    const id = response.data!.createLeaveApplication.record.id;
    const [row] = await h.gateway.gateway.services.db.query(
      'SELECT xero_id FROM leave_applications WHERE id = $1',
      [id],
    );
    const { body } = await h.xero.payrollAUApi.getLeaveApplication(h.xeroTenantId, row.xero_id);
    expect(body.leaveApplications?.[0].title).toBe('Holiday');
    const approved = await h.graphql<{
      approveLeaveApplication: { record: { periods: Array<{ status: string }> } };
    }>(APPROVE, { id });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveLeaveApplication.record.periods.map((p) => p.status)).toEqual(['SCHEDULED']);
  });

  it('refuses a work location for an AU organisation and writes nothing', async () => {
    const h = au();
    const before = await h.count('SELECT count(*) n FROM outbound_ops');
    const response = await h.graphql(LOCATION, { input: { name: 'Sydney office' } });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { path: 'input', message: expect.stringContaining('Work locations exist in US payroll only') },
      ],
    });
    expect(await h.count('SELECT count(*) n FROM outbound_ops')).toBe(before);
  });

  it('creates a work location in the US payroll', async () => {
    const h = us();
    const response = await h.graphql<{
      createWorkLocation: { record: { id: string; name: string }; syncStatus: string };
    }>(LOCATION, {
      input: {
        name: 'Austin',
        address: { line1: '1 Congress Ave', city: 'Austin', region: 'TX', postalCode: '78701' },
      },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createWorkLocation.syncStatus).toBe('SYNCED');
    const answer = await fetch(`${h.emulator.url}/payroll.xro/1.0/WorkLocations`, {
      headers: {
        authorization: `Bearer ${h.tokens.access_token}`,
        'xero-tenant-id': h.xeroTenantId,
        accept: 'application/json',
      },
    });
    const body = (await answer.json()) as { WorkLocations: Array<{ Name: string; City: string }> };
    expect(body.WorkLocations.find((l) => l.Name === 'Austin')?.City).toBe('Austin');
  });

  it('refuses a leave application for a US organisation and writes nothing', async () => {
    const h = us();
    const before = await h.count('SELECT count(*) n FROM outbound_ops');
    const response = await h.graphql(LEAVE, {
      input: {
        employeeId: await h.idOf('employees', 'true'),
        leaveTypeId: '00000000-0000-4000-8000-000000000000',
        title: 'x',
        startDate: '2026-12-01',
        endDate: '2026-12-02',
      },
    });
    expect(response.errors?.[0].extensions?.fieldErrors).toEqual([
      {
        path: 'input',
        message: expect.stringContaining('Leave applications exist in Australian payroll only'),
      },
    ]);
    expect(await h.count('SELECT count(*) n FROM outbound_ops')).toBe(before);
  });
});

const LEAVE_RECORD = `record {
    id title description startDate endDate syncStatus externalIds { provider id }
    periods { startDate endDate status }
  }
  syncStatus warnings operationId`;
const UPSERT_LEAVE = `mutation ($externalId: ExternalIdInput!, $input: LeaveApplicationInput!) {
  upsertLeaveApplication(externalId: $externalId, input: $input) { ${LEAVE_RECORD} } }`;
const LOCATION_RECORD = `record {
    id name isPrimary syncStatus externalIds { provider id }
    address { line1 city region postalCode } phone { landline }
  }
  syncStatus warnings operationId`;
const UPSERT_LOCATION = `mutation ($externalId: ExternalIdInput!, $input: WorkLocationInput!) {
  upsertWorkLocation(externalId: $externalId, input: $input) { ${LOCATION_RECORD} } }`;

interface Upserted<R> {
  record: R & { id: string; syncStatus: string; externalIds: Array<{ provider: string; id: string }> };
  syncStatus: string;
}
interface Leave {
  title: string;
  description: string | null;
  startDate: string;
  endDate: string;
  periods: Array<{ startDate: string; endDate: string; status: string }>;
}
interface Location {
  name: string;
  isPrimary: boolean;
  address: { line1: string; city: string; region: string; postalCode: string } | null;
  phone: { landline: string | null } | null;
}
type LeaveData = { upsertLeaveApplication: Upserted<Leave> };
type LocationData = { upsertWorkLocation: Upserted<Location> };

const db = (h: WriteHarness) => h.gateway.gateway.services.db;
const xeroIdOfRow = async (h: WriteHarness, table: string, id: string): Promise<string> =>
  (await db(h).query(`SELECT xero_id FROM "${table}" WHERE id = $1`, [id]))[0].xero_id;
const actionsOf = async (h: WriteHarness, id: string): Promise<string[]> =>
  (
    (await db(h).query('SELECT action FROM sync_events WHERE entity_id = $1 ORDER BY seq', [id])) as Array<{
      action: string;
    }>
  ).map((event) => event.action);
const idMapRows = (h: WriteHarness, entity: string, provider: string, id: string) =>
  h.count('SELECT count(*) n FROM id_map WHERE entity = $1 AND provider = $2 AND external_id = $3', [
    entity,
    provider,
    id,
  ]);
/** Payroll AU leave applications in the emulator, read through xero-node. */
const xeroLeave = async (h: WriteHarness) =>
  (await h.xero.payrollAUApi.getLeaveApplications(h.xeroTenantId)).body.leaveApplications ?? [];
/** Legacy US work locations in the emulator, read as raw JSON. */
type UsLocation = { WorkLocationID: string; Name: string; City: string; PhoneNumber: string };
const xeroLocations = async (h: WriteHarness) =>
  (await usPayrollGet<{ WorkLocations: UsLocation[] }>(h, '/WorkLocations')).WorkLocations;

/** What must not move when a write is refused: the cache, the id map, the outbox, the event log, Xero. */
async function leaveFootprint(h: WriteHarness) {
  return {
    leave: await h.count('SELECT count(*) n FROM leave_applications'),
    periods: await h.count('SELECT count(*) n FROM leave_periods'),
    idMap: await h.count("SELECT count(*) n FROM id_map WHERE entity = 'LeaveApplication'"),
    ops: await h.count('SELECT count(*) n FROM outbound_ops'),
    events: await h.count('SELECT count(*) n FROM sync_events'),
    xero: (await xeroLeave(h)).length,
  };
}
async function locationFootprint(h: WriteHarness) {
  return {
    locations: await h.count('SELECT count(*) n FROM work_locations'),
    idMap: await h.count("SELECT count(*) n FROM id_map WHERE entity = 'WorkLocation'"),
    ops: await h.count('SELECT count(*) n FROM outbound_ops'),
    events: await h.count('SELECT count(*) n FROM sync_events'),
    xero: (await xeroLocations(h)).length,
  };
}

describe('upserts of leave applications (AU) and work locations (US) by the app’s own id', () => {
  const au = () => harnesses[0];
  const us = () => harnesses[1];
  const leaveInput = async (h: WriteHarness, extra: Record<string, unknown> = {}) => ({
    employeeId: await h.idOf('employees', 'xero_id IS NOT NULL ORDER BY last_name'),
    leaveTypeId: await h.idOf('pay_items', "type = 'LEAVE' ORDER BY name"),
    title: 'Conference',
    startDate: '2026-11-02',
    endDate: '2026-11-03',
    ...extra,
  });

  it('upserts a leave application twice: one in the cache and one in Xero; a changed input updates both', async () => {
    const h = au();
    const externalId = { provider: 'hr', id: 'LV-1' };
    const input = await leaveInput(h);
    const first = await h.graphql<LeaveData>(UPSERT_LEAVE, { externalId, input });
    const second = await h.graphql<LeaveData>(UPSERT_LEAVE, { externalId, input });
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    const created = first.data!.upsertLeaveApplication.record;
    expect(created).toMatchObject({ syncStatus: 'SYNCED', title: 'Conference' });
    expect(created.externalIds).toContainEqual({ provider: 'hr', id: 'LV-1' });
    expect(second.data!.upsertLeaveApplication.record.id).toBe(created.id);
    expect(await idMapRows(h, 'LeaveApplication', 'hr', 'LV-1')).toBe(1);
    expect(await h.count("SELECT count(*) n FROM leave_applications WHERE title = 'Conference'")).toBe(1);
    const xeroId = await xeroIdOfRow(h, 'leave_applications', created.id);
    expect((await xeroLeave(h)).filter((leave) => leave.title === 'Conference')).toHaveLength(1);
    const before = await leaveFootprint(h);

    const changed = await h.graphql<LeaveData>(UPSERT_LEAVE, {
      externalId,
      input: { ...input, title: 'Conference (moved)', description: 'Sydney', endDate: '2026-11-05' },
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.upsertLeaveApplication).toMatchObject({
      syncStatus: 'SYNCED',
      record: {
        id: created.id,
        title: 'Conference (moved)',
        description: 'Sydney',
        endDate: '2026-11-05',
        // Xero worked the period out again for the new dates.
        periods: [{ startDate: '2026-11-02', endDate: '2026-11-05', status: 'REQUESTED' }],
      },
    });
    const { body } = await h.xero.payrollAUApi.getLeaveApplication(h.xeroTenantId, xeroId);
    expect(body.leaveApplications?.[0]).toMatchObject({
      title: 'Conference (moved)',
      description: 'Sydney',
    });
    expect(await leaveFootprint(h)).toMatchObject({
      ...before,
      ops: before.ops + 1,
      events: before.events + 1,
    });
    // The second, identical call went to Xero as an update that changed nothing: no event of its own.
    expect(await actionsOf(h, created.id)).toEqual(['CREATED', 'UPDATED']);
  });

  it.each([
    ['the known id with an end before the start', 'LV-1', { endDate: '2026-10-01' }, 'endDate'],
    ['the known id with an empty title', 'LV-1', { title: ' ' }, 'title'],
    ['a new id with a pay item that is not a leave type', 'LV-2', 'earnings', 'leaveTypeId'],
  ])(
    'refuses an upsert of leave for %s before asking Xero, and changes nothing',
    async (_l, id, change, path) => {
      const h = au();
      const extra =
        change === 'earnings' ? { leaveTypeId: await h.idOf('pay_items', "type = 'EARNINGS'") } : change;
      const before = await leaveFootprint(h);
      const xeroBefore = await xeroLeave(h);
      const response = await h.graphql(UPSERT_LEAVE, {
        externalId: { provider: 'hr', id },
        input: await leaveInput(h, extra as Record<string, unknown>),
      });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path, message: expect.any(String) }],
      });
      expect(await leaveFootprint(h)).toEqual(before);
      expect(await xeroLeave(h)).toEqual(xeroBefore);
    },
  );

  it('refuses to change leave a posted pay run processed, before asking Xero, and changes nothing', async () => {
    const h = au();
    // Leave in the period of the seeded draft pay run, for an employee it pays, approved, then paid:
    // posting the pay run in Xero makes the leave PROCESSED, and the next sync brings that in.
    const [run] = await db(h).query(
      `SELECT r.id, r.xero_id, r.period_start::text AS start, s.employee_id FROM pay_runs r
         JOIN payslips s ON s.pay_run_id = r.id WHERE r.tenant_id = $1 AND r.status = 'DRAFT' LIMIT 1`,
      [h.tenantId],
    );
    const externalId = { provider: 'hr', id: 'LV-PAID' };
    const input = await leaveInput(h, {
      employeeId: run.employee_id,
      title: 'Paid leave',
      startDate: run.start,
      endDate: run.start,
    });
    const upserted = await h.graphql<LeaveData>(UPSERT_LEAVE, { externalId, input });
    expect(upserted.errors).toBeUndefined();
    const id = upserted.data!.upsertLeaveApplication.record.id;
    expect((await h.graphql(APPROVE, { id })).errors).toBeUndefined();
    const xeroRun = (await h.xero.payrollAUApi.getPayRun(h.xeroTenantId, run.xero_id)).body.payRuns![0];
    await h.xero.payrollAUApi.updatePayRun(h.xeroTenantId, run.xero_id, [
      { payrollCalendarID: xeroRun.payrollCalendarID!, payRunStatus: 'POSTED' as never },
    ]);
    await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
    expect(
      await h.count(
        "SELECT count(*) n FROM leave_periods WHERE leave_application_id = $1 AND status = 'PROCESSED'",
        [id],
      ),
    ).toBe(1);
    const xeroId = await xeroIdOfRow(h, 'leave_applications', id);
    const held = async () => (await h.xero.payrollAUApi.getLeaveApplication(h.xeroTenantId, xeroId)).body;
    const [xeroBefore, before] = [await held(), await leaveFootprint(h)];
    const row = await db(h).query('SELECT * FROM leave_applications WHERE id = $1', [id]);

    const response = await h.graphql(UPSERT_LEAVE, { externalId, input: { ...input, title: 'Changed' } });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'id', message: expect.stringContaining('PROCESSED') }],
    });
    expect(await leaveFootprint(h)).toEqual(before);
    expect(await db(h).query('SELECT * FROM leave_applications WHERE id = $1', [id])).toEqual(row);
    expect(await held()).toEqual(xeroBefore);
  });

  it('upserts a work location twice: one in the cache and one in Xero; a changed input updates both', async () => {
    const h = us();
    const externalId = { provider: 'hr', id: 'WL-1' };
    const input = {
      name: 'Denver',
      address: { line1: '1 Main St', city: 'Denver', region: 'CO', postalCode: '80202' },
    };
    const first = await h.graphql<LocationData>(UPSERT_LOCATION, { externalId, input });
    const second = await h.graphql<LocationData>(UPSERT_LOCATION, { externalId, input });
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    const created = first.data!.upsertWorkLocation.record;
    expect(created).toMatchObject({ syncStatus: 'SYNCED', name: 'Denver', isPrimary: false });
    expect(created.externalIds).toContainEqual({ provider: 'hr', id: 'WL-1' });
    expect(second.data!.upsertWorkLocation.record.id).toBe(created.id);
    expect(await idMapRows(h, 'WorkLocation', 'hr', 'WL-1')).toBe(1);
    expect(await h.count("SELECT count(*) n FROM work_locations WHERE name = 'Denver'")).toBe(1);
    expect((await xeroLocations(h)).filter((location) => location.Name === 'Denver')).toHaveLength(1);
    const before = await locationFootprint(h);

    // The address is left out: it keeps its value.
    const changed = await h.graphql<LocationData>(UPSERT_LOCATION, {
      externalId,
      input: { name: 'Denver HQ', phone: { landline: '303-555-0100' }, isPrimary: true },
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data!.upsertWorkLocation).toMatchObject({
      syncStatus: 'SYNCED',
      record: {
        id: created.id,
        name: 'Denver HQ',
        isPrimary: true,
        address: { line1: '1 Main St', city: 'Denver', region: 'CO', postalCode: '80202' },
        phone: { landline: '303-555-0100' },
      },
    });
    const xeroId = await xeroIdOfRow(h, 'work_locations', created.id);
    const held = await usPayrollGet<{ WorkLocations: UsLocation[] }>(h, `/WorkLocations/${xeroId}`);
    expect(held.WorkLocations[0]).toMatchObject({
      Name: 'Denver HQ',
      City: 'Denver',
      PhoneNumber: '303-555-0100',
      IsPrimary: true,
    });
    expect(await locationFootprint(h)).toEqual({ ...before, ops: before.ops + 1, events: before.events + 1 });
    expect(await actionsOf(h, created.id)).toEqual(['CREATED', 'UPDATED']);
  });

  it.each([
    ['the known id with an empty name', 'WL-1', ' ', 'Required.'],
    ['a new id with a name over 100 characters', 'WL-2', 'x'.repeat(101), 'Must be at most 100 characters.'],
  ])('refuses an upsert of a work location for %s, and changes nothing', async (_l, id, name, message) => {
    const h = us();
    const before = await locationFootprint(h);
    const xeroBefore = await xeroLocations(h);
    const response = await h.graphql(UPSERT_LOCATION, {
      externalId: { provider: 'hr', id },
      input: { name },
    });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'name', message }],
    });
    expect(await locationFootprint(h)).toEqual(before);
    expect(await xeroLocations(h)).toEqual(xeroBefore);
  });

  it('refuses an upsert of leave in US payroll and of a work location in AU payroll, writing nothing (rule 17)', async () => {
    const leave = await us().graphql(UPSERT_LEAVE, {
      externalId: { provider: 'hr', id: 'LV-US' },
      input: {
        employeeId: await us().idOf('employees', 'true'),
        leaveTypeId: '00000000-0000-4000-8000-000000000000',
        title: 'x',
        startDate: '2026-12-01',
        endDate: '2026-12-02',
      },
    });
    expect(leave.errors?.[0].extensions?.fieldErrors).toEqual([
      {
        path: 'input',
        message: expect.stringContaining('Leave applications exist in Australian payroll only'),
      },
    ]);
    const location = await au().graphql(UPSERT_LOCATION, {
      externalId: { provider: 'hr', id: 'WL-AU' },
      input: { name: 'Sydney office' },
    });
    expect(location.errors?.[0].extensions?.fieldErrors).toEqual([
      { path: 'input', message: expect.stringContaining('Work locations exist in US payroll only') },
    ]);
    expect(await idMapRows(us(), 'LeaveApplication', 'hr', 'LV-US')).toBe(0);
    expect(await idMapRows(au(), 'WorkLocation', 'hr', 'WL-AU')).toBe(0);
  });
});
