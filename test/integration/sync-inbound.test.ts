import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scope } from '../../src/schema/scope.js';
import { SYNC_SPECS } from '../../src/sync/inbound/sync-specs.js';
import { syncTenant } from '../../src/sync/inbound/tenant-sync.js';
import { ACCOUNTING_SCOPES, startXeroHarness, type XeroHarness } from '../support/xero-harness.js';

type Calls = Record<string, number>;

describe('inbound sync from the Xero emulator', () => {
  let harness: XeroHarness;
  let tenantId: string;
  const db = () => harness.gateway.gateway.services.db;
  const sync = () => harness.gateway.gateway.services.sync!;
  const count = async (table: string, where = '') =>
    Number(
      (await db().query(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = $1 ${where}`, [tenantId]))[0].n,
    );
  const eventCount = async () => count('sync_events');
  const calls = async () => (await harness.control('GET', '/__emulator/calls')) as Calls;
  /** Where the gateway's own Xero client sends this tenant's calls, to read Xero as the sync does. */
  const xeroTarget = async () => {
    const [connection] = await db().query(
      'SELECT id, xero_tenant_id FROM xero_connections WHERE tenant_id = $1',
      [tenantId],
    );
    return {
      connectionId: connection.id as string,
      xeroTenantId: connection.xero_tenant_id as string,
      priority: 'interactive' as const,
    };
  };

  beforeAll(async () => {
    // A 2-second rate window (emulator and gateway alike) so the limits bite without waiting minutes.
    harness = await startXeroHarness({ limits: { windowMs: 2000 } }, { XERO_RATE_WINDOW_MS: '2000' });
    tenantId = await harness.link('org-sync-au', 'Demo Company (AU)');
    await harness.control('DELETE', '/__emulator/calls');
    await sync().scheduler.trigger(tenantId);
  });
  afterAll(() => harness.stop());

  it('caches every accounting and AU payroll entity, as many as Xero lists through xero-node', async () => {
    const target = await xeroTarget();
    const api = sync().xero.api;
    const xero = {
      invoices: (
        await api.call(target, (x, t) =>
          x.accountingApi.getInvoices(
            t,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            1,
            true,
            undefined,
            undefined,
            undefined,
            1000,
          ),
        )
      ).invoices!.length,
      organizations: (
        await api.call(target, (x, t) =>
          x.accountingApi.getContacts(
            t,
            undefined,
            undefined,
            undefined,
            undefined,
            1,
            true,
            undefined,
            undefined,
            1000,
          ),
        )
      ).contacts!.length,
      items: (await api.call(target, (x, t) => x.accountingApi.getItems(t))).items!.length,
      accounts: (await api.call(target, (x, t) => x.accountingApi.getAccounts(t))).accounts!.length,
      credit_notes: (
        await api.call(target, (x, t) =>
          x.accountingApi.getCreditNotes(t, undefined, undefined, undefined, 1, undefined, 1000),
        )
      ).creditNotes!.length,
      payments: (
        await api.call(target, (x, t) =>
          x.accountingApi.getPayments(t, undefined, undefined, undefined, 1, 1000),
        )
      ).payments!.length,
      purchase_orders: (
        await api.call(target, (x, t) =>
          x.accountingApi.getPurchaseOrders(
            t,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            1,
            1000,
          ),
        )
      ).purchaseOrders!.length,
      tax_codes: (await api.call(target, (x, t) => x.accountingApi.getTaxRates(t))).taxRates!.length,
      employees: (await api.call(target, (x, t) => x.payrollAUApi.getEmployees(t))).employees!.length,
      pay_schedules: (await api.call(target, (x, t) => x.payrollAUApi.getPayrollCalendars(t)))
        .payrollCalendars!.length,
      pay_runs: (await api.call(target, (x, t) => x.payrollAUApi.getPayRuns(t))).payRuns!.length,
      time_sheets: (await api.call(target, (x, t) => x.payrollAUApi.getTimesheets(t))).timesheets!.length,
      leave_applications: (await api.call(target, (x, t) => x.payrollAUApi.getLeaveApplications(t)))
        .leaveApplications!.length,
    };
    const cached = Object.fromEntries(
      await Promise.all(Object.keys(xero).map(async (table) => [table, await count(table)])),
    );
    expect(cached).toEqual(xero);
    expect(await count('company')).toBe(1);
    expect(await count('people')).toBeGreaterThan(0);
    expect(await count('pay_items')).toBeGreaterThan(0);
    const states = await db().query('SELECT entity, full_sync_done FROM sync_states WHERE tenant_id = $1', [
      tenantId,
    ]);
    expect(states.filter((row: { full_sync_done: boolean }) => !row.full_sync_done)).toEqual([]);
    expect(states).toHaveLength(SYNC_SPECS.filter((spec) => spec.area !== 'payroll-us').length);
  });

  it("leaves the widgets' sums current at the end of a sync, so no dashboard read has to build them", async () => {
    await sync().scheduler.trigger(tenantId);
    const states = await db().query(
      `SELECT s.name, s.seq::text = c.last_seq::text AS current FROM widget_aggregate_state s
         JOIN tenant_event_counters c USING (tenant_id) WHERE s.tenant_id = $1 ORDER BY s.name`,
      [tenantId],
    );
    expect(states).toEqual([
      { name: 'ledger', current: true },
      { name: 'sales', current: true },
    ]);
    expect(await count('sales_daily')).toBeGreaterThan(0);
  });

  it('serves a synced invoice through GraphQL field for field as xero-node reads it from Xero', async () => {
    const key = await harness.gateway.createKey('org-sync-au');
    const target = await xeroTarget();
    const [row] = await db().query(
      `SELECT id, xero_id FROM invoices WHERE tenant_id = $1 AND status = 'AUTHORISED' ORDER BY transaction_number LIMIT 1`,
      [tenantId],
    );
    const xero = (await sync().xero.api.call(target, (x, t) => x.accountingApi.getInvoice(t, row.xero_id)))
      .invoices![0];
    const answer = await harness.gateway.graphql<{
      invoice: Record<string, unknown> & { lines: Array<Record<string, unknown>> };
    }>(
      `query($id: ID!) { invoice(id: $id) {
        transactionNumber type status transactionDate dueDate reference currency taxCalculation balance paidAmount
        amount { netAmount taxAmount totalAmount }
        organization { externalIds { provider id } }
        lines { description quantity unitPrice amount { netAmount } account { code } taxCode { taxType } }
      } }`,
      { id: row.id },
      key,
    );
    const invoice = answer.data!.invoice;
    const dateOf = (value: unknown) =>
      value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    expect(invoice).toMatchObject({
      transactionNumber: xero.invoiceNumber,
      type: String(xero.type) === 'ACCREC' ? 'CUSTOMER' : 'SUPPLIER',
      status: String(xero.status),
      transactionDate: dateOf(xero.date),
      dueDate: dateOf(xero.dueDate),
      currency: String(xero.currencyCode),
      taxCalculation: { Exclusive: 'EXCLUSIVE', Inclusive: 'INCLUSIVE', NoTax: 'NO_TAX' }[
        String(xero.lineAmountTypes)
      ],
    });
    expect(invoice.reference ?? undefined).toBe(xero.reference || undefined);
    expect(Number(invoice.balance)).toBe(xero.amountDue);
    expect(Number(invoice.paidAmount)).toBe(xero.amountPaid);
    const amount = invoice.amount as Record<string, string>;
    expect([Number(amount.netAmount), Number(amount.taxAmount), Number(amount.totalAmount)]).toEqual([
      xero.subTotal,
      xero.totalTax,
      xero.total,
    ]);
    const organization = invoice.organization as { externalIds: Array<{ provider: string; id: string }> };
    expect(organization.externalIds).toContainEqual({ provider: 'xero', id: xero.contact!.contactID });
    expect(
      invoice.lines.map((line) => [
        line.description,
        Number(line.quantity),
        Number(line.unitPrice),
        Number((line.amount as Record<string, string>).netAmount),
        (line.account as { code: string } | null)?.code,
        (line.taxCode as { taxType: string } | null)?.taxType,
      ]),
    ).toEqual(
      xero.lineItems!.map((line) => [
        line.description,
        line.quantity,
        line.unitAmount,
        line.lineAmount,
        line.accountCode,
        line.taxType,
      ]),
    );
  });

  it('after three changes in Xero, the next sync makes one call per entity type and appends exactly three events', async () => {
    const org = harness.organisation('Demo Company (AU)').tenantId;
    const [contact] = await db().query(
      `SELECT xero_id FROM organizations WHERE tenant_id = $1 AND status = 'ACTIVE' LIMIT 1`,
      [tenantId],
    );
    const [item] = await db().query('SELECT xero_id FROM items WHERE tenant_id = $1 LIMIT 1', [tenantId]);
    const [account] = await db().query(
      `SELECT xero_id FROM accounts WHERE tenant_id = $1 AND status = 'ACTIVE' LIMIT 1`,
      [tenantId],
    );
    // Seeded records are stamped at seed time; a second passes so the changes are newer than the watermark.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await harness.control('POST', `/__emulator/orgs/${org}/contacts/${contact.xero_id}`, {
      Website: 'https://changed.example',
    });
    await harness.control('POST', `/__emulator/orgs/${org}/items/${item.xero_id}`, {
      Description: 'Changed in Xero',
    });
    await harness.control('POST', `/__emulator/orgs/${org}/accounts/${account.xero_id}`, {
      Description: 'Changed too',
    });
    const eventsBefore = await eventCount();
    await harness.control('DELETE', '/__emulator/calls');
    await sync().scheduler.trigger(tenantId);
    const made = await calls();
    const apiCalls = Object.entries(made).filter(([endpoint]) => !endpoint.includes('/connect/'));
    expect(
      apiCalls.every(([, n]) => n === 1),
      JSON.stringify(made),
    ).toBe(true);
    expect(apiCalls.length, JSON.stringify(made)).toBe(
      SYNC_SPECS.filter((spec) => spec.area === 'accounting' || spec.area === 'payroll-au').length,
    );
    const events = await db().query(
      'SELECT entity_type, origin FROM sync_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT $2',
      [tenantId, (await eventCount()) - eventsBefore],
    );
    expect(events.map((event: { entity_type: string }) => event.entity_type).sort()).toEqual([
      'Account',
      'Item',
      'Organization',
    ]);
    expect(events.every((event: { origin: string }) => event.origin === 'xero')).toBe(true);
  });

  it("reads each AU employee in full after Xero's summary list: address, job title and salaries are cached", async () => {
    const key = await harness.gateway.createKey('org-sync-au');
    const answer = await harness.gateway.graphql<{
      employees: {
        nodes: Array<{
          firstName: string;
          jobTitle: string | null;
          address: { line1: string | null; city: string | null } | null;
          externalIds: Array<{ provider: string; id: string }>;
          salaries: Array<{ type: string; annualSalary: string | null; hourlyRate: string | null }>;
        }>;
      };
    }>(
      `{ employees(first: 50) { nodes {
          firstName jobTitle address { line1 city } externalIds { provider id }
          salaries { type annualSalary hourlyRate }
      } } }`,
      {},
      key,
    );
    const employees = answer.data!.employees.nodes;
    expect(employees.length).toBeGreaterThanOrEqual(5);
    const target = await xeroTarget();
    for (const employee of employees) {
      const xeroId = employee.externalIds.find((ref) => ref.provider === 'xero')!.id;
      const full = (await sync().xero.api.call(target, (x, t) => x.payrollAUApi.getEmployee(t, xeroId)))
        .employees![0];
      expect(full.homeAddress?.addressLine1, employee.firstName).toBeTruthy();
      expect(employee.address?.line1).toBe(full.homeAddress?.addressLine1);
      expect(employee.address?.city).toBe(full.homeAddress?.city);
      expect(employee.jobTitle).toBe(full.jobTitle ?? null);
      expect(employee.salaries.length).toBe(full.payTemplate?.earningsLines?.length ?? 0);
    }
    expect(employees.some((employee) => employee.jobTitle)).toBe(true);
    expect(employees.some((employee) => employee.salaries.some((salary) => salary.annualSalary))).toBe(true);
  });

  it('an unchanged second sync appends no event', async () => {
    const before = await eventCount();
    await sync().scheduler.trigger(tenantId);
    expect(await eventCount()).toBe(before);
  });

  it('fetches no payroll for a UK organisation, nor for an AU one linked without payroll access', async () => {
    const uk = await harness.link('org-sync-uk', 'Demo Company (UK)', ACCOUNTING_SCOPES);
    await harness.control('DELETE', '/__emulator/calls');
    await sync().scheduler.trigger(uk);
    const auNoPayroll = await harness.link('org-sync-au-nopay', 'Demo Company (AU)', ACCOUNTING_SCOPES);
    await sync().scheduler.trigger(auNoPayroll);
    const made = await calls();
    expect(Object.keys(made).filter((endpoint) => endpoint.includes('payroll'))).toEqual([]);
    expect(
      Number((await db().query('SELECT count(*) AS n FROM invoices WHERE tenant_id = $1', [uk]))[0].n),
    ).toBeGreaterThan(0);
  });

  it('syncs a US organisation with payroll, work locations included, through the legacy US payroll surface', async () => {
    const us = await harness.link('org-sync-us', 'Demo Company (US)');
    await harness.control('DELETE', '/__emulator/calls');
    await sync().scheduler.trigger(us);
    const countFor = async (table: string) =>
      Number((await db().query(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = $1`, [us]))[0].n);
    for (const table of [
      'work_locations',
      'employees',
      'employee_salaries',
      'pay_schedules',
      'pay_runs',
      'time_sheets',
      'pay_items',
    ]) {
      expect(await countFor(table), table).toBeGreaterThan(0);
    }
    expect(await countFor('leave_applications')).toBe(0); // AU only
    const [employee] = await db().query(
      'SELECT work_location_ids FROM employees WHERE tenant_id = $1 AND cardinality(work_location_ids) > 0 LIMIT 1',
      [us],
    );
    expect(employee.work_location_ids.length).toBeGreaterThan(0);
    const made = await calls();
    expect(Object.keys(made).some((endpoint) => endpoint.includes('LeaveApplications'))).toBe(false);
  });

  it('reports sync state through GraphQL and syncs on demand for an admin', async () => {
    const admin = await harness.gateway.createKey('org-sync-au');
    const status = await harness.gateway.graphql<{
      syncStatus: {
        connection: { status: string; organisationName: string };
        entities: Array<{ entity: string; state: string; records: number }>;
        apiCallsToday: number;
      };
    }>(
      '{ syncStatus { connection { status organisationName } entities { entity state records lastSuccessAt } apiCallsToday remainingAllowance } }',
      {},
      admin,
    );
    expect(status.data!.syncStatus.connection).toEqual({
      status: 'ACTIVE',
      organisationName: 'Demo Company (AU)',
    });
    expect(status.data!.syncStatus.entities.find((entity) => entity.entity === 'Invoice')).toMatchObject({
      state: 'IDLE',
    });
    expect(
      status.data!.syncStatus.entities.find((entity) => entity.entity === 'Invoice')!.records,
    ).toBeGreaterThan(0);
    expect(status.data!.syncStatus.apiCallsToday).toBeGreaterThan(0);
    const triggered = await harness.gateway.graphql(
      'mutation { triggerSync(entities: ["Invoice"]) }',
      {},
      admin,
    );
    expect(triggered.data).toEqual({ triggerSync: true });
    const unknown = await harness.gateway.graphql('mutation { triggerSync(entities: ["Nope"]) }', {}, admin);
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ path: 'entities' }],
    });
    const reader = await harness.gateway.createKey('org-sync-au', [Scope.READ]);
    const forbidden = await harness.gateway.graphql('mutation { triggerSync }', {}, reader);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('holds the tenant: a second sync of the same tenant at once is refused, not run twice', async () => {
    const deps = {
      db: db(),
      logger: harness.gateway.gateway.services.logger,
      xero: sync().xero,
      status: sync().status,
    };
    const [first, second] = await Promise.all([syncTenant(deps, tenantId), syncTenant(deps, tenantId)]);
    expect([first, second].sort()).toEqual([false, true]);
  });
});
