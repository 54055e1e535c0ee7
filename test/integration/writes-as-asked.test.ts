import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from 'xero-node';
import { collect } from '../support/events.js';
import { connectWs } from '../support/ws-client.js';
import { startWriteHarness, type WriteHarness } from './writes-harness.js';

// Issue #17: what lands in the customer's books (Xero, the cache, the events) is what the app asked.

const ORG = `record { id name email { address } people { id firstName email { address } isPrimary } }
  syncStatus warnings`;
const CREATE_ORG = `mutation ($input: OrganizationInput!) { createOrganization(input: $input) { ${ORG} } }`;
const UPDATE_ORG = `mutation ($id: ID!, $input: OrganizationInput!) {
  updateOrganization(id: $id, input: $input, force: true) { ${ORG} } }`;
const ORG_STATE = `query ($id: ID!) { organization(id: $id) {
  name code taxNumber email { address } website { url }
  address { billing { attention line1 line2 city region postalCode country }
            shipping { attention line1 line2 city region postalCode country } }
  phone { landline landline2 mobile fax } } }`;

interface OrgPayload {
  record: {
    id: string;
    name: string;
    email: { address: string | null } | null;
    people: Array<{ id: string; firstName: string; email: { address: string } | null; isPrimary: boolean }>;
  };
  syncStatus: string;
  warnings: string[];
}

let h: WriteHarness;
let supplierId: string;
beforeAll(async () => {
  h = await startWriteHarness();
  supplierId = await h.idOf('organizations', "status = 'ACTIVE' ORDER BY name DESC");
});
afterAll(async () => {
  await h?.stop();
});

