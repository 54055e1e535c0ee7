import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  linkWithoutPayroll,
  PAYROLL_NOT_ENABLED_CASES,
  startWriteHarness,
  usPayrollGet,
  type WriteHarness,
} from './writes-harness.js';

const CREATE = `mutation ($input: PayRunInput!) { createPayRun(input: $input) {
  record { id syncStatus status payScheduleId periodStart periodEnd wages netPay payslips { employeeId wages } }
  syncStatus warnings operationId } }`;

interface Payload {
  record: {
    id: string;
    syncStatus: string;
    status: string;
    payScheduleId: string;
    periodStart: string | null;
    wages: string;
    payslips: Array<{ employeeId: string; wages: string }>;
  };
  syncStatus: string;
}
type Data = { createPayRun: Payload };
const UPSERT = `mutation ($externalId: ExternalIdInput!, $input: PayRunInput!) {
  upsertPayRun(externalId: $externalId, input: $input) {
    record { id syncStatus status payScheduleId updatedAt externalIds { provider id } }
    syncStatus warnings operationId } }`;
interface Upserted {
  record: {
    id: string;
    syncStatus: string;
    status: string;
    payScheduleId: string;
    updatedAt: string;
    externalIds: Array<{ provider: string; id: string }>;
  };
  syncStatus: string;
  operationId: string | null;
}
type UpsertData = { upsertPayRun: Upserted };
const idMapRows = (h: WriteHarness, id: string) =>
  h.count(
    "SELECT count(*) n FROM id_map WHERE entity = 'PayRun' AND provider = 'payroll-app' AND external_id = $1",
    [id],
  );
const rowOf = async (h: WriteHarness, id: string) =>
  (await h.gateway.gateway.services.db.query('SELECT * FROM pay_runs WHERE id = $1', [id]))[0];

const xeroIdOf = async (h: WriteHarness, table: string, id: string): Promise<string> =>
  (await h.gateway.gateway.services.db.query(`SELECT xero_id FROM "${table}" WHERE id = $1`, [id]))[0]
    .xero_id;
const eventsOf = (h: WriteHarness, id: string) =>
  h.gateway.gateway.services.db.query(
    'SELECT action, origin FROM sync_events WHERE entity_id = $1 ORDER BY seq',
    [id],
  );

/** What must not move when a write is refused: the cache, the outbox, the event log, Xero. */
async function footprint(h: WriteHarness) {
  return {
    runs: await h.count('SELECT count(*) n FROM pay_runs'),
    payslips: await h.count('SELECT count(*) n FROM payslips'),
    ops: await h.count('SELECT count(*) n FROM outbound_ops'),
    events: await h.count('SELECT count(*) n FROM sync_events'),
    xero: (await h.xero.payrollAUApi.getPayRuns(h.xeroTenantId)).body.payRuns?.length,
    idMap: await h.count("SELECT count(*) n FROM id_map WHERE entity = 'PayRun'"),
  };
}

