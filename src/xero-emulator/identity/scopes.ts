/**
 * Scopes that open each API area. Xero's broad scopes (accounting.transactions, accounting.reports.read)
 * and the granular ones of 2026 (accounting.invoices, accounting.payments, accounting.reports.<report>.read,
 * ...) both open the API; a `.read` scope only opens GETs. Which ones an app may *ask for* depends on when
 * it was created (see `refusedScopes`).
 * https://developer.xero.com/documentation/guides/oauth2/scopes , https://developer.xero.com/faq/granular-scopes
 */
const ACCOUNTING: Array<[RegExp, string[]]> = [
  [/^\/contacts/i, ['accounting.contacts']],
  [/^\/(invoices|creditnotes|purchaseorders|items)/i, ['accounting.transactions', 'accounting.invoices']],
  [/^\/payments/i, ['accounting.transactions', 'accounting.payments']],
  [/^\/(accounts|taxrates|organisation)/i, ['accounting.settings']],
  // Reports are read-only: the broad accounting.reports.read, or the one report's granular scope.
  [/^\/reports\/trialbalance/i, ['accounting.reports.read', 'accounting.reports.trialbalance.read']],
  [/^\/reports\/balancesheet/i, ['accounting.reports.read', 'accounting.reports.balancesheet.read']],
  [/^\/reports/i, ['accounting.reports.read']],
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
  return hit[1].flatMap((s) => (s.endsWith('.read') ? [s] : read ? [s, `${s}.read`] : [s]));
}

/** The day from which newly created Xero apps get granular scopes only. */
export const GRANULAR_SCOPES_FROM = '2026-03-02';

/** The broad scopes an app created on or after GRANULAR_SCOPES_FROM may not request. */
export const BROAD_SCOPES = [
  'accounting.transactions',
  'accounting.transactions.read',
  'accounting.reports.read',
];

/**
 * The requested scopes Xero refuses (with `invalid_scope`) for an app created on `clientCreatedOn`
 * (`YYYY-MM-DD`): the broad ones when the app is new. An older app may ask for broad and granular scopes,
 * mixed, until September 2027.
 */
export function refusedScopes(requested: string[], clientCreatedOn: string): string[] {
  return clientCreatedOn >= GRANULAR_SCOPES_FROM ? requested.filter((s) => BROAD_SCOPES.includes(s)) : [];
}
