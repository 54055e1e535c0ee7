/**
 * Per-entity data for the conflict tests (writes-conflicts.test.ts): how to create a record through the
 * gateway, which update mutation changes which field, and how to read and edit that field in Xero through
 * xero-node. One case per entity whose updates take `expectedUpdatedAt` and `force`.
 */
import { timestamp } from '../../src/sync/mappers/xero-value.util.js';
import type { WriteHarness } from './writes-harness.js';

export interface Created {
  id: string;
  updatedAt: string;
}

/** Xero's record as the tests compare it: the changed field and its UpdatedDateUTC. */
export interface InXero {
  value: string | null;
  updatedAt: string | null;
}

export interface ConflictCase {
  entity: string;
  mutation: string;
  inputType: string;
  /** The cache table and the column the change sets. */
  table: string;
  column: string;
  create(h: WriteHarness, n: number): Promise<Created>;
  /** The update input that sets the column to `value`. */
  change(value: string): Record<string, unknown>;
  /** The id of the record Xero holds it in (a person is part of its organization's Contact). */
  xeroIdSql: string;
  readXero(h: WriteHarness, xeroId: string): Promise<InXero>;
  editInXero(h: WriteHarness, xeroId: string, value: string): Promise<void>;
}

/** References the creates need, looked up once per harness. */
export interface CaseRefs {
  customerId: string;
  supplierId: string;
  salesAccountId: string;
  expensesAccountId: string;
  outputTaxId: string;
  inputTaxId: string;
}

export async function caseRefs(h: WriteHarness): Promise<CaseRefs> {
  return {
    customerId: await h.idOf('organizations', "status = 'ACTIVE' ORDER BY name"),
    supplierId: await h.idOf('organizations', "status = 'ACTIVE' ORDER BY name DESC"),
    salesAccountId: await h.idOf('accounts', "code = '200'"),
    expensesAccountId: await h.idOf('accounts', "code = '453'"),
    outputTaxId: await h.idOf('tax_codes', "xero_id = 'OUTPUT'"),
    inputTaxId: await h.idOf('tax_codes', "xero_id = 'INPUT'"),
  };
}

async function create(h: WriteHarness, type: string, input: Record<string, unknown>): Promise<Created> {
  const response = await h.graphql<Record<string, { record: Created; syncStatus: string }>>(
    `mutation ($input: ${type}Input!) { create${type}(input: $input) { record { id updatedAt } syncStatus } }`,
    { input },
  );
  const payload = response.data?.[`create${type}`];
  if (response.errors || payload?.syncStatus !== 'SYNCED') {
    throw new Error(`create${type}: ${JSON.stringify(response.errors ?? payload)}`);
  }
  return payload.record;
}

const inXero = (value: string | null | undefined, updatedAt: unknown): InXero => ({
  value: value ?? null,
  updatedAt: timestamp(updatedAt)?.toISOString() ?? null,
});

const byId = (table: string) => `SELECT xero_id FROM ${table} WHERE id = $1`;

