/**
 * Scopes that open each API area. Xero's broad scopes (accounting.transactions) and the granular ones
 * introduced in 2026 (accounting.invoices, ...) are both accepted; a `.read` scope only opens GETs.
 */
const ACCOUNTING: Array<[RegExp, string[]]> = [
  [/^\/contacts/i, ['accounting.contacts']],
  [/^\/(invoices|creditnotes|purchaseorders|items)/i, ['accounting.transactions', 'accounting.invoices']],
  [/^\/payments/i, ['accounting.transactions', 'accounting.payments']],
  [/^\/(accounts|taxrates|organisation)/i, ['accounting.settings']],
  [
    /^\/reports/i,
    ['accounting.reports', 'accounting.reports.trialbalance', 'accounting.reports.balancesheet'],
  ],
];

const PAYROLL: Array<[RegExp, string[]]> = [
  [/^\/(employees|leaveapplications|workLocations)/i, ['payroll.employees']],
  [/^\/(payruns|payslip|payschedules)/i, ['payroll.payruns', 'payroll.payslip']],
  [/^\/timesheets/i, ['payroll.timesheets']],
  [/^\/(payitems|payrollcalendars|settings)/i, ['payroll.settings']],
];

export function requiredScopes(
  api: 'accounting' | 'payroll',
  path: string,
  method: string,
): string[] | undefined {
  const table = api === 'accounting' ? ACCOUNTING : PAYROLL;
  const hit = table.find(([re]) => re.test(path));
  if (!hit) return undefined;
  const read = method === 'GET';
  return hit[1].flatMap((s) => (read || s.startsWith('accounting.reports') ? [s, `${s}.read`] : [s]));
}