describe('draft pay runs, Payroll AU', () => {
  let h: WriteHarness;
  let weeklyId: string;

  beforeAll(async () => {
    h = await startWriteHarness('Demo Company (AU)');
    weeklyId = await h.idOf('pay_schedules', "name = 'Weekly'");
  });
  afterAll(() => h?.stop());

  it('creates a DRAFT pay run through xero-node, landed with the payslips Xero made and one event from the app', async () => {
    const response = await h.graphql<Data>(CREATE, { input: { payScheduleId: weeklyId } });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createPayRun;
    expect(payload.syncStatus).toBe('SYNCED');
    expect(payload.record).toMatchObject({ syncStatus: 'SYNCED', status: 'DRAFT', payScheduleId: weeklyId });
    expect(payload.record.periodStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const runXeroId = await xeroIdOf(h, 'pay_runs', payload.record.id);
    const { body } = await h.xero.payrollAUApi.getPayRun(h.xeroTenantId, runXeroId);
    const run = body.payRuns![0];
    expect(run).toMatchObject({
      payrollCalendarID: await xeroIdOf(h, 'pay_schedules', weeklyId),
      payRunStatus: 'DRAFT',
    });
    // The weekly calendar pays the two active employees on it (the third was terminated).
    expect(payload.record.payslips).toHaveLength(2);
    expect(payload.record.payslips.map((slip) => Number(slip.wages)).sort()).toEqual(
      run.payslips!.map((slip) => slip.wages).sort(),
    );
    expect(payload.record.wages).toBe(String(run.wages));
    expect(await eventsOf(h, payload.record.id)).toEqual([{ action: 'CREATED', origin: 'crm' }]);
    // The next sync reads the pay run back from Xero: it hashes the same and appends nothing.
    const before = await h.count('SELECT count(*) n FROM sync_events');
    await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
    expect(await h.count('SELECT count(*) n FROM sync_events')).toBe(before);
  });

  it.each([
    ['one made in Xero', 'Fortnightly'],
    ['the one just made through the gateway', 'Weekly'],
  ])(
    'refuses a second draft for a pay schedule (%s) before asking Xero, and writes nothing',
    async (_label, name) => {
      const payScheduleId = await h.idOf('pay_schedules', 'name = $2', [name]);
      const before = await footprint(h);
      const response = await h.graphql(CREATE, { input: { payScheduleId } });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [
          {
            path: 'payScheduleId',
            message: expect.stringContaining('Xero allows one draft pay run per pay schedule'),
          },
        ],
      });
      expect(await footprint(h)).toEqual(before);
    },
  );

  it('refuses an unknown pay schedule, naming the field, and writes nothing', async () => {
    const before = await footprint(h);
    const id = '11111111-2222-4333-8444-555555555555';
    const response = await h.graphql(CREATE, { input: { paySchedule: { provider: 'xero', id } } });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'paySchedule', message: `No PaySchedule with xero id "${id}" in this tenant.` }],
    });
    expect(await footprint(h)).toEqual(before);
  });

  describe('upserts by the app’s own id', () => {
    const externalId = { provider: 'payroll-app', id: 'RUN-MONTHLY-1' };
    let monthlyId: string;
    let runId: string;
    beforeAll(async () => {
      monthlyId = await h.idOf('pay_schedules', "name = 'Monthly'");
    });

    it('upserts a draft pay run twice: one in the cache and one in Xero, the second call writing nothing', async () => {
      const first = await h.graphql<UpsertData>(UPSERT, { externalId, input: { payScheduleId: monthlyId } });
      expect(first.errors).toBeUndefined();
      const created = first.data!.upsertPayRun;
      expect(created).toMatchObject({
        syncStatus: 'SYNCED',
        record: { syncStatus: 'SYNCED', status: 'DRAFT', payScheduleId: monthlyId },
      });
      expect(created.record.externalIds).toContainEqual({ provider: 'payroll-app', id: 'RUN-MONTHLY-1' });
      runId = created.record.id;
      const before = [await footprint(h), await rowOf(h, runId)];
      // Nothing in the input is something Xero lets a draft change: the pay run is answered as it is.
      const second = await h.graphql<UpsertData>(UPSERT, { externalId, input: { payScheduleId: monthlyId } });
      expect(second.errors).toBeUndefined();
      expect(second.data!.upsertPayRun).toMatchObject({
        syncStatus: 'SYNCED',
        operationId: null,
        record: { id: runId, updatedAt: created.record.updatedAt },
      });
      expect([await footprint(h), await rowOf(h, runId)]).toEqual(before);
      expect(await idMapRows(h, 'RUN-MONTHLY-1')).toBe(1);
      expect(await h.count('SELECT count(*) n FROM pay_runs WHERE pay_schedule_id = $1', [monthlyId])).toBe(
        1,
      );
      const calendar = await xeroIdOf(h, 'pay_schedules', monthlyId);
      const { body } = await h.xero.payrollAUApi.getPayRuns(h.xeroTenantId);
      expect(body.payRuns!.filter((run) => run.payrollCalendarID === calendar)).toHaveLength(1);
      expect(await eventsOf(h, runId)).toEqual([{ action: 'CREATED', origin: 'crm' }]);
    });

    it.each([
      [
        'the known id naming another pay schedule',
        'RUN-MONTHLY-1',
        'weekly',
        'payScheduleId',
        /stays with the pay schedule/,
      ],
      ['a new id naming no pay schedule', 'RUN-NONE', 'none', 'payScheduleId', /Name the pay schedule/],
      ['a new id naming an unknown pay schedule', 'RUN-UNKNOWN', 'unknown', 'paySchedule', /No PaySchedule/],
    ])(
      'refuses an upsert for %s, naming the field, and writes nothing',
      async (_l, id, schedule, path, message) => {
        const input =
          schedule === 'weekly'
            ? { payScheduleId: weeklyId }
            : schedule === 'unknown'
              ? { paySchedule: { provider: 'payroll-app', id: 'no-such-schedule' } }
              : {};
        const before = [await footprint(h), await rowOf(h, runId)];
        const response = await h.graphql(UPSERT, { externalId: { provider: 'payroll-app', id }, input });
        expect(response.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ path, message: expect.stringMatching(message) }],
        });
        expect([await footprint(h), await rowOf(h, runId)]).toEqual(before);
      },
    );

    it('refuses an upsert of a pay run POSTED in Xero before asking Xero, and writes nothing', async () => {
      const xeroId = await xeroIdOf(h, 'pay_runs', runId);
      const calendar = await xeroIdOf(h, 'pay_schedules', monthlyId);
      await h.xero.payrollAUApi.updatePayRun(h.xeroTenantId, xeroId, [
        { payrollCalendarID: calendar, payRunStatus: 'POSTED' as never },
      ]);
      await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
      expect((await rowOf(h, runId)).status).toBe('POSTED');
      const held = async () => (await h.xero.payrollAUApi.getPayRun(h.xeroTenantId, xeroId)).body.payRuns;
      const before = [await footprint(h), await rowOf(h, runId), await held()];
      const response = await h.graphql(UPSERT, { externalId, input: { payScheduleId: monthlyId } });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ path: 'id', message: expect.stringContaining('POSTED') }],
      });
      expect([await footprint(h), await rowOf(h, runId), await held()]).toEqual(before);
    });
  });

  it.each(PAYROLL_NOT_ENABLED_CASES)(
    'answers PAYROLL_NOT_ENABLED for %s, and writes nothing (rule 15)',
    async (_label, organisation, message) => {
      const key = await linkWithoutPayroll(h, organisation);
      const monthlyId = await h.idOf('pay_schedules', "name = 'Monthly'");
      const before = await footprint(h);
      const response = await h.gateway.graphql(CREATE, { input: { payScheduleId: monthlyId } }, key);
      expect(response.errors?.[0].extensions?.code).toBe('PAYROLL_NOT_ENABLED');
      expect(response.errors?.[0].message).toMatch(message);
      expect(await footprint(h)).toEqual(before);
    },
  );
});

