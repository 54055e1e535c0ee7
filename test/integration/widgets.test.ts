import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheEntityName } from '../../src/cache/cache-entities.js';
import { type CacheRecord, upsertEntities } from '../../src/cache/upsert.js';
import { writeAccountBalances } from '../../src/widgets/account-balances.writer.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { connectWs } from '../support/ws-client.js';

/** Decimal strings compared by value: "1330.00" and "1330" are the same amount. */
const dec = (value: unknown): unknown => {
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
    const [whole, fraction = ''] = value.split('.');
    const trimmed = fraction.replace(/0+$/, '');
    const text = trimmed ? `${whole}.${trimmed}` : whole;
    return text === '-0' ? '0' : text;
  }
  if (Array.isArray(value)) return value.map(dec);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, dec(v)]));
  return value;
};

const id = () => randomUUID();
const A = { bank: id(), ar: id(), ap: id(), gst: id(), sales: id(), purchases: id(), equity: id() };
const ORG = { acme: id(), bolt: id(), supp: id() };
const ITEM = { widget: id(), gadget: id() };
const EMP = { alice: id(), bob: id(), carol: id() };
const INV = { inv1: id(), inv2: id(), inv3: id(), inv4: id(), inv5: id(), bill1: id() };

const line = (
  itemId: string | null,
  accountId: string,
  quantity: string,
  price: string,
  net: string,
  tax: string,
) => ({
  itemId,
  accountId,
  quantity,
  unitPrice: price,
  netAmount: net,
  taxAmount: tax,
  totalAmount: (Number(net) + Number(tax)).toFixed(2),
});

function invoice(
  invoiceId: string,
  fields: Record<string, unknown> & { lines: ReturnType<typeof line>[] },
): CacheRecord {
  return { id: invoiceId, fields: { currency: 'AUD', taxCalculation: 'EXCLUSIVE', ...fields } };
}

