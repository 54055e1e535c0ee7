import { OutboundOp } from '../sync/outbound/outbound-op.entity.js';
import { OutboundWorkerRow } from '../sync/outbound/worker-presence.js';
import { AccountBalance } from '../widgets/account-balance.entity.js';
import { AccountSystemRole } from '../widgets/account-system-role.entity.js';
import { LedgerDaily, LedgerDocPosting } from '../widgets/ledger-posting.entity.js';
import { SalesDaily, SalesDocItem } from '../widgets/sales-daily.entity.js';
import { WidgetAggregateState } from '../widgets/widget-aggregate-state.entity.js';
import { Account } from './account.entity.js';
import { ApiKey } from './api-key.entity.js';
import { App } from './app.entity.js';
import { Company } from './company.entity.js';
import { CreditNote, CreditNoteAllocation, CreditNoteLine } from './credit-note.entity.js';
import { Employee } from './employee.entity.js';
import { EmployeeSalary } from './employee-salary.entity.js';
import { IdMapEntry } from './id-map.entity.js';
import { Invoice, InvoiceLine } from './invoice.entity.js';
import { Item } from './item.entity.js';
import { LeaveApplication, LeavePeriod } from './leave-application.entity.js';
import { Organization } from './organization.entity.js';
import { PayItem } from './pay-item.entity.js';
import { PayRun, Payslip } from './pay-run.entity.js';
import { PaySchedule } from './pay-schedule.entity.js';
import { Payment } from './payment.entity.js';
import { Person } from './person.entity.js';
import { PurchaseOrder, PurchaseOrderLine } from './purchase-order.entity.js';
import { SyncEvent, TenantEventCounter } from './sync-event.entity.js';
import { SyncRun, SyncState } from './sync-state.entity.js';
import { TaxCode } from './tax-code.entity.js';
import { Tenant } from './tenant.entity.js';
import { TimeSheet, TimeSheetLine } from './time-sheet.entity.js';
import { WorkLocation } from './work-location.entity.js';
import { XeroAuthorization } from './xero-authorization.entity.js';
import { XeroConnection } from './xero-connection.entity.js';
import { XeroApiCall, XeroRateState } from './xero-rate-limit.entity.js';

/** The Connec! entities cached per tenant, with their line tables. */
export const cacheEntities = [
  Organization,
  Person,
  Item,
  Invoice,
  InvoiceLine,
  PurchaseOrder,
  PurchaseOrderLine,
  Account,
  CreditNote,
  CreditNoteLine,
  CreditNoteAllocation,
  TaxCode,
  Payment,
  Company,
  Employee,
  EmployeeSalary,
  PayItem,
  PayRun,
  Payslip,
  PaySchedule,
  TimeSheet,
  TimeSheetLine,
  WorkLocation,
  LeaveApplication,
  LeavePeriod,
];

/** The sync engine's own tables: connections, rate-limit ledger, sync progress. */
export const syncEntities = [
  XeroConnection,
  XeroAuthorization,
  XeroApiCall,
  XeroRateState,
  SyncState,
  SyncRun,
];

/** Every TypeORM entity of the gateway; the data source and the migration generator read this list. */
export const entities = [
  Tenant,
  App,
  ApiKey,
  ...cacheEntities,
  IdMapEntry,
  SyncEvent,
  TenantEventCounter,
  ...syncEntities,
  OutboundOp,
  OutboundWorkerRow,
  AccountBalance,
  AccountSystemRole,
  WidgetAggregateState,
  LedgerDocPosting,
  LedgerDaily,
  SalesDocItem,
  SalesDaily,
];
