import type { Account } from '../../schema/account.entity.js';
import type { Company } from '../../schema/company.entity.js';
import type { ConnecEntity, TenantOwned } from '../../schema/connec-entity.js';
import type { CreditNote, CreditNoteAllocation, CreditNoteLine } from '../../schema/credit-note.entity.js';
import type { Employee } from '../../schema/employee.entity.js';
import type { EmployeeSalary } from '../../schema/employee-salary.entity.js';
import type { Invoice, InvoiceLine } from '../../schema/invoice.entity.js';
import type { Item } from '../../schema/item.entity.js';
import type { LeaveApplication, LeavePeriod } from '../../schema/leave-application.entity.js';
import type { Organization } from '../../schema/organization.entity.js';
import type { PayItem } from '../../schema/pay-item.entity.js';
import type { PayRun, Payslip } from '../../schema/pay-run.entity.js';
import type { PaySchedule } from '../../schema/pay-schedule.entity.js';
import type { Payment } from '../../schema/payment.entity.js';
import type { Person } from '../../schema/person.entity.js';
import type { PurchaseOrder, PurchaseOrderLine } from '../../schema/purchase-order.entity.js';
import type { TaxCode } from '../../schema/tax-code.entity.js';
import type { TimeSheet, TimeSheetLine } from '../../schema/time-sheet.entity.js';
import type { WorkLocation } from '../../schema/work-location.entity.js';

/**
 * What the Xero -> Connec! mappers produce: plain data, no entity instances. The sync engine resolves
 * `references` through the id map (or by code) and hands `fields` to the cache writer.
 *
 * Entity names are the GraphQL type names, the same strings `id_map.entity` stores.
 */
export type ConnecEntityType =
  | 'Organization'
  | 'Person'
  | 'Item'
  | 'Invoice'
  | 'PurchaseOrder'
  | 'Account'
  | 'CreditNote'
  | 'TaxCode'
  | 'Payment'
  | 'Company'
  | 'Employee'
  | 'EmployeeSalary'
  | 'PayItem'
  | 'PayRun'
  | 'PaySchedule'
  | 'TimeSheet'
  | 'WorkLocation'
  | 'LeaveApplication';

/**
 * A link to another record. Xero refers to most records by GUID (`xeroId`; for TaxCode the TaxType,
 * for Person the key from `personKey`), but line items name their item by ItemCode and often their
 * account by AccountCode only: those refs carry `code` and are resolved by `(tenant, code)` in the cache.
 */
export type RecordRef =
  | { entity: ConnecEntityType; xeroId: string }
  | { entity: 'Item' | 'Account'; code: string };

/** Reference columns (camelCase property names) -> what they point to; arrays for `workLocationIds`. */
export type References = Record<string, RecordRef | RecordRef[] | null>;

/** Why a record is gone in Xero: it is kept in the cache as a tombstone with its status. */
export type Tombstone = 'ARCHIVED' | 'VOIDED' | 'DELETED';

/** A line, allocation, payslip or period: no identity in the cache beyond its parent (and Xero's line id). */
export interface MappedChild<F> {
  /** Xero's id of the child when it has one (LineItemID, AllocationID, PayslipID), else null. */
  xeroId: string | null;
  fields: F;
  references: References;
}

export type ChildLists = Record<string, Array<MappedChild<unknown>>>;

export interface MappedRecord<F, C extends ChildLists = Record<never, never>> {
  entity: ConnecEntityType;
  /** The Xero GUID (TaxRates: the TaxType; Person: `personKey`; derived keys for AU salaries). */
  xeroId: string;
  /** Xero's UpdatedDateUTC, or null where Xero has none (TaxRates, Organisation, US payroll items). */
  remoteUpdatedAt: Date | null;
  /** Column values named as the entity's properties; money and quantities as exact decimal strings. */
  fields: F;
  references: References;
  children: C;
  tombstone: Tombstone | null;
  /** Quirks handled with a fallback (an unknown enum value, a duplicate person): log them, write anyway. */
  warnings: string[];
  /**
   * Fields Xero must send but did not (the id, a timesheet's dates). When non-empty, `fields` hold
   * placeholders for them and the record must not be written: log it and skip it.
   */
  missing: string[];
}

/** Columns the base classes own, or that are references resolved by the sync engine. */
type BaseKeys = keyof ConnecEntity;
type ChildBaseKeys = keyof TenantOwned;