const db = () => h.gateway.gateway.services.db;
let serial = 0;
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}-${++serial}`;

async function createOrganization(input: Record<string, unknown>): Promise<OrgPayload> {
  const response = await h.graphql<{ createOrganization: OrgPayload }>(CREATE_ORG, { input });
  expect(response.errors).toBeUndefined();
  return response.data!.createOrganization;
}

async function xeroContactOf(organizationId: string): Promise<Contact> {
  const [row] = await db().query('SELECT xero_id FROM organizations WHERE id = $1', [organizationId]);
  const { body } = await h.xero.accountingApi.getContact(h.xeroTenantId, row.xero_id);
  return body.contacts![0];
}

describe('purchase orders take the item’s purchase details (item 1)', () => {
  const PO = `mutation ($input: PurchaseOrderInput!) { createPurchaseOrder(input: $input) {
    record { id lines { itemId accountId taxCodeId } } syncStatus } }`;
  const BILL = `mutation ($input: InvoiceInput!) { createInvoice(input: $input) {
    record { id lines { itemId accountId taxCodeId } } syncStatus } }`;

  it('a line with an item and no tax code or account gets the item’s PurchaseDetails, as a bill does', async () => {
    const paper = await h.idOf('items', "code = 'PAPER'");
    const gadget = await h.idOf('items', "code = 'GADGET'");
    const lines = [
      { itemId: paper, quantity: '2', unitPrice: '35' },
      { itemId: gadget, quantity: '1', unitPrice: '55' },
    ];
    const reference = unique('po-item');
    const po = await h.graphql<{ createPurchaseOrder: { record: { id: string; lines: unknown[] } } }>(PO, {
      input: { organizationId: supplierId, reference, lines },
    });
    expect(po.errors).toBeUndefined();
    const { body } = await h.xero.accountingApi.getPurchaseOrders(h.xeroTenantId);
    const order = body.purchaseOrders!.find((candidate) => candidate.reference === reference)!;
    const inXero = order.lineItems!.map((line) => [line.itemCode, line.accountCode, String(line.taxType)]);
    // The item's PurchaseDetails: PAPER 453 / INPUT; GADGET (tracked) its COGS account 310 / INPUT.
    expect(inXero).toEqual([
      ['PAPER', '453', 'INPUT'],
      ['GADGET', '310', 'INPUT'],
    ]);
    // A supplier invoice (ACCPAY) with the same lines gets the same: the two supplier documents agree.
    const bill = await h.graphql<{ createInvoice: { record: { lines: unknown[] } } }>(BILL, {
      input: { type: 'SUPPLIER', organizationId: supplierId, reference: unique('bill-item'), lines },
    });
    expect(bill.errors).toBeUndefined();
    expect(po.data!.createPurchaseOrder.record.lines).toEqual(bill.data!.createInvoice.record.lines);
    const inputTax = await h.idOf('tax_codes', "xero_id = 'INPUT'");
    const expenses = await h.idOf('accounts', "code = '453'");
    expect(po.data!.createPurchaseOrder.record.lines[0]).toEqual({
      itemId: paper,
      accountId: expenses,
      taxCodeId: inputTax,
    });
  });
});

describe('the organization’s email is never replaced silently (item 4)', () => {
  it('with a primary person, Xero holds their email: the organization shows it and a warning says so', async () => {
    const payload = await createOrganization({
      name: unique('Email Co'),
      email: 'info@email-co.test',
      people: [{ firstName: 'Pat', lastName: 'One', email: 'p1@email-co.test' }],
    });
    expect(payload.warnings).toEqual([
      expect.stringMatching(
        /one email per contact.*"info@email-co\.test" was not sent to Xero.*"p1@email-co\.test"/,
      ),
    ]);
    const contact = await xeroContactOf(payload.record.id);
    expect([contact.firstName, contact.emailAddress]).toEqual(['Pat', 'p1@email-co.test']);
    expect(payload.record.email?.address).toBe('p1@email-co.test');
    // An update of the email alone leaves the primary person's email in Xero, and says so too.
    const updated = await h.graphql<{ updateOrganization: OrgPayload }>(UPDATE_ORG, {
      id: payload.record.id,
      input: { email: 'sales@email-co.test' },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateOrganization.warnings).toEqual([
      expect.stringContaining('"sales@email-co.test" was not sent to Xero'),
    ]);
    expect((await xeroContactOf(payload.record.id)).emailAddress).toBe('p1@email-co.test');
  });

  it('no warning when the emails agree or the organization has no people: its email is the Contact’s', async () => {
    const same = await createOrganization({
      name: unique('Same Co'),
      email: 'P1@same-co.test',
      people: [{ firstName: 'Pat', email: 'p1@same-co.test' }],
    });
    expect(same.warnings).toEqual([]);
    const alone = await createOrganization({ name: unique('Alone Co'), email: 'info@alone-co.test' });
    expect(alone.warnings).toEqual([]);
    expect((await xeroContactOf(alone.record.id)).emailAddress).toBe('info@alone-co.test');
    expect(alone.record.email?.address).toBe('info@alone-co.test');
  });
});

describe('partial organization updates change only the fields given (item 5)', () => {
  const ADDRESS_FIELDS = ['attention', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
  const PHONE_FIELDS = ['landline', 'landline2', 'mobile', 'fax'] as const;
  type Address = Partial<Record<(typeof ADDRESS_FIELDS)[number], string | null>>;
  interface State {
    name: string;
    code: string | null;
    taxNumber: string | null;
    email: string | null;
    website: string | null;
    billing: Address;
    shipping: Address;
    phone: Partial<Record<(typeof PHONE_FIELDS)[number], string | null>>;
  }
  const blank = (value: string | null | undefined) => (value ? value : null);
  const full = <K extends string>(fields: readonly K[], value: Partial<Record<K, string | null>> | null) =>
    Object.fromEntries(fields.map((field) => [field, blank(value?.[field])])) as Record<K, string | null>;

  /** The organization as the cache shows it (through GraphQL). */
  async function cached(id: string): Promise<State> {
    const response = await h.graphql<{ organization: Record<string, never> }>(ORG_STATE, { id });
    expect(response.errors).toBeUndefined();
    const org = response.data!.organization as unknown as {
      name: string;
      code: string | null;
      taxNumber: string | null;
      email: { address: string | null } | null;
      website: { url: string | null } | null;
      address: { billing: Address | null; shipping: Address | null } | null;
      phone: Record<string, string | null> | null;
    };
    return {
      name: org.name,
      code: blank(org.code),
      taxNumber: blank(org.taxNumber),
      email: blank(org.email?.address),
      website: blank(org.website?.url),
      billing: full(ADDRESS_FIELDS, org.address?.billing ?? null),
      shipping: full(ADDRESS_FIELDS, org.address?.shipping ?? null),
      phone: full(PHONE_FIELDS, org.phone),
    };
  }

  /** The organization as Xero holds it (through xero-node). */
  async function inXero(id: string): Promise<State> {
    const contact = await xeroContactOf(id);
    const address = (type: string) => {
      const found = contact.addresses?.find((a) => String(a.addressType) === type);
      return full(ADDRESS_FIELDS, {
        attention: found?.attentionTo,
        line1: found?.addressLine1,
        line2: found?.addressLine2,
        city: found?.city,
        region: found?.region,
        postalCode: found?.postalCode,
        country: found?.country,
      });
    };
    const phone = (type: string) =>
      blank(contact.phones?.find((p) => String(p.phoneType) === type)?.phoneNumber);
    return {
      name: contact.name!,
      code: blank(contact.accountNumber),
      taxNumber: blank(contact.taxNumber),
      email: blank(contact.emailAddress),
      website: blank(contact.website),
      billing: address('POBOX'),
      shipping: address('STREET'),
      phone: {
        landline: phone('DEFAULT'),
        landline2: phone('DDI'),
        mobile: phone('MOBILE'),
        fax: phone('FAX'),
      },
    };
  }

  const text = fc.stringMatching(/^[A-Za-z0-9]{1,12}$/);
  const value = fc.option(text, { nil: null, freq: 5 });
  const part = <K extends string>(fields: readonly K[]) =>
    fc.record(Object.fromEntries(fields.map((field) => [field, value])) as Record<K, typeof value>, {
      requiredKeys: [],
    });
  const update = fc.record(
    {
      name: text.map((suffix) => unique(`Prop ${suffix}`)),
      code: value,
      taxNumber: value,
      email: fc.option(
        text.map((local) => `${local}@prop.test`),
        { nil: null, freq: 5 },
      ),
      website: value,
      address: fc.record(
        { billing: part(ADDRESS_FIELDS), shipping: part(ADDRESS_FIELDS) },
        { requiredKeys: [] },
      ),
      phone: part(PHONE_FIELDS),
    },
    { requiredKeys: [] },
  );

  /** What the organization should be after `input`: the fields given changed, nothing else. */
  function expected(before: State, input: Record<string, unknown>): State {
    const after = structuredClone(before);
    for (const key of ['name', 'code', 'taxNumber', 'email', 'website'] as const) {
      if (key in input) (after[key] as unknown) = input[key] ?? null;
    }
    const address = input.address as { billing?: Address; shipping?: Address } | undefined;
    for (const kind of ['billing', 'shipping'] as const) {
      for (const [field, given] of Object.entries(address?.[kind] ?? {}))
        after[kind][field as keyof Address] = given ?? null;
    }
    for (const [field, given] of Object.entries((input.phone as Record<string, string | null>) ?? {}))
      after.phone[field as keyof State['phone']] = given ?? null;
    return after;
  }

  it('updateOrganization(address: { billing }) leaves the shipping address alone, in Xero and in the cache', async () => {
    const { record } = await createOrganization({
      name: unique('Two Addresses'),
      address: {
        billing: { line1: 'PO Box 1', city: 'Sydney', postalCode: '2000' },
        shipping: { line1: '9 Dock Rd', city: 'Botany', postalCode: '2019' },
      },
    });
    const response = await h.graphql<{ updateOrganization: OrgPayload }>(UPDATE_ORG, {
      id: record.id,
      input: { address: { billing: { city: 'Parramatta' } } },
    });
    expect(response.errors).toBeUndefined();
    for (const state of [await cached(record.id), await inXero(record.id)]) {
      expect(state.billing).toMatchObject({ line1: 'PO Box 1', city: 'Parramatta', postalCode: '2000' });
      expect(state.shipping).toMatchObject({ line1: '9 Dock Rd', city: 'Botany', postalCode: '2019' });
    }
  });

  it('property: any subset of updateOrganization’s fields changes exactly those, in the cache and in Xero', async () => {
    const { record } = await createOrganization({
      name: unique('Prop Co'),
      code: 'C1',
      taxNumber: 'T1',
      website: 'https://prop.test',
      address: {
        billing: { attention: 'Accounts', line1: 'PO Box 7', city: 'Perth', country: 'AU' },
        shipping: { line1: '7 Quay St', line2: 'Door 2', city: 'Fremantle', region: 'WA' },
      },
      phone: { landline: '08 1111', mobile: '0400 111' },
    });
    await fc.assert(
      fc.asyncProperty(update, async (input) => {
        const before = await cached(record.id);
        expect(await inXero(record.id)).toEqual(before);
        const response = await h.graphql<{ updateOrganization: OrgPayload }>(UPDATE_ORG, {
          id: record.id,
          input,
        });
        expect(response.errors).toBeUndefined();
        const want = expected(before, input);
        expect(await cached(record.id)).toEqual(want);
        expect(await inXero(record.id)).toEqual(want);
      }),
      { numRuns: 25, endOnFailure: true },
    );
  });
});

describe('partial item updates change only the fields given (item 5, extended)', () => {
  const ITEM_STATE = `query ($id: ID!) { item(id: $id) {
    code name description salePrice { netAmount } purchasePrice { netAmount }
    saleAccountId purchaseAccountId saleTaxCodeId purchaseTaxCodeId } }`;
  const UPDATE_ITEM = `mutation ($id: ID!, $input: ItemInput!) {
    updateItem(id: $id, input: $input, force: true) { record { id } warnings } }`;
  interface ItemState {
    code: string;
    name: string;
    description: string | null;
    salePrice: number | null;
    purchasePrice: number | null;
    saleAccount: string | null;
    purchaseAccount: string | null;
    saleTax: string | null;
    purchaseTax: string | null;
  }
  const number = (value: string | number | null | undefined) =>
    value === null || value === undefined ? null : Number(value);

  it('property: any subset of updateItem’s fields changes exactly those, in the cache and in Xero', async () => {
    const ids = async (table: string, column: string, values: string[]) =>
      Object.fromEntries(
        await Promise.all(
          values.map(async (value) => [value, await h.idOf(table, `${column} = $2`, [value])] as const),
        ),
      );
    const accounts = await ids('accounts', 'code', ['200', '260', '429', '453']);
    const taxes = await ids('tax_codes', 'xero_id', ['OUTPUT', 'EXEMPTOUTPUT', 'INPUT', 'EXEMPTEXPENSES']);
    const codeOf = Object.fromEntries(Object.entries(accounts).map(([code, id]) => [id, code]));
    const typeOf = Object.fromEntries(Object.entries(taxes).map(([type, id]) => [id, type]));
    const code = `PROP-${Date.now().toString(36)}`.slice(0, 30);
    const created = await h.graphql<{ createItem: { record: { id: string } } }>(
      `mutation ($input: ItemInput!) { createItem(input: $input) { record { id } } }`,
      {
        input: {
          code,
          name: 'Prop item',
          description: 'A property item',
          salePrice: '20',
          purchasePrice: '12',
          saleAccountId: accounts['200'],
          purchaseAccountId: accounts['453'],
          saleTaxCodeIds: [taxes.OUTPUT],
          purchaseTaxCodeIds: [taxes.INPUT],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createItem.record.id;

    const cached = async (): Promise<ItemState> => {
      const response = await h.graphql<{ item: Record<string, never> }>(ITEM_STATE, { id });
      expect(response.errors).toBeUndefined();
      const item = response.data!.item as unknown as {
        code: string;
        name: string;
        description: string | null;
        salePrice: { netAmount: string | null } | null;
        purchasePrice: { netAmount: string | null } | null;
        saleAccountId: string | null;
        purchaseAccountId: string | null;
        saleTaxCodeId: string | null;
        purchaseTaxCodeId: string | null;
      };
      return {
        code: item.code,
        name: item.name,
        description: item.description || null,
        salePrice: number(item.salePrice?.netAmount),
        purchasePrice: number(item.purchasePrice?.netAmount),
        saleAccount: item.saleAccountId && codeOf[item.saleAccountId],
        purchaseAccount: item.purchaseAccountId && codeOf[item.purchaseAccountId],
        saleTax: item.saleTaxCodeId && typeOf[item.saleTaxCodeId],
        purchaseTax: item.purchaseTaxCodeId && typeOf[item.purchaseTaxCodeId],
      };
    };
    const inXero = async (): Promise<ItemState> => {
      const [row] = await db().query('SELECT xero_id FROM items WHERE id = $1', [id]);
      const item = (await h.xero.accountingApi.getItem(h.xeroTenantId, row.xero_id)).body.items![0];
      return {
        code: item.code,
        name: item.name!,
        description: item.description || null,
        salePrice: number(item.salesDetails?.unitPrice),
        purchasePrice: number(item.purchaseDetails?.unitPrice),
        saleAccount: item.salesDetails?.accountCode || null,
        purchaseAccount: item.purchaseDetails?.accountCode || null,
        saleTax: item.salesDetails?.taxType ? String(item.salesDetails.taxType) : null,
        purchaseTax: item.purchaseDetails?.taxType ? String(item.purchaseDetails.taxType) : null,
      };
    };
    const price = fc.integer({ min: 1, max: 99_999 }).map((cents) => (cents / 100).toFixed(2));
    const update = fc.record(
      {
        // Texts without outer spaces: Xero's text fields are trimmed (by the gateway and its mappers).
        name: fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9 ]{0,38}[A-Za-z0-9])?$/),
        description: fc.stringMatching(/^[A-Za-z0-9]([A-Za-z0-9 ]{0,58}[A-Za-z0-9])?$/),
        salePrice: price,
        purchasePrice: price,
        saleAccount: fc.constantFrom('200', '260'),
        purchaseAccount: fc.constantFrom('429', '453'),
        saleTax: fc.constantFrom('OUTPUT', 'EXEMPTOUTPUT'),
        purchaseTax: fc.constantFrom('INPUT', 'EXEMPTEXPENSES'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(update, async (change) => {
        const before = await cached();
        expect(await inXero()).toEqual(before);
        const input: Record<string, unknown> = {
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.description !== undefined ? { description: change.description } : {}),
          ...(change.salePrice !== undefined ? { salePrice: change.salePrice } : {}),
          ...(change.purchasePrice !== undefined ? { purchasePrice: change.purchasePrice } : {}),
          ...(change.saleAccount ? { saleAccountId: accounts[change.saleAccount] } : {}),
          ...(change.purchaseAccount ? { purchaseAccountId: accounts[change.purchaseAccount] } : {}),
          ...(change.saleTax ? { saleTaxCodeIds: [taxes[change.saleTax]] } : {}),
          ...(change.purchaseTax ? { purchaseTaxCodeIds: [taxes[change.purchaseTax]] } : {}),
        };
        const response = await h.graphql(UPDATE_ITEM, { id, input });
        expect(response.errors).toBeUndefined();
        const want: ItemState = {
          ...before,
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.description !== undefined ? { description: change.description } : {}),
          ...(change.salePrice !== undefined ? { salePrice: Number(change.salePrice) } : {}),
          ...(change.purchasePrice !== undefined ? { purchasePrice: Number(change.purchasePrice) } : {}),
          ...(change.saleAccount ? { saleAccount: change.saleAccount } : {}),
          ...(change.purchaseAccount ? { purchaseAccount: change.purchaseAccount } : {}),
          ...(change.saleTax ? { saleTax: change.saleTax } : {}),
          ...(change.purchaseTax ? { purchaseTax: change.purchaseTax } : {}),
        };
        expect(await cached()).toEqual(want);
        expect(await inXero()).toEqual(want);
      }),
      { numRuns: 20, endOnFailure: true },
    );
  });
});

describe('partial invoice updates change only the fields given (item 5, extended)', () => {
  const INVOICE_STATE = `query ($id: ID!) { invoice(id: $id) {
    reference transactionDate dueDate taxCalculation amount { netAmount taxAmount totalAmount }
    lines { description quantity unitPrice } } }`;
  const CALCULATIONS: Record<string, string> = {
    EXCLUSIVE: 'Exclusive',
    INCLUSIVE: 'Inclusive',
    NO_TAX: 'NoTax',
  };
  /** xero-node gives Xero's dates as Date objects (UTC midnight). */
  const isoDay = (value: unknown) =>
    value ? (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10) : null;
  interface InvoiceState {
    reference: string | null;
    transactionDate: string;
    dueDate: string | null;
    taxCalculation: string;
    totals: number[];
    lines: Array<[string | null, number, number]>;
  }

  it('property: any subset of updateInvoice’s header fields changes exactly those, in the cache and in Xero', async () => {
    const created = await h.graphql<{ createInvoice: { record: { id: string } } }>(
      `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { record { id } } }`,
      {
        input: {
          organizationId: supplierId,
          reference: 'prop-invoice',
          transactionDate: '2026-01-05',
          dueDate: '2026-02-05',
          lines: [
            {
              description: 'Design',
              quantity: '3',
              unitPrice: '110',
              accountId: await h.idOf('accounts', "code = '200'"),
            },
            { description: 'Printing', quantity: '1', unitPrice: '55.5' },
          ],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createInvoice.record.id;
    const cached = async (): Promise<InvoiceState> => {
      const response = await h.graphql<{ invoice: Record<string, never> }>(INVOICE_STATE, { id });
      expect(response.errors).toBeUndefined();
      const invoice = response.data!.invoice as unknown as {
        reference: string | null;
        transactionDate: string;
        dueDate: string | null;
        taxCalculation: string;
        amount: { netAmount: string; taxAmount: string; totalAmount: string };
        lines: Array<{ description: string | null; quantity: string; unitPrice: string }>;
      };
      return {
        reference: invoice.reference || null,
        transactionDate: invoice.transactionDate,
        dueDate: invoice.dueDate,
        taxCalculation: invoice.taxCalculation,
        totals: [invoice.amount.netAmount, invoice.amount.taxAmount, invoice.amount.totalAmount].map(Number),
        lines: invoice.lines.map((line) => [line.description, Number(line.quantity), Number(line.unitPrice)]),
      };
    };
    const inXero = async (): Promise<InvoiceState> => {
      const [row] = await db().query('SELECT xero_id FROM invoices WHERE id = $1', [id]);
      const invoice = (await h.xero.accountingApi.getInvoice(h.xeroTenantId, row.xero_id)).body.invoices![0];
      const calculation = Object.entries(CALCULATIONS).find(
        ([, xero]) => xero === String(invoice.lineAmountTypes),
      );
      return {
        reference: invoice.reference || null,
        transactionDate: isoDay(invoice.date)!,
        dueDate: isoDay(invoice.dueDate),
        taxCalculation: calculation?.[0] ?? String(invoice.lineAmountTypes),
        totals: [invoice.subTotal, invoice.totalTax, invoice.total].map(Number),
        lines: (invoice.lineItems ?? []).map((line) => [
          line.description ?? null,
          Number(line.quantity),
          Number(line.unitAmount),
        ]),
      };
    };
    const day = (month: number, from: number, to: number) =>
      fc
        .integer({ min: from, max: to })
        .map((d) => `2026-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const update = fc.record(
      {
        reference: fc.option(fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/), { nil: null, freq: 5 }),
        transactionDate: day(1, 1, 28),
        dueDate: day(2, 1, 28),
        taxCalculation: fc.constantFrom('EXCLUSIVE', 'INCLUSIVE', 'NO_TAX'),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(update, async (input) => {
        const before = await cached();
        expect(await inXero()).toEqual(before);
        const response = await h.graphql(
          `mutation ($id: ID!, $input: InvoiceInput!) { updateInvoice(id: $id, input: $input, force: true) { record { id } } }`,
          { id, input },
        );
        expect(response.errors).toBeUndefined();
        const after = await cached();
        const { totals: _before, ...unchanged } = before;
        const { totals: _after, ...now } = after;
        expect(now).toEqual({
          ...unchanged,
          ...input,
          ...(input.reference === null ? { reference: null } : {}),
        });
        // Amounts are Xero's (they follow taxCalculation): the cache shows what Xero computed.
        expect(await inXero()).toEqual(after);
      }),
      { numRuns: 20, endOnFailure: true },
    );
  });
});

