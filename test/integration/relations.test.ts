import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertEntities } from '../../src/cache/upsert.js';
import { Scope } from '../../src/schema/scope.js';
import { ANCHOR_DATE } from '../../src/seed/catalog.js';
import { seedTenant } from '../../src/seed/seed-tenant.js';
import { ensureTenant } from '../../src/tenancy/tenancy.service.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests read deep response shapes
type Row = Record<string, any>;

let gateway: TestGateway;
let key: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  await seedTenant(gateway.database.dataSource, { today: ANCHOR_DATE, tenant: 'org-rel', scale: 500 });
  key = await gateway.createKey('org-rel', [Scope.READ]);
});
afterAll(() => gateway.stop());

const INVOICES_WITH_RELATIONS = `query($first: Int) {
  invoices(first: $first) {
    nodes {
      id transactionNumber
      organization { id name }
      person { id firstName }
      lines { lineNumber quantity item { id code } taxCode { id name } }
    }
  }
}`;

describe('relations are batched', () => {
  // Counted: the API-key lookup (1), the invoice page with its lines embedded as JSON (1), then one
  // statement each for organizations, people, items and tax codes (4) = 6, whatever the page size.
  it('reads 10, 100 or 500 invoices with organization, person, lines, items and tax codes in the same 6 statements', async () => {
    const counts: number[] = [];
    for (const first of [10, 100, 500]) {
      const result = await gateway.graphql<{ invoices: { nodes: Row[] } }>(
        INVOICES_WITH_RELATIONS,
        { first },
        key,
      );
      expect(result.errors).toBeUndefined();
      const nodes = result.data!.invoices.nodes;
      expect(nodes).toHaveLength(first);
      expect(
        nodes.every((invoice) => invoice.organization && invoice.person && invoice.lines.length > 0),
      ).toBe(true);
      expect(nodes.flatMap((invoice) => invoice.lines).every((line: Row) => line.item && line.taxCode)).toBe(
        true,
      );
      counts.push(result.extensions?.sqlStatements as number);
    }
    expect(counts).toEqual([6, 6, 6]);
  });

  it('reads nested connections (organization.invoices) in one statement for all organizations', async () => {
    const query = `query($first: Int) { organizations(first: $first) { nodes {
        people { id } invoices(first: 3) { totalCount nodes { id organizationId lines { item { code } } } } } } }`;
    const counts: number[] = [];
    for (const first of [5, 40]) {
      const result = await gateway.graphql<{ organizations: { nodes: Row[] } }>(query, { first }, key);
      expect(result.errors).toBeUndefined();
      for (const organization of result.data!.organizations.nodes) {
        expect(organization.invoices.nodes.length).toBeLessThanOrEqual(3);
        expect(organization.invoices.totalCount).toBeGreaterThanOrEqual(organization.invoices.nodes.length);
      }
      counts.push(result.extensions?.sqlStatements as number);
    }
    // auth, organizations, people, invoice pages, invoice counts, lines, items
    expect(counts).toEqual([7, 7]);
  });
});