export type OrganizationFields = Omit<Organization, BaseKeys>;
export type PersonFields = Omit<Person, BaseKeys | 'organizationId'>;
export type ItemFields = Omit<
  Item,
  BaseKeys | 'saleTaxCodeId' | 'purchaseTaxCodeId' | 'saleAccountId' | 'purchaseAccountId'
>;
type TransactionKeys = BaseKeys | 'organizationId' | 'personId' | 'amount';
type LineKeys = ChildBaseKeys | 'itemId' | 'accountId' | 'taxCodeId' | 'amount';
export type InvoiceFields = Omit<Invoice, TransactionKeys>;
export type InvoiceLineFields = Omit<InvoiceLine, LineKeys | 'invoiceId' | 'invoice'>;
export type PurchaseOrderFields = Omit<PurchaseOrder, TransactionKeys>;
export type PurchaseOrderLineFields = Omit<PurchaseOrderLine, LineKeys | 'purchaseOrderId' | 'purchaseOrder'>;
export type CreditNoteFields = Omit<CreditNote, TransactionKeys>;
export type CreditNoteLineFields = Omit<CreditNoteLine, LineKeys | 'creditNoteId' | 'creditNote'>;
export type CreditNoteAllocationFields = Omit<
  CreditNoteAllocation,
  ChildBaseKeys | 'creditNoteId' | 'creditNote' | 'invoiceId'
>;
export type AccountFields = Omit<Account, BaseKeys | 'taxCodeId'>;
export type TaxCodeFields = Omit<TaxCode, BaseKeys>;
export type PaymentFields = Omit<Payment, BaseKeys | 'accountId' | 'invoiceId' | 'creditNoteId'>;
export type CompanyFields = Omit<Company, BaseKeys>;
export type EmployeeFields = Omit<Employee, BaseKeys | 'payScheduleId' | 'workLocationIds'>;
export type EmployeeSalaryFields = Omit<EmployeeSalary, BaseKeys | 'employeeId' | 'payItemId'>;
export type PayItemFields = Omit<PayItem, BaseKeys>;
export type PayRunFields = Omit<PayRun, BaseKeys | 'payScheduleId'>;
export type PayslipFields = Omit<Payslip, ChildBaseKeys | 'payRunId' | 'payRun' | 'employeeId'>;
export type PayScheduleFields = Omit<PaySchedule, BaseKeys>;
export type TimeSheetFields = Omit<TimeSheet, BaseKeys | 'employeeId'>;
export type TimeSheetLineFields = Omit<
  TimeSheetLine,
  ChildBaseKeys | 'timeSheetId' | 'timeSheet' | 'payItemId' | 'workLocationId'
>;
export type WorkLocationFields = Omit<WorkLocation, BaseKeys>;
export type LeaveApplicationFields = Omit<LeaveApplication, BaseKeys | 'employeeId' | 'payItemId'>;
export type LeavePeriodFields = Omit<LeavePeriod, ChildBaseKeys | 'leaveApplicationId' | 'leaveApplication'>;

export type MappedInvoice = MappedRecord<InvoiceFields, { lines: Array<MappedChild<InvoiceLineFields>> }>;
export type MappedPurchaseOrder = MappedRecord<
  PurchaseOrderFields,
  { lines: Array<MappedChild<PurchaseOrderLineFields>> }
>;
export type MappedCreditNote = MappedRecord<
  CreditNoteFields,
  {
    lines: Array<MappedChild<CreditNoteLineFields>>;
    allocations: Array<MappedChild<CreditNoteAllocationFields>>;
  }
>;
export type MappedPayRun = MappedRecord<PayRunFields, { payslips: Array<MappedChild<PayslipFields>> }>;
export type MappedTimeSheet = MappedRecord<
  TimeSheetFields,
  { lines: Array<MappedChild<TimeSheetLineFields>> }
>;
export type MappedLeaveApplication = MappedRecord<
  LeaveApplicationFields,
  { periods: Array<MappedChild<LeavePeriodFields>> }
>;

/** One account's balance on a date, from the TrialBalance report (no entity yet: widgets read these). */
export interface AccountBalanceSnapshot {
  accountXeroId: string;
  /** The report date, `YYYY-MM-DD`. */
  date: string;
  /** Balance as at the date (the report's YTD columns), debit and credit sides. */
  debit: string;
  credit: string;
  /** debit - credit: positive for debit balances (assets, expenses), negative for credit ones. */
  balance: string;
  /** Movement in the month ending on the date (the report's Debit and Credit columns). */
  periodDebit: string;
  periodCredit: string;
}