describe('draft pay runs, legacy US payroll', () => {
  let h: WriteHarness;

  beforeAll(async () => {
    h = await startWriteHarness('Demo Company (US)');
  });
  afterAll(() => h?.stop());

  it('creates a DRAFT pay run for a pay schedule through the JSON surface, SYNCED with one event', async () => {
    const payScheduleId = await h.idOf('pay_schedules', "name = 'Biweekly'");
    const response = await h.graphql<Data>(CREATE, { input: { payScheduleId } });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createPayRun;
    expect(payload.record).toMatchObject({ syncStatus: 'SYNCED', status: 'DRAFT', payScheduleId });
    const runXeroId = await xeroIdOf(h, 'pay_runs', payload.record.id);
    const { PayRuns } = await usPayrollGet<{ PayRuns: Array<Record<string, unknown>> }>(
      h,
      `/PayRuns/${runXeroId}`,
    );
    expect(PayRuns[0]).toMatchObject({
      PayScheduleID: await xeroIdOf(h, 'pay_schedules', payScheduleId),
      PayRunStatus: 'DRAFT',
    });
    expect(await eventsOf(h, payload.record.id)).toEqual([{ action: 'CREATED', origin: 'crm' }]);
  });

  it('upserts a draft pay run twice: one in the cache and one in Xero; once POSTED there, refused and nothing written', async () => {
    const payScheduleId = await h.idOf('pay_schedules', "name = 'Weekly'");
    const variables = { externalId: { provider: 'payroll-app', id: 'US-RUN-1' }, input: { payScheduleId } };
    const first = await h.graphql<UpsertData>(UPSERT, variables);
    const second = await h.graphql<UpsertData>(UPSERT, variables);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    const runId = first.data!.upsertPayRun.record.id;
    expect(first.data!.upsertPayRun.record).toMatchObject({ syncStatus: 'SYNCED', status: 'DRAFT' });
    expect(second.data!.upsertPayRun).toMatchObject({ operationId: null, record: { id: runId } });
    expect(await idMapRows(h, 'US-RUN-1')).toBe(1);
    const schedule = await xeroIdOf(h, 'pay_schedules', payScheduleId);
    type UsRun = { PayRunID: string; PayScheduleID: string; PayRunStatus: string };
    const runs = async () => (await usPayrollGet<{ PayRuns: UsRun[] }>(h, '/PayRuns')).PayRuns;
    const drafts = (await runs()).filter((r) => r.PayScheduleID === schedule && r.PayRunStatus === 'DRAFT');
    expect(drafts).toHaveLength(1);

    // Posted in Xero (the legacy US surface takes the status on POST /PayRuns/{id}), then synced.
    const xeroId = await xeroIdOf(h, 'pay_runs', runId);
    const posted = await fetch(`${h.emulator.url}/payroll.xro/1.0/PayRuns/${xeroId}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${h.tokens.access_token}`,
        'xero-tenant-id': h.xeroTenantId,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify([{ PayRunStatus: 'POSTED' }]),
    });
    expect(posted.status).toBe(200);
    await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
    expect((await rowOf(h, runId)).status).toBe('POSTED');
    const footprintUs = async () => ({
      runs: await h.count('SELECT count(*) n FROM pay_runs'),
      ops: await h.count('SELECT count(*) n FROM outbound_ops'),
      events: await h.count('SELECT count(*) n FROM sync_events'),
      row: await rowOf(h, runId),
      xero: await runs(),
    });
    const before = await footprintUs();
    const refused = await h.graphql(UPSERT, variables);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'id', message: expect.stringContaining('POSTED') }],
    });
    expect(await footprintUs()).toEqual(before);
  });
});