/** The hand-checked fixture (numbers worked out in the tests below). */
async function writeFixture(db: DataSource, tenantId: string) {
  const write = (type: CacheEntityName, records: CacheRecord[]) =>
    upsertEntities(db.manager, tenantId, type, records, { source: 'seed' });
  await write('Company', [{ fields: { name: 'Fixture Pty', baseCurrency: 'AUD', countryCode: 'AU' } }]);
  const account = (
    accountId: string,
    code: string,
    name: string,
    cls: string,
    type: string,
  ): CacheRecord => ({
    id: accountId,
    externalIds: [{ provider: 'xero', realm: 'x', id: `xero-${code}` }],
    fields: { code, name, class: cls, type },
  });
  await write('Account', [
    account(A.bank, '090', 'Business Bank', 'ASSET', 'BANK'),
    account(A.ar, '610', 'Accounts Receivable', 'ASSET', 'CURRENT'),
    account(A.ap, '800', 'Accounts Payable', 'LIABILITY', 'CURRLIAB'),
    account(A.gst, '820', 'GST', 'LIABILITY', 'CURRLIAB'),
    account(A.sales, '200', 'Sales', 'REVENUE', 'REVENUE'),
    account(A.purchases, '400', 'Purchases', 'EXPENSE', 'EXPENSE'),
    account(A.equity, '970', 'Owner Funds', 'EQUITY', 'EQUITY'),
  ]);
  await db.query(
    `INSERT INTO account_system_roles (tenant_id, system_account, account_id)
     VALUES ($1, 'DEBTORS', $2), ($1, 'CREDITORS', $3), ($1, 'GST', $4)`,
    [tenantId, A.ar, A.ap, A.gst],
  );
  // An older snapshot: 1000 of owner's capital in the bank, which no cached document explains.
  await db.query(
    `INSERT INTO account_balances (tenant_id, account_id, date, balance, residual)
     VALUES ($1, $2, '2026-01-01', 1000, 1000), ($1, $3, '2026-01-01', -1000, -1000)`,
    [tenantId, A.bank, A.equity],
  );
  await write('Organization', [
    { id: ORG.acme, fields: { name: 'Acme', isCustomer: true } },
    { id: ORG.bolt, fields: { name: 'Bolt', isCustomer: true } },
    { id: ORG.supp, fields: { name: 'Supplies Co', isSupplier: true } },
  ]);
  await write('Item', [
    { id: ITEM.widget, fields: { code: 'W', name: 'Widget' } },
    { id: ITEM.gadget, fields: { code: 'G', name: 'Gadget' } },
  ]);
  const sale = { type: 'CUSTOMER', organizationId: ORG.acme };
  await write('Invoice', [
    invoice(INV.inv1, {
      ...sale,
      transactionNumber: 'INV-1',
      status: 'PAID',
      transactionDate: '2026-01-10',
      dueDate: '2026-02-09',
      netAmount: '300.00',
      taxAmount: '30.00',
      totalAmount: '330.00',
      paidAmount: '330.00',
      balance: '0.00',
      lines: [
        line(ITEM.widget, A.sales, '2', '50', '100.00', '10.00'),
        line(ITEM.gadget, A.sales, '1', '200', '200.00', '20.00'),
      ],
    }),
    invoice(INV.inv2, {
      ...sale,
      transactionNumber: 'INV-2',
      status: 'AUTHORISED',
      transactionDate: '2026-02-15',
      dueDate: '2026-03-15',
      netAmount: '150.00',
      taxAmount: '15.00',
      totalAmount: '165.00',
      paidAmount: '65.00',
      balance: '100.00',
      lines: [line(ITEM.widget, A.sales, '3', '50', '150.00', '15.00')],
    }),
    invoice(INV.inv3, {
      ...sale,
      organizationId: ORG.bolt,
      transactionNumber: 'INV-3',
      status: 'AUTHORISED',
      transactionDate: '2026-03-05',
      dueDate: '2026-03-20',
      netAmount: '400.00',
      taxAmount: '40.00',
      totalAmount: '440.00',
      paidAmount: '0.00',
      balance: '440.00',
      lines: [line(ITEM.gadget, A.sales, '2', '200', '400.00', '40.00')],
    }),
    invoice(INV.inv4, {
      ...sale,
      organizationId: ORG.bolt,
      transactionNumber: 'INV-4',
      status: 'DRAFT',
      transactionDate: '2026-03-10',
      dueDate: '2026-04-10',
      netAmount: '500.00',
      taxAmount: '50.00',
      totalAmount: '550.00',
      paidAmount: '0.00',
      balance: '550.00',
      lines: [line(ITEM.widget, A.sales, '10', '50', '500.00', '50.00')],
    }),
    invoice(INV.inv5, {
      ...sale,
      currency: 'USD',
      transactionNumber: 'INV-5',
      status: 'AUTHORISED',
      transactionDate: '2026-03-12',
      dueDate: '2026-04-11',
      netAmount: '80.00',
      taxAmount: '0.00',
      totalAmount: '80.00',
      paidAmount: '0.00',
      balance: '80.00',
      lines: [line(ITEM.widget, A.sales, '1', '80', '80.00', '0.00')],
    }),
    invoice(INV.bill1, {
      type: 'SUPPLIER',
      organizationId: ORG.supp,
      transactionNumber: 'BILL-1',
      status: 'AUTHORISED',
      transactionDate: '2026-02-01',
      dueDate: '2026-03-01',
      netAmount: '500.00',
      taxAmount: '50.00',
      totalAmount: '550.00',
      paidAmount: '0.00',
      balance: '550.00',
      lines: [line(ITEM.gadget, A.purchases, '5', '100', '500.00', '50.00')],
    }),
  ]);
  await write('Payment', [
    {
      fields: {
        type: 'CUSTOMER',
        transactionDate: '2026-01-20',
        amount: '330.00',
        currency: 'AUD',
        accountId: A.bank,
        invoiceId: INV.inv1,
      },
    },
    {
      fields: {
        type: 'CUSTOMER',
        transactionDate: '2026-02-20',
        amount: '65.00',
        currency: 'AUD',
        accountId: A.bank,
        invoiceId: INV.inv2,
      },
    },
  ]);
  await write('CreditNote', [
    {
      fields: {
        type: 'CUSTOMER',
        organizationId: ORG.bolt,
        transactionNumber: 'CN-1',
        status: 'AUTHORISED',
        currency: 'AUD',
        transactionDate: '2026-03-08',
        netAmount: '40.00',
        taxAmount: '4.00',
        totalAmount: '44.00',
        remainingCredit: '44.00',
        lines: [line(null, A.sales, '1', '40', '40.00', '4.00')],
        allocations: [],
      },
    },
  ]);
  await writePeople(write);
}