describe('the invoice keeps the person asked for (item 6)', () => {
  const INVOICE = `mutation ($input: InvoiceInput!) { createInvoice(input: $input) {
    record { id personId organizationId } syncStatus warnings } }`;

  it('createInvoice(personId: P2) stays P2 (Xero’s invoice names only the Contact), after landing and after a sync', async () => {
    const org = await createOrganization({
      name: unique('Two People'),
      people: [
        { firstName: 'Primary', email: 'p1@two-people.test', isPrimary: true },
        { firstName: 'Second', email: 'p2@two-people.test' },
      ],
    });
    const p2 = org.record.people.find((person) => person.firstName === 'Second')!.id;
    const response = await h.graphql<{
      createInvoice: { record: { id: string; personId: string; organizationId: string }; syncStatus: string };
    }>(INVOICE, {
      input: {
        personId: p2,
        reference: unique('inv-p2'),
        lines: [{ description: 'Advice', unitPrice: '10' }],
      },
    });
    expect(response.errors).toBeUndefined();
    const invoice = response.data!.createInvoice;
    expect(invoice.syncStatus).toBe('SYNCED');
    expect(invoice.record).toMatchObject({ personId: p2, organizationId: org.record.id });
    // Xero's invoice carries the Contact; the sync reading it again keeps the person the app chose.
    const [row] = await db().query('SELECT xero_id FROM invoices WHERE id = $1', [invoice.record.id]);
    const { body } = await h.xero.accountingApi.getInvoice(h.xeroTenantId, row.xero_id);
    expect(body.invoices![0].contact?.contactID).toBe((await xeroContactOf(org.record.id)).contactID);
    await h.gateway.gateway.services.sync!.scheduler.trigger(h.tenantId);
    const [after] = await db().query('SELECT person_id FROM invoices WHERE id = $1', [invoice.record.id]);
    expect(after.person_id).toBe(p2);
  });
});

