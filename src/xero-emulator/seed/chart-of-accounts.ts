import type { Rec } from '../core/errors.js';

type Country = 'AU' | 'US' | 'GB';

/** Tax rates per region: [TaxType, Name, rate, revenue?, expenses?]. */
export const TAX_RATES: Record<Country, Array<[string, string, number]>> = {
  AU: [
    ['OUTPUT', 'GST on Income', 10],
    ['INPUT', 'GST on Expenses', 10],
    ['EXEMPTOUTPUT', 'GST Free Income', 0],
    ['EXEMPTEXPENSES', 'GST Free Expenses', 0],
    ['BASEXCLUDED', 'BAS Excluded', 0],
    ['NONE', 'No GST', 0],
  ],
  US: [
    ['TAX001', 'Sales Tax on Income', 8.5],
    ['NONE', 'Tax Exempt', 0],
    ['INPUT', 'Tax on Purchases', 0],
  ],
  GB: [
    ['OUTPUT2', '20% (VAT on Income)', 20],
    ['INPUT2', '20% (VAT on Expenses)', 20],
    ['ZERORATEDOUTPUT', 'Zero Rated Income', 0],
    ['NONE', 'No VAT', 0],
  ],
};

export function taxRateRecords(country: Country, now: number): Rec[] {
  return TAX_RATES[country].map(([TaxType, Name, rate]) => ({
    TaxType,
    Name,
    TaxComponents: [
      { Name: Name.replace(/ on .*/, ''), Rate: rate, IsCompound: false, IsNonRecoverable: false },
    ],
    Status: 'ACTIVE',
    ReportTaxType: rate > 0 ? (TaxType.startsWith('IN') ? 'INPUT' : 'OUTPUT') : 'EXEMPTOUTPUT',
    CanApplyToAssets: true,
    CanApplyToEquity: true,
    CanApplyToExpenses: true,
    CanApplyToLiabilities: true,
    CanApplyToRevenue: true,
    DisplayTaxRate: rate,
    EffectiveRate: rate,
    UpdatedDateUTC: now,
  }));
}

/** [Code, Name, Type, SystemAccount?, extras] — a small version of Xero's demo chart. */
export const ACCOUNTS: Array<[string, string, string, string | undefined, Rec?]> = [
  [
    '090',
    'Business Bank Account',
    'BANK',
    undefined,
    { BankAccountNumber: '062-000 12345678', BankAccountType: 'BANK' },
  ],
  [
    '091',
    'Business Savings Account',
    'BANK',
    undefined,
    { BankAccountNumber: '062-000 87654321', BankAccountType: 'BANK' },
  ],
  ['200', 'Sales', 'REVENUE', undefined, { tax: 'sale' }],
  ['260', 'Other Revenue', 'OTHERINCOME', undefined, { tax: 'sale' }],
  ['310', 'Cost of Goods Sold', 'DIRECTCOSTS', undefined, { tax: 'purchase' }],
  ['400', 'Advertising', 'OVERHEADS', undefined, { tax: 'purchase' }],
  ['429', 'General Expenses', 'OVERHEADS', undefined, { tax: 'purchase' }],
  ['453', 'Office Expenses', 'OVERHEADS', undefined, { tax: 'purchase' }],
  ['469', 'Rent', 'OVERHEADS', undefined, { tax: 'purchase' }],
  ['477', 'Wages and Salaries', 'OVERHEADS', undefined, { tax: 'none' }],
  ['499', 'Old Marketing Costs', 'OVERHEADS', undefined, { tax: 'purchase', Status: 'ARCHIVED' }],
  ['610', 'Accounts Receivable', 'CURRENT', 'DEBTORS', { tax: 'none' }],
  ['630', 'Inventory', 'INVENTORY', undefined, { tax: 'none' }],
  ['710', 'Office Equipment', 'FIXED', undefined, { tax: 'purchase' }],
  ['800', 'Accounts Payable', 'CURRLIAB', 'CREDITORS', { tax: 'none' }],
  ['820', 'Sales Tax', 'CURRLIAB', 'GST', { tax: 'none' }],
  ['880', 'Owner A Drawings', 'CURRLIAB', undefined, { tax: 'none', EnablePaymentsToAccount: true }],
  ['960', 'Retained Earnings', 'EQUITY', 'RETAINEDEARNINGS', { tax: 'none' }],
  ['970', 'Owner A Funds Introduced', 'EQUITY', undefined, { tax: 'none', EnablePaymentsToAccount: true }],
  // 140 and 500 are the codes Xero's own spec examples use for tracked items.
  ['140', 'Inventory Asset', 'INVENTORY', undefined, { tax: 'none' }],
  ['500', 'Purchases', 'DIRECTCOSTS', undefined, { tax: 'purchase' }],
];