async function writePeople(write: (type: CacheEntityName, records: CacheRecord[]) => Promise<unknown>) {
  await write('Employee', [
    {
      id: EMP.alice,
      fields: {
        firstName: 'Alice',
        lastName: 'Smith',
        jobTitle: 'Engineer',
        email: { address: 'alice@example.com' },
        status: 'ACTIVE',
      },
    },
    {
      id: EMP.bob,
      fields: { firstName: 'Bob', lastName: 'Jones', jobTitle: 'Technician', status: 'ACTIVE' },
    },
    { id: EMP.carol, fields: { firstName: 'Carol', lastName: 'White', status: 'TERMINATED' } },
  ]);
  const bobRate = id();
  await write('EmployeeSalary', [
    {
      fields: {
        employeeId: EMP.alice,
        type: 'SALARY',
        annualSalary: '120000',
        hoursPerWeek: '40',
        currency: 'AUD',
        effectiveFrom: '2025-01-01',
      },
    },
    {
      fields: {
        employeeId: EMP.bob,
        type: 'HOURLY',
        hourlyRate: '25',
        hoursPerWeek: '20',
        payItemId: bobRate,
        effectiveFrom: '2024-01-01',
      },
    },
    {
      fields: {
        employeeId: EMP.bob,
        type: 'HOURLY',
        hourlyRate: '30',
        hoursPerWeek: '20',
        payItemId: bobRate,
        effectiveFrom: '2025-01-01',
      },
    },
    {
      fields: {
        employeeId: EMP.carol,
        type: 'SALARY',
        annualSalary: '52000',
        hoursPerWeek: '38',
        effectiveFrom: '2025-01-01',
      },
    },
  ]);
  const sheet = (employeeId: string, start: string, end: string, status: string, lines: string[][]) => ({
    fields: { employeeId, startDate: start, endDate: end, status, lines: lines.map((units) => ({ units })) },
  });
  await write('TimeSheet', [
    sheet(EMP.alice, '2026-03-02', '2026-03-08', 'APPROVED', [
      ['8', '8', '8', '8', '8', '0', '0'],
      ['0', '0', '0', '0', '2', '0', '0'],
    ]),
    sheet(EMP.alice, '2026-03-09', '2026-03-15', 'APPROVED', [['7.5', '7.5', '7.5', '7.5', '7.5', '0', '0']]),
    sheet(EMP.bob, '2026-03-02', '2026-03-08', 'REJECTED', [['5', '5', '5', '5', '5', '0', '0']]),
    sheet(EMP.bob, '2026-03-09', '2026-03-15', 'DRAFT', [['4', '4', '0', '0', '0', '0', '0']]),
  ]);
  const leave = (employeeId: string, start: string, end: string, units: string, status: string) => ({
    fields: {
      employeeId,
      startDate: start,
      endDate: end,
      periods: [{ startDate: start, endDate: end, units, status }],
    },
  });
  await write('LeaveApplication', [
    leave(EMP.alice, '2026-03-12', '2026-03-13', '16', 'SCHEDULED'),
    leave(EMP.bob, '2026-03-06', '2026-03-10', '20', 'SCHEDULED'),
    leave(EMP.carol, '2026-03-03', '2026-03-04', '16', 'REJECTED'),
  ]);
}

