/**
 * The OAuth scopes the gateway asks Xero for. Xero split its broad `accounting.transactions` and
 * `accounting.reports.read` into granular scopes: apps created on or after 2 March 2026 can only ask for
 * the granular ones; older apps may keep the broad ones until September 2027 (and may ask for the
 * granular ones from April 2026). `XERO_SCOPE_SET` says which set the app is allowed.
 * https://developer.xero.com/faq/granular-scopes , https://developer.xero.com/documentation/guides/oauth2/scopes
 */
export type XeroScopeSet = 'granular' | 'broad';

/**
 * What the sync needs from a new (granular) app: invoices, credit notes, purchase orders and items
 * (`accounting.invoices`), payments (`accounting.payments`), contacts, settings (accounts, tax rates,
 * organisation) and the trial balance report. `offline_access` gives the refresh token.
 */
export const GRANULAR_ACCOUNTING_SCOPES = [
  'offline_access',
  'accounting.invoices',
  'accounting.payments',
  'accounting.contacts',
  'accounting.settings',
  'accounting.reports.trialbalance.read',
];

/** The same for an app created before 2 March 2026 that still uses Xero's broad scopes. */
export const BROAD_ACCOUNTING_SCOPES = [
  'offline_access',
  'accounting.transactions',
  'accounting.contacts',
  'accounting.settings',
  'accounting.reports.read',
];

/** The accounting scopes of the default set (granular). */
export const ACCOUNTING_SCOPES = GRANULAR_ACCOUNTING_SCOPES;

/** The accounting scopes to ask for with the given set. */
export function accountingScopes(set: XeroScopeSet = 'granular'): string[] {
  return set === 'broad' ? BROAD_ACCOUNTING_SCOPES : GRANULAR_ACCOUNTING_SCOPES;
}

/**
 * Asked only when the admin ticks "Allow Payroll Access" (Payroll AU; the legacy US surface uses the same).
 * Xero's granular change leaves the payroll scopes as they were, for old and new apps alike.
 */
export const PAYROLL_SCOPES = [
  'payroll.employees',
  'payroll.payruns',
  'payroll.payslip',
  'payroll.timesheets',
  'payroll.settings',
];