describe('every relation resolves', () => {
  it('follows the CRM and accounting relations', async () => {
    const result = await gateway.graphql<Row>(
      `{
        items(first: 1) { nodes { saleTaxCode { id } purchaseTaxCode { id } saleAccount { code } purchaseAccount { code } } }
        accounts(filter: { class: [REVENUE] }, first: 1) { nodes { taxCode { id } } }
        people(first: 1) { nodes { organization { id } } }
        payments(first: 1) { nodes { invoice { id payments { id } } account { type } } }
        organizations(first: 3) { nodes { creditNotes(first: 2) { nodes { organizationId } } purchaseOrders(first: 2) { totalCount } } }
        creditNotes(first: 50) { nodes { organization { id } lines { item { id } account { id } } allocations { amount invoice { id } } } }
        purchaseOrders(first: 1) { nodes { organization { id } person { id } lines { item { id } taxCode { id } } } }
      }`,
      {},
      key,
    );
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(data.items.nodes[0]).toMatchObject({
      saleTaxCode: { id: expect.any(String) },
      saleAccount: { code: '200' },
    });
    expect(data.accounts.nodes[0].taxCode.id).toBeTruthy();
    expect(data.people.nodes[0].organization.id).toBeTruthy();
    expect(data.payments.nodes[0]).toMatchObject({
      invoice: { id: expect.any(String) },
      account: { type: 'BANK' },
    });
    const allocations = data.creditNotes.nodes.flatMap((note: Row) => note.allocations);
    expect(allocations.length).toBeGreaterThan(0);
    expect(allocations.every((allocation: Row) => allocation.invoice?.id)).toBe(true);
    expect(data.purchaseOrders.nodes[0].lines[0].item.id).toBeTruthy();
  });

  it('follows the payroll relations', async () => {
    const result = await gateway.graphql<Row>(
      `{
        employees(first: 5, filter: { status: [ACTIVE] }) { nodes {
          salaries { type payItem { name } employee { id } }
          timeSheets { hours employee { id } lines { units payItem { type } workLocation { name } } }
          leaveApplications { title payItem { type } periods { units status } employee { id } }
          workLocations { name } paySchedule { scheduleType } } }
        payRuns(first: 2) { nodes { paySchedule { name } payslips { netPay employee { id } payRun { id } } } }
      }`,
      {},
      key,
    );
    expect(result.errors).toBeUndefined();
    const [employee] = result.data!.employees.nodes;
    expect(employee.salaries[0].payItem.name).toMatch(/Hours/);
    expect(employee.timeSheets).toHaveLength(3);
    expect(employee.timeSheets[0].lines[0].units).toHaveLength(7);
    expect(employee.workLocations).toHaveLength(1);
    expect(employee.paySchedule.scheduleType).toMatch(/WEEKLY|MONTHLY/);
    const leave = result.data!.employees.nodes.flatMap((e: Row) => e.leaveApplications);
    expect(leave.every((application: Row) => application.payItem.type === 'LEAVE')).toBe(true);
    expect(result.data!.payRuns.nodes[0].payslips[0].employee.id).toBeTruthy();
  });
});

describe('relations never cross tenants', () => {
  it("shows a reference to another tenant's row as absent", async () => {
    const db = gateway.database.dataSource;
    const own = (table: string) =>
      db.query(
        `SELECT e.id FROM "${table}" e JOIN tenants t ON t.id = e.tenant_id WHERE t.name = 'org-rel' LIMIT 1`,
      );
    const [[organization], [person], [item], [taxCode], [schedule], [location], [invoice]] =
      await Promise.all(
        ['organizations', 'people', 'items', 'tax_codes', 'pay_schedules', 'work_locations', 'invoices'].map(
          own,
        ),
      );
    const intruder = await ensureTenant(db, 'org-intruder');
    // Rows of the intruder tenant that point at org-rel's ids: the references must lead nowhere.
    await upsertEntities(
      db.manager,
      intruder.id,
      'Invoice',
      [
        {
          fields: {
            transactionNumber: 'X-1',
            organizationId: organization.id,
            personId: person.id,
            lines: [{ itemId: item.id, taxCodeId: taxCode.id, quantity: '1', unitPrice: '1' }],
          },
        },
      ],
      { source: 'test' },
    );
    await upsertEntities(
      db.manager,
      intruder.id,
      'Employee',
      [
        {
          fields: {
            firstName: 'E',
            lastName: 'X',
            payScheduleId: schedule.id,
            workLocationIds: [location.id],
          },
        },
      ],
      { source: 'test' },
    );
    await upsertEntities(
      db.manager,
      intruder.id,
      'Payment',
      [{ fields: { amount: '1', invoiceId: invoice.id } }],
      {
        source: 'test',
      },
    );
    const intruderKey = await gateway.createKey('org-intruder', [Scope.READ]);
    const result = await gateway.graphql<Row>(
      `{ invoices { nodes { organization { id } person { id } lines { item { id } taxCode { id } } } }
         employees { nodes { paySchedule { id } workLocations { id } } }
         payments { nodes { invoice { id } } }
         byItem: invoices(filter: { itemId: ["${item.id}"] }) { nodes { id } } }`,
      {},
      intruderKey,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.invoices.nodes).toEqual([
      { organization: null, person: null, lines: [{ item: null, taxCode: null }] },
    ]);
    expect(result.data!.employees.nodes).toEqual([{ paySchedule: null, workLocations: [] }]);
    expect(result.data!.payments.nodes).toEqual([{ invoice: null }]);
    // Its own invoice does reference that item id, so the filter finds it - and only it.
    expect(result.data!.byItem.nodes).toHaveLength(1);
  });
});
