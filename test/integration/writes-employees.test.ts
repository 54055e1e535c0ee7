import { afterAll, describe, expect, it } from 'vitest';
import { linkWithoutPayroll, startWriteHarness, type WriteHarness } from './writes-harness.js';

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

  it.each([
    ['an organisation outside AU and US', 'Demo Company (UK)', /Australian and US organisations only/],
    [
      'an AU organisation connected without payroll access',
      'Demo Company (AU)',
      /payroll access was not granted/,
    ],
  ])(
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
