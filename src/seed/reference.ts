import type { CacheRecord } from '../cache/upsert.js';
import { ACCOUNTS, TAX_CODES } from './catalog.js';
import type { Ledger } from './sales.js';
import type { World } from './world.js';

/** The company, its tax codes and chart of accounts. */
export function referenceData(world: World) {
  const company = world.record('Company', {
    name: `${world.tenant} Pty Ltd`,
    legalName: `${world.tenant} Holdings Pty Ltd`,
    countryCode: 'AU',
    baseCurrency: 'AUD',
    financialYearEndDay: 30,
    financialYearEndMonth: 6,
    timezone: 'AUSEASTERNSTANDARDTIME',
    payrollRegion: 'AU',
  });
  const taxCodes = TAX_CODES.map((code) =>
    world.record('TaxCode', {
      name: code.name,
      taxType: code.taxType,
      status: 'ACTIVE',
      effectiveRate: String(code.rate),
      components: [{ name: 'GST', rate: String(code.rate), isCompound: false }],
      canApplyToRevenue: code.revenue,
      canApplyToExpenses: code.expenses,
      canApplyToAssets: false,
      canApplyToLiabilities: false,
    }),
  );
  const accounts = ACCOUNTS.map((account) =>
    world.record('Account', {
      code: account.code,
      name: account.name,
      description: null,
      status: 'ACTIVE',
      class: account.class,
      type: account.type,
      bankAccountNumber: account.bank ? `062-000 ${account.code}1234` : null,
      bankAccountType: account.bank ? 'BANK' : null,
      currency: account.bank ? 'AUD' : null,
      enablePayments: account.bank,
      taxCodeId:
        account.class === 'REVENUE' ? taxCodes[0].id : account.class === 'EXPENSE' ? taxCodes[1].id : null,
    }),
  );
  const accountId = (code: string) => accounts[ACCOUNTS.findIndex((account) => account.code === code)].id;
  const ledger: Ledger = {
    taxRates: new Map(TAX_CODES.map((code, index) => [taxCodes[index].id, code.rate])),
    salesAccount: accountId('200'),
    costAccount: accountId('310'),
    bankAccounts: [accountId('090'), accountId('091')],
  };
  return { company: [company] as CacheRecord[], taxCodes, accounts, ledger };
}
