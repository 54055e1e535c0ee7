import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timestamp } from '../../src/sync/mappers/xero-value.util.js';
import { employeeOutbound } from '../../src/sync/outbound/employee.outbound.js';
import { outboundOf } from '../../src/sync/outbound/outbound-worker.js';
import {
  linkWithoutPayroll,
  startWriteHarness,
  type WriteHarness,
  waitForOpsDone,
} from './writes-harness.js';

const RECORD = `record {
  id firstName lastName jobTitle status terminationDate syncStatus updatedAt
  salaries { id type annualSalary hourlyRate hoursPerWeek payItemId currency syncStatus }
} syncStatus warnings`;
const CREATE = `mutation ($input: EmployeeInput!) { createEmployee(input: $input) { ${RECORD} } }`;
const UPDATE = `mutation ($id: ID!, $input: EmployeeInput!) { updateEmployee(id: $id, input: $input) { ${RECORD} } }`;
const VERSIONED = `mutation ($id: ID!, $input: EmployeeInput!, $force: Boolean) {
  updateEmployee(id: $id, input: $input, force: $force) { record { id lastName updatedAt } syncStatus } }`;
const UPSERT = `mutation ($externalId: ExternalIdInput!, $input: EmployeeInput!) {
  upsertEmployee(externalId: $externalId, input: $input) { ${RECORD} } }`;

interface Salary {
  id: string;
  type: string;
  annualSalary: string | null;
  hourlyRate: string | null;
  hoursPerWeek: string | null;
  payItemId: string;
  currency: string;
  syncStatus: string;
}
interface Payload {
  record: {
    id: string;
    firstName: string;
    lastName: string;
    status: string;
    updatedAt: string;
    salaries: Salary[];
  };
  syncStatus: string;
  warnings: string[];
}
type Region = 'AU' | 'US';

/** What Xero holds of an employee, read back the way each payroll is read: xero-node (AU), JSON (US). */
interface XeroCopy {
  firstName: string;
  lastName: string;
  /** Xero's UpdatedDateUTC, as ISO. */
  updatedAt: string | null;
  salaries: Array<{ id?: string; payItem: string; type: string; amount: number; hours?: number }>;
}

async function xeroCopy(h: WriteHarness, region: Region, xeroId: string): Promise<XeroCopy> {
  if (region === 'AU') {
    const employee = (await h.xero.payrollAUApi.getEmployee(h.xeroTenantId, xeroId)).body.employees![0];
    return {
      firstName: employee.firstName,
      lastName: employee.lastName,
      updatedAt: timestamp(employee.updatedDateUTC)?.toISOString() ?? null,
      salaries: (employee.payTemplate?.earningsLines ?? []).map((line) => {
        const salaried = String(line.calculationType) === 'ANNUALSALARY';
        return {
          payItem: line.earningsRateID,
          type: salaried ? 'SALARY' : 'HOURLY',
          amount: (salaried ? line.annualSalary : line.ratePerUnit)!,
          hours: line.numberOfUnitsPerWeek,
        };
      }),
    };
  }
  const response = await fetch(`${h.emulator.url}/payroll.xro/1.0/Employees/${xeroId}`, {
    headers: {
      authorization: `Bearer ${h.tokens.access_token}`,
      'xero-tenant-id': h.xeroTenantId,
      accept: 'application/json',
    },
  });
  // biome-ignore lint/suspicious/noExplicitAny: the legacy US payroll's raw JSON
  const employee = ((await response.json()) as any).Employees[0];
  return {
    firstName: employee.FirstName,
    lastName: employee.LastName,
    updatedAt: timestamp(employee.UpdatedDateUTC)?.toISOString() ?? null,
    // biome-ignore lint/suspicious/noExplicitAny: the legacy US payroll's raw JSON
    salaries: employee.SalaryAndWages.map((entry: any) => ({
      id: entry.SalaryAndWagesID,
      payItem: entry.EarningsTypeID,
      type: entry.SalaryWagesType === 'ANNUALSALARY' ? 'SALARY' : 'HOURLY',
      amount: entry.AnnualSalary ?? entry.HourlyRate,
      hours: entry.StandardHoursPerWeek,
    })),
  };
}