export function conflictCases(refs: () => CaseRefs): ConflictCase[] {
  const line = (account: string, tax: string) => ({
    description: 'Conflict line',
    quantity: '1',
    unitPrice: '10',
    accountId: refs()[account as keyof CaseRefs],
    taxCodeId: refs()[tax as keyof CaseRefs],
  });
  const reference = { column: 'reference', change: (value: string) => ({ reference: value }) };
  return [
    {
      entity: 'invoice',
      mutation: 'updateInvoice',
      inputType: 'InvoiceInput',
      table: 'invoices',
      ...reference,
      create: (h, n) =>
        create(h, 'Invoice', {
          organizationId: refs().customerId,
          reference: `cf-${n}`,
          lines: [line('salesAccountId', 'outputTaxId')],
        }),
      xeroIdSql: byId('invoices'),
      async readXero(h, xeroId) {
        const [invoice] = (await h.xero.accountingApi.getInvoice(h.xeroTenantId, xeroId)).body.invoices ?? [];
        return inXero(invoice?.reference, invoice?.updatedDateUTC);
      },
      async editInXero(h, xeroId, value) {
        await h.xero.accountingApi.updateInvoice(h.xeroTenantId, xeroId, {
          invoices: [{ reference: value }],
        });
      },
    },
    {
      entity: 'credit note',
      mutation: 'updateCreditNote',
      inputType: 'CreditNoteInput',
      table: 'credit_notes',
      ...reference,
      create: (h, n) =>
        create(h, 'CreditNote', {
          organizationId: refs().customerId,
          reference: `cf-${n}`,
          lines: [line('salesAccountId', 'outputTaxId')],
        }),
      xeroIdSql: byId('credit_notes'),
      async readXero(h, xeroId) {
        const { body } = await h.xero.accountingApi.getCreditNote(h.xeroTenantId, xeroId);
        return inXero(body.creditNotes?.[0]?.reference, body.creditNotes?.[0]?.updatedDateUTC);
      },
      async editInXero(h, xeroId, value) {
        await h.xero.accountingApi.updateCreditNote(h.xeroTenantId, xeroId, {
          creditNotes: [{ reference: value }],
        });
      },
    },
    {
      entity: 'purchase order',
      mutation: 'updatePurchaseOrder',
      inputType: 'PurchaseOrderInput',
      table: 'purchase_orders',
      ...reference,
      create: (h, n) =>
        create(h, 'PurchaseOrder', {
          organizationId: refs().supplierId,
          reference: `cf-${n}`,
          lines: [line('expensesAccountId', 'inputTaxId')],
        }),
      xeroIdSql: byId('purchase_orders'),
      async readXero(h, xeroId) {
        const { body } = await h.xero.accountingApi.getPurchaseOrder(h.xeroTenantId, xeroId);
        return inXero(body.purchaseOrders?.[0]?.reference, body.purchaseOrders?.[0]?.updatedDateUTC);
      },
      async editInXero(h, xeroId, value) {
        await h.xero.accountingApi.updatePurchaseOrder(h.xeroTenantId, xeroId, {
          purchaseOrders: [{ reference: value } as never],
        });
      },
    },
    {
      entity: 'item',
      mutation: 'updateItem',
      inputType: 'ItemInput',
      table: 'items',
      column: 'description',
      change: (value) => ({ description: value }),
      create: (h, n) => create(h, 'Item', { code: `CF-${n}`, name: `Conflict item ${n}` }),
      xeroIdSql: byId('items'),
      async readXero(h, xeroId) {
        const [item] = (await h.xero.accountingApi.getItem(h.xeroTenantId, xeroId)).body.items ?? [];
        return inXero(item?.description, item?.updatedDateUTC);
      },
      async editInXero(h, xeroId, value) {
        const [item] = (await h.xero.accountingApi.getItem(h.xeroTenantId, xeroId)).body.items ?? [];
        await h.xero.accountingApi.updateItem(h.xeroTenantId, xeroId, {
          items: [{ code: item.code, description: value }],
        });
      },
    },
    {
      entity: 'account',
      mutation: 'updateAccount',
      inputType: 'AccountInput',
      table: 'accounts',
      column: 'description',
      change: (value) => ({ description: value }),
      create: (h, n) => create(h, 'Account', { code: `CF${n}`, name: `Conflict ${n}`, type: 'EXPENSE' }),
      xeroIdSql: byId('accounts'),
      async readXero(h, xeroId) {
        const [account] = (await h.xero.accountingApi.getAccount(h.xeroTenantId, xeroId)).body.accounts ?? [];
        return inXero(account?.description, account?.updatedDateUTC);
      },
      async editInXero(h, xeroId, value) {
        await h.xero.accountingApi.updateAccount(h.xeroTenantId, xeroId, {
          accounts: [{ description: value }],
        });
      },
    },
    {
      entity: 'organization',
      mutation: 'updateOrganization',
      inputType: 'OrganizationInput',
      table: 'organizations',
      column: 'code',
      change: (value) => ({ code: value }),
      create: (h, n) => create(h, 'Organization', { name: `Conflict Org ${n}` }),
      xeroIdSql: byId('organizations'),
      async readXero(h, xeroId) {
        const [contact] = (await h.xero.accountingApi.getContact(h.xeroTenantId, xeroId)).body.contacts ?? [];
        return inXero(contact?.accountNumber, contact?.updatedDateUTC);
      },
      async editInXero(h, xeroId, value) {
        await h.xero.accountingApi.updateContact(h.xeroTenantId, xeroId, {
          contacts: [{ accountNumber: value }],
        });
      },
    },
    {
      // The primary person: Xero holds its names on the Contact itself.
      entity: 'person',
      mutation: 'updatePerson',
      inputType: 'PersonInput',
      table: 'people',
      column: 'last_name',
      change: (value) => ({ lastName: value }),
      async create(h, n) {
        const organization = await create(h, 'Organization', { name: `Conflict People ${n}` });
        return create(h, 'Person', {
          organizationId: organization.id,
          firstName: 'Pat',
          lastName: `cf-${n}`,
          email: `pat${n}@conflict.test`,
          isPrimary: true,
        });
      },
      xeroIdSql:
        'SELECT o.xero_id FROM people p JOIN organizations o ON o.id = p.organization_id WHERE p.id = $1',
      async readXero(h, xeroId) {
        const [contact] = (await h.xero.accountingApi.getContact(h.xeroTenantId, xeroId)).body.contacts ?? [];
        return inXero(contact?.lastName, contact?.updatedDateUTC);
      },
      async editInXero(h, xeroId, value) {
        await h.xero.accountingApi.updateContact(h.xeroTenantId, xeroId, { contacts: [{ lastName: value }] });
      },
    },
    {
      // Xero keeps no UpdatedDateUTC on tax rates: a change there is found by content (currentUpdatedAt null).
      entity: 'tax code',
      mutation: 'updateTaxCode',
      inputType: 'TaxCodeInput',
      table: 'tax_codes',
      column: 'name',
      change: (value) => ({ name: value }),
      create: (h, n) =>
        create(h, 'TaxCode', {
          name: `Conflict tax ${n}`,
          reportTaxType: 'OUTPUT',
          components: [{ name: 'GST', rate: '10', isCompound: false }],
        }),
      xeroIdSql: byId('tax_codes'),
      async readXero(h, xeroId) {
        const [rate] =
          (await h.xero.accountingApi.getTaxRateByTaxType(h.xeroTenantId, xeroId)).body.taxRates ?? [];
        return inXero(rate?.name, undefined);
      },
      async editInXero(h, xeroId, value) {
        const [rate] =
          (await h.xero.accountingApi.getTaxRateByTaxType(h.xeroTenantId, xeroId)).body.taxRates ?? [];
        await h.xero.accountingApi.updateTaxRate(h.xeroTenantId, {
          taxRates: [{ taxType: xeroId, name: value, taxComponents: rate.taxComponents }],
        });
      },
    },
  ];
}
