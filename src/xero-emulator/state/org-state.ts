import { Collection } from '../core/collection.js';
import type { Rec } from '../core/errors.js';

export type PayrollRegion = 'AU' | 'US' | null;

export interface IdempotentResult {
  status: number;
  body: unknown;
  at: number;
}

/** Everything one Xero organisation holds. Records are kept in Xero's field names (PascalCase). */
export interface OrgState {
  tenantId: string;
  name: string;
  countryCode: string;
  baseCurrency: string;
  payrollRegion: PayrollRegion;
  organisation: Rec;
  contacts: Collection;
  items: Collection;
  invoices: Collection;
  creditNotes: Collection;
  purchaseOrders: Collection;
  accounts: Collection;
  taxRates: Collection;
  payments: Collection;
  payroll: {
    employees: Collection;
    calendars: Collection;
    payRuns: Collection;
    payslips: Collection;
    timesheets: Collection;
    leaveApplications: Collection;
    workLocations: Collection;
    payItems: Rec;
    settings: Rec;
  };
  counters: { invoice: number; creditNote: number; purchaseOrder: number };
  idempotency: Map<string, IdempotentResult>;
}

export function createOrgState(init: {
  tenantId: string;
  name: string;
  countryCode: string;
  baseCurrency: string;
  payrollRegion: PayrollRegion;
}): OrgState {
  return {
    ...init,
    organisation: {},
    contacts: new Collection('ContactID'),
    items: new Collection('ItemID'),
    invoices: new Collection('InvoiceID'),
    creditNotes: new Collection('CreditNoteID'),
    purchaseOrders: new Collection('PurchaseOrderID'),
    accounts: new Collection('AccountID'),
    taxRates: new Collection('TaxType'),
    payments: new Collection('PaymentID'),
    payroll: {
      employees: new Collection('EmployeeID'),
      calendars: new Collection(init.payrollRegion === 'US' ? 'PayScheduleID' : 'PayrollCalendarID'),
      payRuns: new Collection('PayRunID'),
      payslips: new Collection('PayslipID'),
      timesheets: new Collection('TimesheetID'),
      leaveApplications: new Collection('LeaveApplicationID'),
      workLocations: new Collection('WorkLocationID'),
      payItems: {},
      settings: {},
    },
    counters: { invoice: 0, creditNote: 0, purchaseOrder: 0 },
    idempotency: new Map(),
  };
}

export const COLLECTION_KEYS = [
  'contacts',
  'items',
  'invoices',
  'creditNotes',
  'purchaseOrders',
  'accounts',
  'taxRates',
  'payments',
] as const;
export const PAYROLL_COLLECTION_KEYS = [
  'employees',
  'calendars',
  'payRuns',
  'payslips',
  'timesheets',
  'leaveApplications',
  'workLocations',
] as const;