describe('subscription events carry the entity as of the event or newer (item 7)', () => {
  it('50 rapid renames: every event’s entity name is its own or a later one, the last is the final name', async () => {
    const { record } = await createOrganization({ name: unique('Rename 0') });
    const names = Array.from({ length: 50 }, (_, index) => unique(`Rename ${index + 1}`));
    const [counter] = await db().query('SELECT last_seq FROM tenant_event_counters WHERE tenant_id = $1', [
      h.tenantId,
    ]);
    const { client } = connectWs(h.gateway.url, h.apiKey);
    try {
      const events = client.iterate({
        query: `subscription ($since: String) {
          entityChanged(since: $since, types: [Organization], includeOwnChanges: true) {
            entityId entity { ... on Organization { name } } } }`,
        variables: { since: String(counter.last_seq) },
      });
      const received = collect<{ entityChanged: { entityId: string; entity: { name: string } } }>(
        events,
        50,
        60_000,
      );
      for (const name of names) {
        const response = await h.graphql(UPDATE_ORG, { id: record.id, input: { name } });
        expect(response.errors).toBeUndefined();
      }
      const delivered = (await received)
        .filter((event) => event.entityChanged.entityId === record.id)
        .map((event) => names.indexOf(event.entityChanged.entity.name));
      expect(delivered).toHaveLength(50);
      // Event k is rename k: its entity shows that name or a later one, never an earlier one.
      const stale = delivered.flatMap((index, position) =>
        index < position ? [{ position, showed: index }] : [],
      );
      expect(stale).toEqual([]);
      expect(delivered.at(-1)).toBe(names.length - 1);
      await events.return?.();
    } finally {
      await client.dispose();
    }
  });
});

