import { registerEnumType } from 'type-graphql';

/** Status of reference records (contacts, items, accounts, tax codes, pay items). */
export enum RecordStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
  DELETED = 'DELETED',
}

/** Invoice and credit note statuses, as in Xero. */
export enum TransactionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  AUTHORISED = 'AUTHORISED',
  PAID = 'PAID',
  VOIDED = 'VOIDED',
  DELETED = 'DELETED',
}

export enum PurchaseOrderStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  AUTHORISED = 'AUTHORISED',
  BILLED = 'BILLED',
  DELETED = 'DELETED',
}

/** Which side of the business a transaction is on: sales (Xero ACCREC) or purchases (ACCPAY). */
export enum PartyType {
  CUSTOMER = 'CUSTOMER',
  SUPPLIER = 'SUPPLIER',
}

export enum PaymentStatus {
  AUTHORISED = 'AUTHORISED',
  DELETED = 'DELETED',
}

export enum ItemType {
  PURCHASED = 'PURCHASED',
  SERVICE = 'SERVICE',
  INVENTORY = 'INVENTORY',
}

/** Xero LineAmountTypes. */
export enum TaxCalculation {
  EXCLUSIVE = 'EXCLUSIVE',
  INCLUSIVE = 'INCLUSIVE',
  NO_TAX = 'NO_TAX',
}

export enum AccountClass {
  ASSET = 'ASSET',
  LIABILITY = 'LIABILITY',
  EQUITY = 'EQUITY',
  REVENUE = 'REVENUE',
  EXPENSE = 'EXPENSE',
}

/** Xero account types. */
export enum AccountType {
  BANK = 'BANK',
  CURRENT = 'CURRENT',
  CURRLIAB = 'CURRLIAB',
  DEPRECIATN = 'DEPRECIATN',
  DIRECTCOSTS = 'DIRECTCOSTS',
  EQUITY = 'EQUITY',
  EXPENSE = 'EXPENSE',
  FIXED = 'FIXED',
  INVENTORY = 'INVENTORY',
  LIABILITY = 'LIABILITY',
  NONCURRENT = 'NONCURRENT',
  OTHERINCOME = 'OTHERINCOME',
  OVERHEADS = 'OVERHEADS',
  PREPAYMENT = 'PREPAYMENT',
  REVENUE = 'REVENUE',
  SALES = 'SALES',
  TERMLIAB = 'TERMLIAB',
  PAYGLIABILITY = 'PAYGLIABILITY',
  SUPERANNUATIONEXPENSE = 'SUPERANNUATIONEXPENSE',
  SUPERANNUATIONLIABILITY = 'SUPERANNUATIONLIABILITY',
  WAGESEXPENSE = 'WAGESEXPENSE',
}

export enum EmployeeStatus {
  ACTIVE = 'ACTIVE',
  TERMINATED = 'TERMINATED',
}

export enum SalaryType {
  SALARY = 'SALARY',
  HOURLY = 'HOURLY',
}

export enum PayItemType {
  EARNINGS = 'EARNINGS',
  DEDUCTION = 'DEDUCTION',
  LEAVE = 'LEAVE',
  REIMBURSEMENT = 'REIMBURSEMENT',
  BENEFIT = 'BENEFIT',
}

export enum PayRunStatus {
  DRAFT = 'DRAFT',
  POSTED = 'POSTED',
}

export enum ScheduleType {
  WEEKLY = 'WEEKLY',
  FORTNIGHTLY = 'FORTNIGHTLY',
  FOURWEEKLY = 'FOURWEEKLY',
  MONTHLY = 'MONTHLY',
  TWICEMONTHLY = 'TWICEMONTHLY',
  QUARTERLY = 'QUARTERLY',
}

export enum TimeSheetStatus {
  DRAFT = 'DRAFT',
  PROCESSED = 'PROCESSED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  REQUESTED = 'REQUESTED',
}

/** Xero LeavePeriodStatus. */
export enum LeavePeriodStatus {
  SCHEDULED = 'SCHEDULED',
  PROCESSED = 'PROCESSED',
  REQUESTED = 'REQUESTED',
  REJECTED = 'REJECTED',
}

const ENUMS: Array<[object, string, string]> = [
  [RecordStatus, 'RecordStatus', 'Lifecycle of a reference record; archived and deleted ones are kept.'],
  [TransactionStatus, 'TransactionStatus', 'Status of an invoice or credit note, as in Xero.'],
  [PurchaseOrderStatus, 'PurchaseOrderStatus', 'Status of a purchase order, as in Xero.'],
  [PartyType, 'PartyType', 'CUSTOMER for sales (Xero ACCREC), SUPPLIER for purchases (ACCPAY).'],
  [PaymentStatus, 'PaymentStatus', 'Status of a payment.'],
  [ItemType, 'ItemType', 'What kind of product or service an item is.'],
  [TaxCalculation, 'TaxCalculation', 'Whether line amounts include tax (Xero LineAmountTypes).'],
  [AccountClass, 'AccountClass', 'The class of an account in the chart of accounts.'],
  [AccountType, 'AccountType', "Xero's account type."],
  [EmployeeStatus, 'EmployeeStatus', 'Whether an employee is still employed.'],
  [SalaryType, 'SalaryType', 'Whether an employee is paid a salary or by the hour.'],
  [PayItemType, 'PayItemType', 'What a pay item pays or deducts.'],
  [PayRunStatus, 'PayRunStatus', 'Whether a pay run is still a draft or posted.'],
  [ScheduleType, 'ScheduleType', 'How often a pay schedule pays.'],
  [TimeSheetStatus, 'TimeSheetStatus', 'Status of a timesheet, as in Xero.'],
  [LeavePeriodStatus, 'LeavePeriodStatus', 'Status of one period of a leave application.'],
];
for (const [enumObject, name, description] of ENUMS) registerEnumType(enumObject, { name, description });
