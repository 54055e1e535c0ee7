import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWriteHarness, type WriteHarness } from './writes-harness.js';

const FIELDS = `record { id code name type status syncStatus taxCodeId } syncStatus warnings operationId`;
const CREATE = `mutation ($input: AccountInput!) { createAccount(input: $input) { ${FIELDS} } }`;
const UPSERT = `mutation ($externalId: ExternalIdInput!, $input: AccountInput!) {
  upsertAccount(externalId: $externalId, input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation ($id: ID!) { archiveAccount(id: $id) { ${FIELDS} } }`;

interface Payload {
  record: { id: string; code: string; status: string; syncStatus: string; taxCodeId: string | null };
  syncStatus: string;
}

let h: WriteHarness;
let gstIn: string;
beforeAll(async () => {
  h = await startWriteHarness();
  gstIn = await h.idOf('tax_codes', "xero_id = 'INPUT'");
});
afterAll(async () => {
  await h?.stop();
});

async function xeroAccount(code: string) {
  const { body } = await h.xero.accountingApi.getAccounts(h.xeroTenantId, undefined, `Code=="${code}"`);
  return body.accounts?.[0];
}

describe('account writes', () => {
  it('creates an account in Xero with its tax code, SYNCED with one event', async () => {
    const response = await h.graphql<{ createAccount: Payload }>(CREATE, {
      input: { code: '455', name: 'Software', type: 'EXPENSE', taxCodeId: gstIn },
    });
    expect(response.errors).toBeUndefined();
    const payload = response.data!.createAccount;
    expect(payload.record).toMatchObject({ code: '455', syncStatus: 'SYNCED', taxCodeId: gstIn });
    const inXero = await xeroAccount('455');
    expect(inXero).toMatchObject({ name: 'Software', taxType: 'INPUT' });
    expect(
      await h.count('SELECT count(*) n FROM sync_events WHERE entity_id = $1', [payload.record.id]),
    ).toBe(1);
  });

  it('archives an account in Xero and keeps it as ARCHIVED', async () => {
    const created = await h.graphql<{ createAccount: Payload }>(CREATE, {
      input: { code: '498', name: 'Old costs', type: 'OVERHEADS' },
    });
    const response = await h.graphql<{ archiveAccount: Payload }>(ARCHIVE, {
      id: created.data!.createAccount.record.id,
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.archiveAccount.record.status).toBe('ARCHIVED');
    expect(String((await xeroAccount('498'))?.status)).toBe('ARCHIVED');
  });

  it('upserts by the app’s own id: the same call twice makes one account', async () => {
    const variables = {
      externalId: { provider: 'erp', id: 'GL-497' },
      input: { code: '497', name: 'Tools', type: 'EXPENSE' },
    };
    const first = await h.graphql<{ upsertAccount: Payload }>(UPSERT, variables);
    const second = await h.graphql<{ upsertAccount: Payload }>(UPSERT, variables);
    expect(first.errors).toBeUndefined();
    expect(second.data!.upsertAccount.record.id).toBe(first.data!.upsertAccount.record.id);
    expect(await h.count("SELECT count(*) n FROM accounts WHERE code = '497'")).toBe(1);
    const { body } = await h.xero.accountingApi.getAccounts(h.xeroTenantId, undefined, 'Code=="497"');
    expect(body.accounts).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a missing type', { code: '496', name: 'No type' }, 'type', /needs a type/],
    ['an overlong code', { code: '12345678901', name: 'Long', type: 'EXPENSE' }, 'code', /10/],
    [
      'a BANK account without its number',
      { name: 'New bank', type: 'BANK' },
      'bankAccountNumber',
      /bank account number/,
    ],
    ['a code already used', { code: '200', name: 'Dup', type: 'REVENUE' }, 'code', /unique/],
  ])('refuses %s with BAD_USER_INPUT and changes nothing', async (_label, input, path, message) => {
    const state = async () => [
      await h.count('SELECT count(*) n FROM accounts'),
      await h.count('SELECT count(*) n FROM outbound_ops'),
      (await h.xero.accountingApi.getAccounts(h.xeroTenantId)).body.accounts?.length,
    ];
    const before = await state();
    const response = await h.graphql(CREATE, { input });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fieldErrors = response.errors?.[0].extensions?.fieldErrors as Array<{
      path: string;
      message: string;
    }>;
    expect(fieldErrors.find((e) => e.path === path)?.message).toMatch(message);
    expect(await state()).toEqual(before);
  });
});
