/** Accounting scopes the sync needs; `offline_access` gives the refresh token. */
export const ACCOUNTING_SCOPES = [
  'offline_access',
  'accounting.transactions',
  'accounting.contacts',
  'accounting.settings',
  'accounting.reports.read',
];

/** Asked only when the admin ticks "Allow Payroll Access" (Payroll AU; the legacy US surface uses the same). */
export const PAYROLL_SCOPES = [
  'payroll.employees',
  'payroll.payruns',
  'payroll.payslip',
  'payroll.timesheets',
  'payroll.settings',
];