describe('widgets without a period are not limited by a count of days (item 8)', () => {
  it('balanceSheet over seven years and invoiceList / invoiceSummary from 2025-07-01 answer', async () => {
    const response = await h.graphql<{ widgets: Record<string, { from?: string }> }>(
      `{ widgets {
          balanceSheet(from: "2020-01-01", to: "2026-12-31") { __typename }
          invoiceList(from: "2025-07-01") { __typename }
          invoiceSummary(from: "2025-07-01") { __typename } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(Object.keys(response.data!.widgets)).toHaveLength(3);
  });

  it('a widget with a period argument still refuses too many periods, naming `period`', async () => {
    const response = await h.graphql(
      '{ widgets { salesGrowth(period: DAY, from: "2020-01-01", to: "2026-12-31") { __typename } } }',
    );
    expect(response.errors?.[0].message).toMatch(/period.*At most 520 periods/);
  });
});

describe('exact figures (item 13)', () => {
  it('a payment’s currency is its invoice’s, synced and written', async () => {
    const synced: Array<{ currency: string | null; invoice_currency: string }> = await db().query(
      `SELECT p.currency, i.currency AS invoice_currency FROM payments p JOIN invoices i ON i.id = p.invoice_id
        WHERE p.tenant_id = $1`,
      [h.tenantId],
    );
    expect(synced.length).toBeGreaterThan(0);
    for (const row of synced) expect(row.currency).toBe(row.invoice_currency);
    const invoice = await h.graphql<{ createInvoice: { record: { id: string } } }>(
      `mutation ($input: InvoiceInput!) { createInvoice(input: $input) { record { id } } }`,
      {
        input: {
          organizationId: supplierId,
          status: 'AUTHORISED',
          lines: [
            { description: 'Fee', unitPrice: '100', accountId: await h.idOf('accounts', "code = '200'") },
          ],
        },
      },
    );
    expect(invoice.errors).toBeUndefined();
    const payment = await h.graphql<{ createPayment: { record: { currency: string } } }>(
      `mutation ($input: PaymentInput!) { createPayment(input: $input) { record { currency } } }`,
      { input: { invoiceId: invoice.data!.createInvoice.record.id, amount: '10' } },
    );
    expect(payment.errors).toBeUndefined();
    expect(payment.data!.createPayment.record.currency).toBe('AUD');
  });

  it('leave worked out over three days is 22.8 units, not 22.799999999999997', async () => {
    const response = await h.graphql<{
      createLeaveApplication: { record: { periods: Array<{ units: string }> } };
    }>(
      `mutation ($input: LeaveApplicationInput!) { createLeaveApplication(input: $input) {
        record { periods { units } } } }`,
      {
        input: {
          employeeId: await h.idOf('employees', 'xero_id IS NOT NULL ORDER BY last_name'),
          leaveTypeId: await h.idOf('pay_items', "type = 'LEAVE'"),
          title: 'Three days',
          startDate: '2026-11-16',
          endDate: '2026-11-18',
        },
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.createLeaveApplication.record.periods.map((period) => period.units)).toEqual([
      '22.8',
    ]);
  });
});