describe('dashboard widgets, on a fixture worked out by hand', () => {
  let gateway: TestGateway;
  let key: string;
  let tenantId: string;
  const widgets = async (selection: string) => {
    const response = await gateway.graphql<{ widgets: Record<string, unknown> }>(
      `{ widgets { ${selection} } }`,
      {},
      key,
    );
    expect(response.errors).toBeUndefined();
    return dec(response.data!.widgets) as Record<string, unknown>;
  };

  beforeAll(async () => {
    gateway = await startTestGateway();
    key = await gateway.createKey('org-widgets');
    const db = gateway.gateway.services.db;
    tenantId = (await db.query(`SELECT id FROM tenants WHERE name = 'org-widgets'`))[0].id;
    await writeFixture(db, tenantId);
  });
  afterAll(() => gateway?.stop());

  it('lists customers by amount invoiced, per currency, with paid, due and their newest invoices', async () => {
    const { invoiceList } =
      await widgets(`invoiceList(entity: CUSTOMERS, from: "2026-01-01", to: "2026-03-31", invoicesPerContact: 5) {
      baseCurrency contacts { name currency invoiceCount invoiced paid due invoices { number status total paid due } } }`);
    expect(invoiceList).toEqual({
      baseCurrency: 'AUD',
      contacts: [
        {
          name: 'Acme',
          currency: 'AUD',
          invoiceCount: 2,
          invoiced: '495',
          paid: '395',
          due: '100',
          invoices: [
            { number: 'INV-2', status: 'AUTHORISED', total: '165', paid: '65', due: '100' },
            { number: 'INV-1', status: 'PAID', total: '330', paid: '330', due: '0' },
          ],
        },
        {
          name: 'Bolt',
          currency: 'AUD',
          invoiceCount: 1,
          invoiced: '440',
          paid: '0',
          due: '440',
          invoices: [{ number: 'INV-3', status: 'AUTHORISED', total: '440', paid: '0', due: '440' }],
        },
        {
          name: 'Acme',
          currency: 'USD',
          invoiceCount: 1,
          invoiced: '80',
          paid: '0',
          due: '80',
          invoices: [{ number: 'INV-5', status: 'AUTHORISED', total: '80', paid: '0', due: '80' }],
        },
      ],
    });
    const byDue = await widgets(
      `invoiceList(entity: CUSTOMERS, orderBy: DUE_DESC, from: "2026-01-01", to: "2026-03-31") { contacts { name due } }`,
    );
    expect(byDue.invoiceList).toEqual({
      contacts: [
        { name: 'Bolt', due: '440' },
        { name: 'Acme', due: '100' },
        { name: 'Acme', due: '80' },
      ],
    });
    const suppliers = await widgets(
      `invoiceList(entity: SUPPLIERS, from: "2026-01-01", to: "2026-03-31") { contacts { name invoiced due } }`,
    );
    expect(suppliers.invoiceList).toEqual({
      contacts: [{ name: 'Supplies Co', invoiced: '550', due: '550' }],
    });
  });

  it('sums invoices by status and ages what is due in 30-day buckets, per currency', async () => {
    const { invoiceSummary } =
      await widgets(`invoiceSummary(from: "2026-01-01", to: "2026-03-31") { baseCurrency currencies { currency
      receivables { byStatus { status count total due } due overdue overdueCount unallocatedCredit aged { label count amount } }
      payables { due overdue overdueCount aged { label count amount } } } }`);
    const aged = (amounts: Array<[number, string]>) =>
      ['Not yet due', '1-30 days', '31-60 days', '61-90 days', 'Over 90 days'].map((label, i) => ({
        label,
        count: amounts[i]?.[0] ?? 0,
        amount: amounts[i]?.[1] ?? '0',
      }));
    expect(invoiceSummary).toEqual({
      baseCurrency: 'AUD',
      currencies: [
        {
          currency: 'AUD',
          receivables: {
            byStatus: [
              { status: 'AUTHORISED', count: 2, total: '605', due: '540' },
              { status: 'DRAFT', count: 1, total: '550', due: '550' },
              { status: 'PAID', count: 1, total: '330', due: '0' },
            ],
            due: '540',
            overdue: '540',
            overdueCount: 2,
            unallocatedCredit: '44',
            aged: aged([
              [0, '0'],
              [2, '540'],
            ]),
          },
          payables: {
            due: '550',
            overdue: '550',
            overdueCount: 1,
            aged: aged([
              [0, '0'],
              [1, '550'],
            ]),
          },
        },
        {
          currency: 'USD',
          receivables: {
            byStatus: [{ status: 'AUTHORISED', count: 1, total: '80', due: '80' }],
            due: '80',
            overdue: '0',
            overdueCount: 0,
            unallocatedCredit: '0',
            aged: aged([[1, '80']]),
          },
          payables: { due: '0', overdue: '0', overdueCount: 0, aged: aged([]) },
        },
      ],
    });
  });

  it('adds up sales per item and month as net value, gross value and quantity', async () => {
    const growth = (metric: string) =>
      widgets(
        `salesGrowth(from: "2026-01-01", to: "2026-03-31", period: MONTH, metric: ${metric}) { periods series { name currency total values } }`,
      );
    expect((await growth('NET_VALUE')).salesGrowth).toEqual({
      periods: ['2026-01-01', '2026-02-01', '2026-03-01'],
      series: [
        { name: 'Gadget', currency: 'AUD', total: '600', values: ['200', '0', '400'] },
        { name: 'Widget', currency: 'AUD', total: '250', values: ['100', '150', '0'] },
        { name: 'Widget', currency: 'USD', total: '80', values: ['0', '0', '80'] },
      ],
    });
    expect((await growth('GROSS_VALUE')).salesGrowth).toMatchObject({
      series: [
        { name: 'Gadget', total: '660', values: ['220', '0', '440'] },
        { name: 'Widget', currency: 'AUD', total: '275', values: ['110', '165', '0'] },
        { name: 'Widget', currency: 'USD', total: '80' },
      ],
    });
    expect((await growth('QUANTITY')).salesGrowth).toMatchObject({
      series: [
        { name: 'Widget', currency: null, total: '6', values: ['2', '3', '1'] },
        { name: 'Gadget', currency: null, total: '3', values: ['1', '0', '2'] },
      ],
    });
    const bought = await widgets(
      `salesGrowth(direction: PURCHASED, itemIds: ["${ITEM.gadget}", "${ITEM.widget}"], from: "2026-01-01", to: "2026-03-31", metric: QUANTITY) { series { name total values } }`,
    );
    expect(bought.salesGrowth).toEqual({
      series: [
        { name: 'Gadget', total: '5', values: ['0', '5', '0'] },
        { name: 'Widget', total: '0', values: ['0', '0', '0'] },
      ],
    });
  });

  it('gives account balances at each month end: snapshot residual plus what the documents post', async () => {
    const { accountBalances } =
      await widgets(`accountBalances(accountIds: ["${A.bank}", "${A.ar}", "${A.gst}"], from: "2026-01-01", to: "2026-03-31", period: MONTH) {
      periods { start end } accounts { code balances } }`);
    expect(accountBalances).toEqual({
      periods: [
        { start: '2026-01-01', end: '2026-01-31' },
        { start: '2026-02-01', end: '2026-02-28' },
        { start: '2026-03-01', end: '2026-03-31' },
      ],
      accounts: [
        { code: '090', balances: ['1330', '1395', '1395'] },
        { code: '610', balances: ['0', '100', '496'] },
        { code: '820', balances: ['30', '-5', '31'] },
      ],
    });
    const banks = await widgets(
      `accountBalances(from: "2026-03-01", to: "2026-03-31") { accounts { code balances } }`,
    );
    expect(banks.accountBalances).toEqual({ accounts: [{ code: '090', balances: ['1395'] }] });
    const { accountsComparison } = await widgets(
      `accountsComparison(accountIds: ["${A.bank}", "${A.ar}", "${A.ap}"], date: "2026-02-28") { date accounts { code name balance } }`,
    );
    expect(accountsComparison).toEqual({
      date: '2026-02-28',
      accounts: [
        { code: '090', name: 'Business Bank', balance: '1395' },
        { code: '610', name: 'Accounts Receivable', balance: '100' },
        { code: '800', name: 'Accounts Payable', balance: '550' },
      ],
    });
  });

  it('builds a balance sheet at two dates whose equity (with current year earnings) equals net assets', async () => {
    const { balanceSheet } =
      await widgets(`balanceSheet(from: "2026-01-31", to: "2026-03-31") { from to currency
      sections { class lines { code name atFrom atTo } totalAtFrom totalAtTo } netAssetsAtFrom netAssetsAtTo }`);
    expect(balanceSheet).toEqual({
      from: '2026-01-31',
      to: '2026-03-31',
      currency: 'AUD',
      sections: [
        {
          class: 'ASSET',
          totalAtFrom: '1330',
          totalAtTo: '1891',
          lines: [
            { code: '090', name: 'Business Bank', atFrom: '1330', atTo: '1395' },
            { code: '610', name: 'Accounts Receivable', atFrom: '0', atTo: '496' },
          ],
        },
        {
          class: 'LIABILITY',
          totalAtFrom: '30',
          totalAtTo: '581',
          lines: [
            { code: '800', name: 'Accounts Payable', atFrom: '0', atTo: '550' },
            { code: '820', name: 'GST', atFrom: '30', atTo: '31' },
          ],
        },
        {
          class: 'EQUITY',
          totalAtFrom: '1300',
          totalAtTo: '1310',
          lines: [
            { code: '970', name: 'Owner Funds', atFrom: '1000', atTo: '1000' },
            { code: null, name: 'Current Year Earnings', atFrom: '300', atTo: '310' },
          ],
        },
      ],
      netAssetsAtFrom: '1300',
      netAssetsAtTo: '1310',
    });
  });

  it('lists employees with pay for a month and a week, and the average hourly rate', async () => {
    const { employeesList } = await widgets(`employeesList(period: MONTH) { currency totalSalary averageRate
      employees { firstName lastName jobTitle email status salaryType salary hours averageRate } }`);
    expect(employeesList).toEqual({
      currency: 'AUD',
      totalSalary: '12600',
      averageRate: '48.46',
      employees: [
        {
          firstName: 'Bob',
          lastName: 'Jones',
          jobTitle: 'Technician',
          email: null,
          status: 'ACTIVE',
          salaryType: 'HOURLY',
          salary: '2600',
          hours: '86.67',
          averageRate: '30',
        },
        {
          firstName: 'Alice',
          lastName: 'Smith',
          jobTitle: 'Engineer',
          email: 'alice@example.com',
          status: 'ACTIVE',
          salaryType: 'SALARY',
          salary: '10000',
          hours: '173.33',
          averageRate: '57.69',
        },
        {
          firstName: 'Carol',
          lastName: 'White',
          jobTitle: null,
          email: null,
          status: 'TERMINATED',
          salaryType: 'SALARY',
          salary: '4333.33',
          hours: '164.67',
          averageRate: '26.32',
        },
      ],
    });
    const weekly = await widgets(
      'employeesList(period: WEEK) { totalSalary employees { lastName salary hours } }',
    );
    expect(weekly.employeesList).toEqual({
      totalSalary: '2907.69',
      employees: [
        { lastName: 'Jones', salary: '600', hours: '20' },
        { lastName: 'Smith', salary: '2307.69', hours: '40' },
        { lastName: 'White', salary: '1000', hours: '38' },
      ],
    });
  });

  it('sums hours worked and leave per employee and week, spreading leave over its days', async () => {
    const { timesheets } =
      await widgets(`timesheets(from: "2026-03-02", to: "2026-03-15", period: WEEK) { periods
      employees { name worked timeOff totalWorked totalTimeOff } totalWorked totalTimeOff }`);
    expect(timesheets).toEqual({
      periods: ['2026-03-02', '2026-03-09'],
      employees: [
        { name: 'Bob Jones', worked: ['0', '8'], timeOff: ['12', '8'], totalWorked: '8', totalTimeOff: '20' },
        {
          name: 'Alice Smith',
          worked: ['42', '37.5'],
          timeOff: ['0', '16'],
          totalWorked: '79.5',
          totalTimeOff: '16',
        },
      ],
      totalWorked: '87.5',
      totalTimeOff: '36',
    });
  });

  it('refuses a reversed range and a bad id with BAD_USER_INPUT', async () => {
    const reversed = await gateway.graphql(
      '{ widgets { balanceSheet(from: "2026-03-01", to: "2026-01-01") { from } } }',
      {},
      key,
    );
    expect(reversed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badId = await gateway.graphql(
      '{ widgets { accountsComparison(accountIds: ["nope"]) { date } } }',
      {},
      key,
    );
    expect(badId.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('widgetUpdated sends the result, then one debounced update after a burst of invoice changes', async () => {
    const { client } = connectWs(gateway.url, key);
    const updates: Array<Record<string, unknown>> = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe(
        {
          query: `subscription { widgetUpdated(widget: INVOICE_LIST, args: { from: "2026-01-01", to: "2026-03-31", entity: CUSTOMERS }) {
            widget causes invoiceList { contacts { name currency invoiced } } } }`,
        },
        { next: (value) => updates.push(value as Record<string, unknown>), error: reject, complete: resolve },
      );
    });
    await expect.poll(() => updates.length, { timeout: 5000 }).toBe(1);
    const first = dec(updates[0]) as {
      data: { widgetUpdated: { causes: string[]; invoiceList: { contacts: unknown[] } } };
    };
    expect(first.data.widgetUpdated.causes).toEqual([]);
    expect(first.data.widgetUpdated.invoiceList.contacts[0]).toEqual({
      name: 'Acme',
      currency: 'AUD',
      invoiced: '495',
    });
    const db = gateway.gateway.services.db;
    // Two changes in quick succession: Bolt's invoice grows by 100 twice -> one recomputation.
    for (const total of ['540.00', '640.00']) {
      await upsertEntities(
        db.manager,
        tenantId,
        'Invoice',
        [{ id: INV.inv3, fields: { totalAmount: total } }],
        { source: 'xero' },
      );
    }
    await expect.poll(() => updates.length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(updates).toHaveLength(2);
    const second = dec(updates[1]) as typeof first;
    expect(second.data.widgetUpdated.causes).toEqual(['Invoice']);
    expect(second.data.widgetUpdated.invoiceList.contacts[0]).toEqual({
      name: 'Bolt',
      currency: 'AUD',
      invoiced: '640',
    });
    await upsertEntities(
      db.manager,
      tenantId,
      'Invoice',
      [{ id: INV.inv3, fields: { totalAmount: '440.00' } }],
      { source: 'xero' },
    );
    await expect.poll(() => updates.length, { timeout: 5000 }).toBe(3);
    await client.dispose();
    await done.catch(() => undefined);
  });

  it('a trial balance snapshot keeps what documents do not explain as residual, shifting every date', async () => {
    const db = gateway.gateway.services.db;
    const cell = (value: string) => ({ value, attributes: [{ id: 'account', value: 'xero-090' }] });
    const report = {
      reportDate: '31 March 2026',
      rows: [
        {
          rowType: 'Header',
          cells: ['Account', 'Debit', 'Credit', 'YTD Debit', 'YTD Credit'].map((value) => ({ value })),
        },
        {
          rowType: 'Section',
          rows: [
            {
              rowType: 'Row',
              cells: [
                cell('Business Bank (090)'),
                cell('100.00'),
                cell('0.00'),
                cell('1495.00'),
                cell('0.00'),
              ],
            },
          ],
        },
      ],
    };
    await writeAccountBalances(db.manager, tenantId, { date: '2026-03-31', report: report as never });
    const [bank] = await db.query(
      `SELECT balance::text, derived::text, residual::text FROM account_balances WHERE tenant_id = $1 AND account_id = $2 AND date = '2026-03-31'`,
      [tenantId, A.bank],
    );
    expect(dec(bank)).toEqual({ balance: '1495', derived: '395', residual: '1100' });
    const { accountsComparison } = await widgets(
      `accountsComparison(accountIds: ["${A.bank}"], date: "2026-01-31") { accounts { balance } }`,
    );
    expect(accountsComparison).toEqual({ accounts: [{ balance: '1430' }] });
  });
});
