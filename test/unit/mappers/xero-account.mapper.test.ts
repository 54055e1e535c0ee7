import { describe, expect, it } from 'vitest';
import type { Account } from 'xero-node';
import { AccountClass, AccountType, RecordStatus } from '../../../src/schema/enums.js';
import { mapXeroAccount } from '../../../src/sync/mappers/xero-account.mapper.js';
import { fromXero, modelExamples } from './openapi-examples.js';

const account = (json: Record<string, unknown>) => fromXero<Account>('accounting', 'Account', json);
const ID = 'ebd06280-af70-4bed-97c6-7451a454ad85';

describe('mapXeroAccount with the OpenAPI examples', () => {
  const cases = modelExamples<Account>('accounting', 'Accounts', 'accounts');

  it('has examples to run', () => expect(cases.length).toBeGreaterThan(4));

  it.each(cases)('maps $label', ({ raw, model }) => {
    const mapped = mapXeroAccount(model);
    expect(mapped).toMatchObject({ entity: 'Account', xeroId: raw.AccountID, missing: [], warnings: [] });
    expect(mapped.fields.type).toBe(raw.Type);
    expect(mapped.fields.status).toBe(raw.Status ?? RecordStatus.ACTIVE);
    expect(mapped.tombstone).toBe(raw.Status === 'DELETED' || raw.Status === 'ARCHIVED' ? raw.Status : null);
  });
});

describe('mapXeroAccount', () => {
  it('maps a bank account with its bank fields and payments enabled', () => {
    const mapped = mapXeroAccount(
      account({
        AccountID: ID,
        Code: '091',
        Name: 'Business Savings Account',
        Type: 'BANK',
        TaxType: 'NONE',
        EnablePaymentsToAccount: false,
        BankAccountNumber: '0209087654321050',
        BankAccountType: 'BANK',
        CurrencyCode: 'NZD',
        Status: 'ACTIVE',
      }),
    );
    expect(mapped.fields).toMatchObject({
      code: '091',
      class: AccountClass.ASSET,
      type: AccountType.BANK,
      bankAccountNumber: '0209087654321050',
      bankAccountType: 'BANK',
      currency: 'NZD',
      enablePayments: true,
    });
    expect(mapped.references.taxCodeId).toEqual({ entity: 'TaxCode', xeroId: 'NONE' });
  });

  it.each([
    ['ACTIVE', RecordStatus.ACTIVE, null],
    ['ARCHIVED', RecordStatus.ARCHIVED, 'ARCHIVED'],
    ['DELETED', RecordStatus.DELETED, 'DELETED'],
  ])('maps Status %s', (status, expected, tombstone) => {
    const mapped = mapXeroAccount(account({ AccountID: ID, Name: 'A', Type: 'SALES', Status: status }));
    expect([mapped.fields.status, mapped.tombstone]).toEqual([expected, tombstone]);
  });

  it.each([
    ['CURRENT', AccountClass.ASSET],
    ['CURRLIAB', AccountClass.LIABILITY],
    ['EQUITY', AccountClass.EQUITY],
    ['OTHERINCOME', AccountClass.REVENUE],
    ['OVERHEADS', AccountClass.EXPENSE],
    ['WAGESEXPENSE', AccountClass.EXPENSE],
  ])('derives the class of a %s account without Class', (type, expected) => {
    expect(mapXeroAccount(account({ AccountID: ID, Name: 'A', Type: type })).fields.class).toBe(expected);
  });

  it("takes Xero's Class when present and reads PAYG as PAYGLIABILITY", () => {
    const mapped = mapXeroAccount(account({ AccountID: ID, Name: 'A', Type: 'PAYG', Class: 'LIABILITY' }));
    expect(mapped.fields).toMatchObject({ type: AccountType.PAYGLIABILITY, class: AccountClass.LIABILITY });
  });

  it('maps BankAccountType NONE to null and does not enable payments on other accounts by default', () => {
    const mapped = mapXeroAccount(
      account({ AccountID: ID, Name: 'A', Type: 'EXPENSE', BankAccountType: 'NONE' }),
    );
    expect(mapped.fields).toMatchObject({ bankAccountType: null, enablePayments: false });
  });

  it('is total: an empty account falls back to an EXPENSE account and reports what is missing', () => {
    const mapped = mapXeroAccount(account({}));
    expect(mapped.fields).toMatchObject({
      type: AccountType.EXPENSE,
      class: AccountClass.EXPENSE,
      status: RecordStatus.ACTIVE,
    });
    expect(mapped.missing).toEqual(['Name', 'AccountID']);
    expect(mapped.warnings).toHaveLength(1);
  });
});