/** A Xero user renames the employee in Xero: through xero-node in AU, the raw JSON in US. */
async function renameInXero(h: WriteHarness, region: Region, xeroId: string, lastName: string) {
  if (region === 'AU') {
    const held = (await h.xero.payrollAUApi.getEmployee(h.xeroTenantId, xeroId)).body.employees![0];
    await h.xero.payrollAUApi.updateEmployee(h.xeroTenantId, xeroId, [{ ...held, lastName }]);
    return;
  }
  const response = await fetch(`${h.emulator.url}/payroll.xro/1.0/Employees/${xeroId}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${h.tokens.access_token}`,
      'xero-tenant-id': h.xeroTenantId,
      'content-type': 'application/json',
    },
    body: JSON.stringify([{ LastName: lastName }]),
  });
  if (!response.ok) throw new Error(`US rename: ${response.status} ${await response.text()}`);
}

const ORGANISATIONS: Array<[Region, string]> = [
  ['AU', 'Demo Company (AU)'],
  ['US', 'Demo Company (US)'],
];

describe.each(ORGANISATIONS)('employee updates and salaries in %s payroll', (region, organisation) => {
  let h: WriteHarness;
  let earnings: Array<{ id: string; xero_id: string }>;
  let deduction: { id: string; xero_id: string };
  beforeAll(async () => {
    h = await startWriteHarness(organisation);
    earnings = await db().query(
      `SELECT id, xero_id FROM pay_items WHERE tenant_id = $1 AND type = 'EARNINGS' ORDER BY name`,
      [h.tenantId],
    );
    [deduction] = await db().query(
      `SELECT id, xero_id FROM pay_items WHERE tenant_id = $1 AND type = 'DEDUCTION' LIMIT 1`,
      [h.tenantId],
    );
  });
  afterAll(() => h.stop());

  const db = () => h.gateway.gateway.services.db;
  const person = { firstName: 'Jo', lastName: 'Payne', dateOfBirth: '1990-04-01', startDate: '2026-01-05' };
  const salary = (payItemId: string, annualSalary = '85000') => ({
    type: 'SALARY',
    annualSalary,
    hoursPerWeek: '38',
    payItemId,
  });
  const xeroIdOf = async (id: string): Promise<string> =>
    (await db().query('SELECT xero_id FROM employees WHERE id = $1', [id]))[0].xero_id;
  const salaryRows = (employeeId: string) =>
    db().query(
      `SELECT id, xero_id, sync_status, annual_salary, hourly_rate, deleted_at IS NOT NULL AS gone
         FROM employee_salaries WHERE employee_id = $1 ORDER BY created_at, id`,
      [employeeId],
    );
  const eventsOf = (ids: string[]) =>
    db().query(
      `SELECT entity_type, action, origin FROM sync_events WHERE entity_id = ANY($1::uuid[]) ORDER BY seq`,
      [ids],
    );
  const countEvents = () => h.count('SELECT count(*) n FROM sync_events');
  const create = async (input: Record<string, unknown>) => {
    const response = await h.graphql<{ createEmployee: Payload }>(CREATE, { input });
    expect(response.errors).toBeUndefined();
    return response.data!.createEmployee;
  };
  const update = async (id: string, input: Record<string, unknown>) => {
    const response = await h.graphql<{ updateEmployee: Payload }>(UPDATE, { id, input });
    expect(response.errors).toBeUndefined();
    return response.data!.updateEmployee;
  };

  it('creates an employee with a salary: employee and salary SYNCED, Xero holds it, events from the app', async () => {
    const payload = await create({ ...person, salaries: [salary(earnings[0].id)] });
    expect(payload.syncStatus).toBe('SYNCED');
    const [line] = payload.record.salaries;
    expect(line).toMatchObject({
      type: 'SALARY',
      annualSalary: '85000',
      hoursPerWeek: '38',
      payItemId: earnings[0].id,
      currency: region === 'AU' ? 'AUD' : 'USD',
      syncStatus: 'SYNCED',
    });
    const xeroId = await xeroIdOf(payload.record.id);
    const copy = await xeroCopy(h, region, xeroId);
    expect(copy.salaries).toMatchObject([
      { payItem: earnings[0].xero_id, type: 'SALARY', amount: 85000, hours: 38 },
    ]);
    // Keyed as the inbound mappers key them: AU by employee and earnings rate, US by SalaryAndWagesID.
    const key = region === 'AU' ? `${xeroId}/earnings/${earnings[0].xero_id}` : copy.salaries[0].id;
    expect(await salaryRows(payload.record.id)).toEqual([
      expect.objectContaining({ id: line.id, xero_id: key, sync_status: 'SYNCED', gone: false }),
    ]);
    expect(await eventsOf([payload.record.id, line.id])).toEqual([
      { entity_type: 'Employee', action: 'CREATED', origin: 'crm' },
      { entity_type: 'EmployeeSalary', action: 'CREATED', origin: 'crm' },
    ]);
    const before = await countEvents();
    await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
    expect(await countEvents()).toBe(before);
  });

  it("reads an employee back by id from this organisation's payroll (the descriptor's fetch, for version checks)", async () => {
    const created = await create({ ...person, lastName: 'Fetched', salaries: [salary(earnings[0].id)] });
    const pipeline = outboundOf(h.gateway.gateway.services)!;
    const target = pipeline.target(await pipeline.connectionFor(h.tenantId));
    const xeroId = await xeroIdOf(created.record.id);
    const fetched = employeeOutbound.map(await employeeOutbound.fetch!(pipeline.api, target, xeroId));
    const [row] = await db().query('SELECT remote_updated_at FROM employees WHERE id = $1', [
      created.record.id,
    ]);
    expect(fetched).toMatchObject({ xeroId, fields: { lastName: 'Fetched' } });
    expect(fetched.remoteUpdatedAt?.getTime()).toBe(row.remote_updated_at.getTime());
  });

  it('updates names and salaries: the same pay item’s row is updated, a dropped one tombstoned; the next sync appends nothing', async () => {
    const created = await create({ ...person, lastName: 'Changer', salaries: [salary(earnings[0].id)] });
    const [first] = created.record.salaries;
    const raised = await update(created.record.id, {
      firstName: 'Joanna',
      jobTitle: 'Head chef',
      salaries: [salary(earnings[0].id, '90000.50')],
    });
    expect(raised.syncStatus).toBe('SYNCED');
    expect(raised.record).toMatchObject({ firstName: 'Joanna', lastName: 'Changer' });
    expect(raised.record.salaries).toMatchObject([{ id: first.id, annualSalary: '90000.5' }]);

    const hourly = { type: 'HOURLY', hourlyRate: '45', hoursPerWeek: '20' };
    const moved = await update(created.record.id, {
      salaries: [{ ...hourly, payItem: { provider: 'xero', id: earnings[1].xero_id } }],
    });
    const [second] = moved.record.salaries;
    expect(second).toMatchObject({ type: 'HOURLY', hourlyRate: '45', payItemId: earnings[1].id });
    expect(second.id).not.toBe(first.id);
    const xeroId = await xeroIdOf(created.record.id);
    const copy = await xeroCopy(h, region, xeroId);
    expect(copy).toMatchObject({ firstName: 'Joanna', lastName: 'Changer' });
    expect(copy.salaries).toMatchObject([
      { payItem: earnings[1].xero_id, type: 'HOURLY', amount: 45, hours: 20 },
    ]);
    expect(
      (await salaryRows(created.record.id)).map((row: { id: string; gone: boolean }) => [row.id, row.gone]),
    ).toEqual([
      [first.id, true],
      [second.id, false],
    ]);
    expect(await eventsOf([first.id])).toEqual([
      { entity_type: 'EmployeeSalary', action: 'CREATED', origin: 'crm' },
      { entity_type: 'EmployeeSalary', action: 'UPDATED', origin: 'crm' },
      { entity_type: 'EmployeeSalary', action: 'DELETED', origin: 'crm' },
    ]);
    const before = await countEvents();
    await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
    expect(await countEvents()).toBe(before);
  });

  it('upserts twice, then with changes: one employee, updated in place, no warning', async () => {
    const externalId = { provider: 'hr', id: `E-${region}-7` };
    const input = { ...person, firstName: 'Upsert', salaries: [salary(earnings[0].id)] };
    const first = (await h.graphql<{ upsertEmployee: Payload }>(UPSERT, { externalId, input })).data!
      .upsertEmployee;
    const again = (await h.graphql<{ upsertEmployee: Payload }>(UPSERT, { externalId, input })).data!
      .upsertEmployee;
    const changed = await h.graphql<{ upsertEmployee: Payload }>(UPSERT, {
      externalId,
      input: { ...input, lastName: 'Upserted', salaries: [salary(earnings[0].id, '99000')] },
    });
    expect(changed.errors).toBeUndefined();
    const payload = changed.data!.upsertEmployee;
    expect([again.record.id, payload.record.id]).toEqual([first.record.id, first.record.id]);
    expect(payload.warnings).toEqual([]);
    expect(payload.record).toMatchObject({ lastName: 'Upserted', salaries: [{ annualSalary: '99000' }] });
    expect(await h.count(`SELECT count(*) n FROM employees WHERE first_name = 'Upsert'`)).toBe(1);
    const copy = await xeroCopy(h, region, await xeroIdOf(first.record.id));
    expect(copy).toMatchObject({ lastName: 'Upserted', salaries: [{ amount: 99000 }] });
    const before = await countEvents();
    await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
    expect(await countEvents()).toBe(before);
  });

  it('terminates an employee, as Xero does (AU: with a reason), and still changes it afterwards', async () => {
    const created = await create({ ...person, lastName: 'Leaver' });
    const id = created.record.id;
    if (region === 'AU') {
      const ops = await h.count('SELECT count(*) n FROM outbound_ops');
      const refused = await h.graphql(UPDATE, { id, input: { terminationDate: '2026-06-30' } });
      expect(refused.errors?.[0].extensions?.fieldErrors).toEqual([
        {
          path: 'terminationReason',
          message: expect.stringContaining('Xero refuses a termination without one'),
        },
      ]);
      expect(await h.count('SELECT count(*) n FROM outbound_ops')).toBe(ops);
    }
    const terminated = await update(id, {
      terminationDate: '2026-06-30',
      terminationReason: 'VOLUNTARY_CESSATION',
    });
    // The status is Xero's answer, landed: Payroll AU derives it from the termination date.
    expect(terminated.record).toMatchObject({ status: 'TERMINATED', terminationDate: '2026-06-30' });
    expect(terminated.warnings).toEqual(
      region === 'US' ? ['US payroll keeps no termination reason: it was not sent to Xero.'] : [],
    );
    const renamed = await update(id, { jobTitle: 'Alumnus', salaries: [salary(earnings[0].id)] });
    expect(renamed.record).toMatchObject({
      status: 'TERMINATED',
      jobTitle: 'Alumnus',
      salaries: [{ type: 'SALARY' }],
    });
    const undo = await h.graphql(UPDATE, { id, input: { terminationDate: null } });
    expect(undo.errors?.[0].extensions?.fieldErrors).toEqual([
      { path: 'terminationDate', message: expect.stringContaining('cannot be undone') },
    ]);
  });

  it('keeps an employee and its salary PENDING while Xero is down, then lands both on the same rows', async () => {
    await h.fault({ kind: 'error', status: 503 });
    const pending = await create({ ...person, lastName: 'Patient', salaries: [salary(earnings[0].id)] });
    expect(pending.syncStatus).toBe('PENDING');
    const [line] = pending.record.salaries;
    expect(line).toMatchObject({ annualSalary: '85000', syncStatus: 'PENDING' });
    await h.clearFaults();
    await waitForOpsDone(h);
    expect(await salaryRows(pending.record.id)).toEqual([
      expect.objectContaining({
        id: line.id,
        sync_status: 'SYNCED',
        xero_id: expect.any(String),
        gone: false,
      }),
    ]);
    const copy = await xeroCopy(h, region, await xeroIdOf(pending.record.id));
    expect(copy.salaries).toMatchObject([{ payItem: earnings[0].xero_id, amount: 85000 }]);
  });

  it('tombstones at the next sync a salary removed in Xero, with Xero as origin', async () => {
    const created = await create({ ...person, lastName: 'Trimmed', salaries: [salary(earnings[0].id)] });
    const [line] = created.record.salaries;
    const xeroId = await xeroIdOf(created.record.id);
    // A Xero user empties the employee's pay template (AU) or salary and wages (US).
    if (region === 'AU') {
      const held = (await h.xero.payrollAUApi.getEmployee(h.xeroTenantId, xeroId)).body.employees![0];
      await h.xero.payrollAUApi.updateEmployee(h.xeroTenantId, xeroId, [
        { ...held, payTemplate: { earningsLines: [] } },
      ]);
    } else {
      await fetch(`${h.emulator.url}/payroll.xro/1.0/Employees/${xeroId}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${h.tokens.access_token}`,
          'xero-tenant-id': h.xeroTenantId,
          'content-type': 'application/json',
        },
        body: JSON.stringify([{ SalaryAndWages: [] }]),
      });
    }
    await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
    expect((await salaryRows(created.record.id)).map((row: { gone: boolean }) => row.gone)).toEqual([true]);
    expect((await eventsOf([line.id])).at(-1)).toEqual({
      entity_type: 'EmployeeSalary',
      action: 'DELETED',
      origin: 'xero',
    });
  });

  // AU only: US payroll has no pay template.
  if (region === 'AU')
    it("keeps the pay template's deduction lines in Xero when it replaces the earnings lines", async () => {
      const created = await create({ ...person, lastName: 'Deducted', salaries: [salary(earnings[0].id)] });
      const xeroId = await xeroIdOf(created.record.id);
      const held = (await h.xero.payrollAUApi.getEmployee(h.xeroTenantId, xeroId)).body.employees![0];
      const deductionLines = [
        { deductionTypeID: deduction.xero_id, calculationType: 'FIXEDAMOUNT' as never, amount: 12 },
      ];
      // A Xero user adds a deduction to the pay template.
      await h.xero.payrollAUApi.updateEmployee(h.xeroTenantId, xeroId, [
        { ...held, payTemplate: { ...held.payTemplate, deductionLines } },
      ]);
      await update(created.record.id, { salaries: [salary(earnings[0].id, '91000')] });
      const after = (await h.xero.payrollAUApi.getEmployee(h.xeroTenantId, xeroId)).body.employees![0];
      expect(after.payTemplate?.deductionLines).toMatchObject([
        { deductionTypeID: deduction.xero_id, amount: 12 },
      ]);
      expect(after.payTemplate?.earningsLines).toMatchObject([{ annualSalary: 91000 }]);
    });

  it.each([
    ['a negative salary', { annualSalary: '-5' }, 'salaries.0.annualSalary', 'Must be positive.'],
    ['no amount for the type', { type: 'HOURLY', annualSalary: null }, 'salaries.0.hourlyRate', 'Required'],
    ['200 hours a week', { hoursPerWeek: '200' }, 'salaries.0.hoursPerWeek', 'between 0 and 168'],
    [
      'an unknown pay item',
      { payItemId: '00000000-0000-4000-8000-000000000000' },
      'salaries.0.payItemId',
      'No PayItem',
    ],
    ['a pay item that is not earnings', 'DEDUCTION', 'salaries.0.payItemId', 'Must be an EARNINGS pay item'],
  ])(
    'refuses %s with a field error and changes nothing in the cache or in Xero',
    async (_label, change, path, message) => {
      const created = await create({ ...person, lastName: 'Unchanged', salaries: [salary(earnings[0].id)] });
      const xeroId = await xeroIdOf(created.record.id);
      const snapshot = async () => ({
        employee: await db().query('SELECT first_name, updated_at FROM employees WHERE id = $1', [
          created.record.id,
        ]),
        salaries: await salaryRows(created.record.id),
        ops: await h.count('SELECT count(*) n FROM outbound_ops'),
        events: await countEvents(),
        xero: await xeroCopy(h, region, xeroId),
      });
      const before = await snapshot();
      const bad = change === 'DEDUCTION' ? { payItemId: deduction.id } : (change as Record<string, unknown>);
      const response = await h.graphql(UPDATE, {
        id: created.record.id,
        input: { firstName: 'Never', salaries: [{ ...salary(earnings[0].id), ...bad }] },
      });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path, message: expect.stringContaining(message) }],
      });
      expect(await snapshot()).toEqual(before);
    },
  );

  it('refuses an update for an organisation without payroll access, and writes nothing (rule 15)', async () => {
    const key = await linkWithoutPayroll(h, organisation);
    const id = await h.idOf('employees', 'xero_id IS NOT NULL');
    const ops = await h.count('SELECT count(*) n FROM outbound_ops');
    const response = await h.gateway.graphql(UPDATE, { id, input: { firstName: 'Nope' } }, key);
    expect(response.errors?.[0].extensions?.code).toBe('PAYROLL_NOT_ENABLED');
    expect(await h.count('SELECT count(*) n FROM outbound_ops')).toBe(ops);
    expect(await h.count(`SELECT count(*) n FROM employees WHERE first_name = 'Nope'`)).toBe(0);
  });

  describe('version checks (expectedUpdatedAt, force)', () => {
    interface Versioned {
      data?: { updateEmployee: { record: { lastName: string; updatedAt: string }; syncStatus: string } };
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    }
    const versioned = (id: string, input: Record<string, unknown>, force?: boolean) =>
      h.graphql(VERSIONED, { id, input, ...(force === undefined ? {} : { force }) }) as Promise<Versioned>;
    /** What a refused update must leave as it was: the row, its salaries, its events and outbound ops. */
    const employeeState = async (id: string) => ({
      row: (
        await db().query(
          `SELECT last_name, updated_at, remote_updated_at, content_hash, sync_status
             FROM employees WHERE id = $1`,
          [id],
        )
      )[0],
      salaries: await salaryRows(id),
      events: await eventsOf([id]),
      ops: await h.count('SELECT count(*) n FROM outbound_ops WHERE connec_id = $1', [id]),
    });
    const cachedLastName = async (id: string) => (await employeeState(id)).row.last_name;

    it('refuses an update based on a version older than the gateway’s with CONFLICT; neither the cache nor Xero changes', async () => {
      const created = await create({ ...person, lastName: 'Stale', salaries: [salary(earnings[0].id)] });
      const { id, updatedAt: createdAt } = created.record;
      const current = (await update(id, { lastName: 'Renamed' })).record.updatedAt;
      const xeroId = await xeroIdOf(id);
      const [before, xeroBefore] = [await employeeState(id), await xeroCopy(h, region, xeroId)];
      const refused = await versioned(id, { lastName: 'Never', expectedUpdatedAt: createdAt });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        expectedUpdatedAt: createdAt,
        currentUpdatedAt: current,
      });
      expect(refused.errors?.[0].message).toMatch(/in the gateway/);
      expect(await employeeState(id)).toEqual(before);
      expect(await xeroCopy(h, region, xeroId)).toEqual(xeroBefore);
      expect(xeroBefore.lastName).toBe('Renamed');
    });

    it('refuses an update of an employee changed in Xero and not synced yet with CONFLICT naming Xero; force: true overwrites it in both places', async () => {
      const created = await create({ ...person, lastName: 'Original', salaries: [salary(earnings[0].id)] });
      const { id, updatedAt: createdAt } = created.record;
      const xeroId = await xeroIdOf(id);
      await renameInXero(h, region, xeroId, 'EditedInXero');
      const [before, inXero] = [await employeeState(id), await xeroCopy(h, region, xeroId)];
      expect(inXero).toMatchObject({ lastName: 'EditedInXero', updatedAt: expect.any(String) });
      const input = { lastName: 'Mine', expectedUpdatedAt: createdAt };
      const refused = await versioned(id, input);
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        expectedUpdatedAt: createdAt,
        currentUpdatedAt: inXero.updatedAt,
      });
      expect(refused.errors?.[0].message).toMatch(/in Xero/);
      expect(await employeeState(id)).toEqual(before);
      expect(await xeroCopy(h, region, xeroId)).toEqual(inXero);

      const forced = await versioned(id, input, true);
      expect(forced.errors).toBeUndefined();
      expect(forced.data!.updateEmployee).toMatchObject({
        syncStatus: 'SYNCED',
        record: { lastName: 'Mine' },
      });
      expect((await xeroCopy(h, region, xeroId)).lastName).toBe('Mine');
      expect(await cachedLastName(id)).toBe('Mine');
    });

    it('applies an update whose expectedUpdatedAt is the current version, and the next one based on its answer', async () => {
      const created = await create({ ...person, lastName: 'V0', salaries: [salary(earnings[0].id)] });
      const { id, updatedAt: createdAt } = created.record;
      const first = await versioned(id, {
        lastName: 'V1',
        salaries: [salary(earnings[0].id, '86000')],
        expectedUpdatedAt: createdAt,
      });
      expect(first.errors).toBeUndefined();
      // Our own push is landed with Xero's version: it must not read as a change made in Xero.
      const landed = (await employeeState(id)).row.remote_updated_at as Date;
      expect(landed.toISOString()).toBe((await xeroCopy(h, region, await xeroIdOf(id))).updatedAt);
      const second = await versioned(id, {
        lastName: 'V2',
        expectedUpdatedAt: first.data!.updateEmployee.record.updatedAt,
      });
      expect(second.errors).toBeUndefined();
      expect(second.data!.updateEmployee.syncStatus).toBe('SYNCED');
      const copy = await xeroCopy(h, region, await xeroIdOf(id));
      expect(copy).toMatchObject({ lastName: 'V2', salaries: [{ amount: 86000 }] });
      expect(await cachedLastName(id)).toBe('V2');
    });

    it('takes Xero’s new version from an update that changes nothing in the cache', async () => {
      const created = await create({ ...person, lastName: 'Same', salaries: [salary(earnings[0].id)] });
      const { id, updatedAt: createdAt } = created.record;
      // Xero stamps a new UpdatedDateUTC on every write, even one that sends what it already holds.
      const same = { lastName: 'Same', salaries: [salary(earnings[0].id)] };
      const again = await versioned(id, { ...same, expectedUpdatedAt: createdAt });
      expect(again.errors).toBeUndefined();
      expect(again.data!.updateEmployee.record.updatedAt).toBe(createdAt);
      const next = await versioned(id, { lastName: 'After', expectedUpdatedAt: createdAt });
      expect(next.errors).toBeUndefined();
      expect((await xeroCopy(h, region, await xeroIdOf(id))).lastName).toBe('After');
    });
  });
});
