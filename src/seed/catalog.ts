/** Fixed reference data and word lists the generator draws from (an Australian small business). */

/**
 * The day the generator's dates were written for: invoices and the rest go back two years from it, pay
 * runs and timesheets end on it. A run for another day moves it (and the few literal dates) by whole
 * weeks to on or before that day (see `World.anchor`).
 */
export const ANCHOR_DATE = '2026-06-30';

export const TAX_CODES = [
  { key: 'OUTPUT', name: 'GST on Income', taxType: 'OUTPUT', rate: 10, revenue: true, expenses: false },
  { key: 'INPUT', name: 'GST on Expenses', taxType: 'INPUT', rate: 10, revenue: false, expenses: true },
  {
    key: 'EXEMPTOUTPUT',
    name: 'GST Free Income',
    taxType: 'EXEMPTOUTPUT',
    rate: 0,
    revenue: true,
    expenses: false,
  },
  {
    key: 'EXEMPTEXPENSES',
    name: 'GST Free Expenses',
    taxType: 'EXEMPTEXPENSES',
    rate: 0,
    revenue: false,
    expenses: true,
  },
  {
    key: 'BASEXCLUDED',
    name: 'BAS Excluded',
    taxType: 'BASEXCLUDED',
    rate: 0,
    revenue: true,
    expenses: true,
  },
] as const;

export const ACCOUNTS = [
  { code: '090', name: 'Business Bank Account', class: 'ASSET', type: 'BANK', bank: true },
  { code: '091', name: 'Business Savings Account', class: 'ASSET', type: 'BANK', bank: true },
  { code: '200', name: 'Sales', class: 'REVENUE', type: 'REVENUE', bank: false },
  { code: '260', name: 'Other Revenue', class: 'REVENUE', type: 'OTHERINCOME', bank: false },
  { code: '310', name: 'Cost of Goods Sold', class: 'EXPENSE', type: 'DIRECTCOSTS', bank: false },
  { code: '400', name: 'Advertising', class: 'EXPENSE', type: 'EXPENSE', bank: false },
  { code: '429', name: 'General Expenses', class: 'EXPENSE', type: 'EXPENSE', bank: false },
  { code: '477', name: 'Wages and Salaries', class: 'EXPENSE', type: 'WAGESEXPENSE', bank: false },
  { code: '610', name: 'Accounts Receivable', class: 'ASSET', type: 'CURRENT', bank: false },
  { code: '630', name: 'Inventory', class: 'ASSET', type: 'INVENTORY', bank: false },
  { code: '710', name: 'Office Equipment', class: 'ASSET', type: 'FIXED', bank: false },
  { code: '800', name: 'Accounts Payable', class: 'LIABILITY', type: 'CURRLIAB', bank: false },
  { code: '820', name: 'GST', class: 'LIABILITY', type: 'CURRLIAB', bank: false },
  { code: '825', name: 'PAYG Withholdings Payable', class: 'LIABILITY', type: 'PAYGLIABILITY', bank: false },
  { code: '970', name: 'Owner A Funds Introduced', class: 'EQUITY', type: 'EQUITY', bank: false },
] as const;

export const COMPANY_WORDS = [
  'Acme',
  'Harbour',
  'Summit',
  'Koala',
  'Redgum',
  'Bluewater',
  'Southern',
  'Ironbark',
  'Coastal',
  'Outback',
  'Pioneer',
  'Granite',
  'Silver',
  'Wattle',
  'Eureka',
  'Banksia',
  'Meridian',
  'Horizon',
  'Capital',
  'Orbit',
];
export const COMPANY_KINDS = [
  'Traders',
  'Logistics',
  'Bakery',
  'Consulting',
  'Plumbing',
  'Design',
  'Hardware',
  'Cafe',
  'Motors',
  'Studio',
  'Electrical',
  'Florist',
  'Books',
  'Fitness',
  'Legal',
  'Dental',
  'Farms',
  'Media',
  'Labs',
  'Supplies',
];
export const SUFFIXES = ['Pty Ltd', 'Co', 'Group', '& Sons', 'Partners', 'Ltd'];

export const FIRST_NAMES = [
  'Olivia',
  'Jack',
  'Charlotte',
  'Noah',
  'Amelia',
  'William',
  'Isla',
  'Oliver',
  'Mia',
  'Thomas',
  'Ava',
  'James',
  'Grace',
  'Lucas',
  'Chloe',
  'Henry',
  'Zoe',
  'Leo',
  'Ruby',
  'Ethan',
  'Sophie',
  'Liam',
  'Emily',
  'Max',
];
export const LAST_NAMES = [
  'Smith',
  'Jones',
  'Williams',
  'Brown',
  'Wilson',
  'Taylor',
  'Nguyen',
  'Johnson',
  'Martin',
  'White',
  'Anderson',
  'Walker',
  'Thompson',
  'Harris',
  'Lee',
  'Ryan',
  'Robinson',
  'Kelly',
  'King',
  'Davis',
  'Wright',
  'Evans',
];
export const JOB_TITLES = [
  'Director',
  'Accounts Payable',
  'Office Manager',
  'Buyer',
  'Owner',
  'Operations Lead',
];
export const CITIES = [
  ['Sydney', 'NSW', '2000'],
  ['Melbourne', 'VIC', '3000'],
  ['Brisbane', 'QLD', '4000'],
  ['Perth', 'WA', '6000'],
  ['Adelaide', 'SA', '5000'],
  ['Hobart', 'TAS', '7000'],
] as const;
export const STREETS = ['George St', 'Collins St', 'Queen St', 'Hay St', 'King William St', 'Elizabeth St'];

export const PRODUCTS = [
  'Widget',
  'Gadget',
  'Consulting Hour',
  'Installation',
  'Cable',
  'Bracket',
  'Service Plan',
  'Filter',
  'Valve',
  'Licence',
  'Training Day',
  'Sensor',
  'Adapter',
  'Panel',
  'Pump',
  'Support Call',
  'Design Review',
  'Battery',
];
export const PRODUCT_GRADES = ['Basic', 'Standard', 'Premium', 'Pro', 'Mini', 'XL', 'Eco', 'Plus'];

export const PAY_ITEMS = [
  { type: 'EARNINGS', name: 'Ordinary Hours', rateType: 'RATEPERUNIT', multiplier: null, account: '477' },
  { type: 'EARNINGS', name: 'Overtime Hours', rateType: 'MULTIPLE', multiplier: '1.5', account: '477' },
  { type: 'DEDUCTION', name: 'Union Fees', rateType: 'FIXEDAMOUNT', multiplier: null, account: '825' },
  { type: 'LEAVE', name: 'Annual Leave', rateType: null, multiplier: null, account: null },
  { type: 'LEAVE', name: "Personal/Carer's Leave", rateType: null, multiplier: null, account: null },
  { type: 'REIMBURSEMENT', name: 'Travel Costs', rateType: 'FIXEDAMOUNT', multiplier: null, account: '429' },
] as const;
