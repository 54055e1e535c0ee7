import type { EntityManager } from 'typeorm';
import type { XeroClient } from 'xero-node';
import { writeAccountBalances, writeAccountSystemRoles } from '../../widgets/account-balances.writer.js';
import { today } from '../../widgets/widget-period.js';
import { mapXeroAccount } from '../mappers/xero-account.mapper.js';
import { mapXeroAuEmployee } from '../mappers/xero-au-employee.mapper.js';
import { mapXeroAuLeaveApplication } from '../mappers/xero-au-leave-application.mapper.js';
import { mapXeroAuPayItems } from '../mappers/xero-au-pay-items.mapper.js';
import { mapXeroAuPayRun } from '../mappers/xero-au-pay-run.mapper.js';
import { mapXeroAuPayrollCalendar } from '../mappers/xero-au-payroll-calendar.mapper.js';
import { mapXeroAuTimesheet } from '../mappers/xero-au-timesheet.mapper.js';
import { mapXeroContact } from '../mappers/xero-contact.mapper.js';
import { mapXeroCreditNote } from '../mappers/xero-credit-note.mapper.js';
import { mapXeroInvoice } from '../mappers/xero-invoice.mapper.js';
import { mapXeroItem } from '../mappers/xero-item.mapper.js';
import { mapXeroOrganisation } from '../mappers/xero-organisation.mapper.js';
import { mapXeroPayment } from '../mappers/xero-payment.mapper.js';
import { mapXeroPurchaseOrder } from '../mappers/xero-purchase-order.mapper.js';
import { mapXeroTaxRate } from '../mappers/xero-tax-rate.mapper.js';
import type { XeroApi, XeroCallTarget } from '../xero/xero-api.js';
import { UNIT_DP } from '../xero/xero-unit-dp.js';
import type { AnyMapped } from './page-writer.js';
import { tombstoneRemovedSalaries } from './removed-salaries.js';
import { US_PAYROLL_SPECS } from './us-payroll-specs.js';

/** Which Xero API an entity comes from: payroll is fetched only for AU/US organisations with access. */
export type SyncArea = 'accounting' | 'payroll-au' | 'payroll-us';

export interface FetchContext {
  api: XeroApi;
  target: XeroCallTarget;
}

/** How one Connec! entity type is read from Xero. */
export interface SyncSpec {
  /** The `sync_states.entity` key (the GraphQL type name of the main record). */
  key: string;
  area: SyncArea;
  /** Page size when Xero pages the resource; undefined when it answers everything at once. */
  pageSize?: number;
  /** Whether Xero honours If-Modified-Since for it (TaxRates and Organisation do not: re-read and diffed). */
  incremental: boolean;
  /**
   * One page of records. When the page's list is read again in full and some listed records are left
   * out (unchanged), answer `{ items, listed }`: whether more pages follow goes by what Xero listed.
   */
  fetch(context: FetchContext, page: number, since: Date | undefined): Promise<unknown[] | FetchedPage>;
  /** Records to write, in write order (an organization before its people). */
  map(item: unknown): AnyMapped[];
  /** Writes what is not a Connec! record (balance snapshots), in the page's transaction; returns changes. */
  write?(manager: EntityManager, tenantId: string, items: unknown[]): Promise<number>;
}

/** A page whose records were re-read one by one: `listed` is how many the list itself held. */
export interface FetchedPage {
  items: unknown[];
  listed: number;
}

/**
 * For lists Xero answers as summaries: each new or changed record of the page read again in full (or kept
 * as listed when that read finds nothing). If-Modified-Since is inclusive, so the record stamped exactly at
 * the watermark comes back every time, unchanged: it is left out. Whether more pages follow goes by what
 * the list held, not by how many were read again.
 */
async function readChangedInFull<T extends { updatedDateUTC?: string | Date }>(
  listed: T[],
  since: Date | undefined,
  readInFull: (record: T) => Promise<T | undefined>,
): Promise<FetchedPage> {
  const changed = listed.filter(
    (record) => !since || !record.updatedDateUTC || new Date(record.updatedDateUTC) > since,
  );
  const items = await Promise.all(changed.map(async (record) => (await readInFull(record)) ?? record));
  return { items, listed: listed.length };
}

/** Accounting endpoints that page hold up to 1,000 records a page when asked. */
const ACCOUNTING_PAGE = 1000;
/** Payroll AU pages hold 100 and take no pageSize. */
const PAYROLL_AU_PAGE = 100;
const ORDER = 'UpdatedDateUTC ASC';

type Call<T> = (
  client: XeroClient,
  tenant: string,
) => Promise<{ response: { headers?: Record<string, unknown> }; body: T }>;

const call = <T>(context: FetchContext, operation: Call<T>) =>
  context.api.call<T>(context.target, operation as never);

const one = (mapped: AnyMapped | null | undefined): AnyMapped[] => (mapped ? [mapped] : []);

/** Every entity the gateway reads from Xero, in dependency order: referenced records come first. */
export const SYNC_SPECS: readonly SyncSpec[] = [
  {
    key: 'Company',
    area: 'accounting',
    incremental: false,
    fetch: async (c) => (await call(c, (x, t) => x.accountingApi.getOrganisations(t))).organisations ?? [],
    map: (item) => one(mapXeroOrganisation(item as never) as AnyMapped),
  },
  {
    key: 'TaxCode',
    area: 'accounting',
    incremental: false,
    fetch: async (c) => (await call(c, (x, t) => x.accountingApi.getTaxRates(t))).taxRates ?? [],
    map: (item) => one(mapXeroTaxRate(item as never) as AnyMapped),
  },
  {
    key: 'Account',
    area: 'accounting',
    incremental: true,
    fetch: async (c, _page, since) =>
      (await call(c, (x, t) => x.accountingApi.getAccounts(t, since, undefined, ORDER))).accounts ?? [],
    map: (item) => one(mapXeroAccount(item as never) as AnyMapped),
    // Widgets need to know which accounts are receivables, payables and tax (Xero's SystemAccount).
    write: (manager, tenantId, items) => writeAccountSystemRoles(manager, tenantId, items as never),
  },
  {
    key: 'Item',
    area: 'accounting',
    incremental: true,
    fetch: async (c, _page, since) =>
      (await call(c, (x, t) => x.accountingApi.getItems(t, since, undefined, ORDER, UNIT_DP))).items ?? [],
    map: (item) => one(mapXeroItem(item as never) as AnyMapped),
  },
  {
    key: 'Organization',
    area: 'accounting',
    pageSize: ACCOUNTING_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      (
        await call(c, (x, t) =>
          x.accountingApi.getContacts(
            t,
            since,
            undefined,
            ORDER,
            undefined,
            page,
            true,
            undefined,
            undefined,
            ACCOUNTING_PAGE,
          ),
        )
      ).contacts ?? [],
    map: (item) => {
      const contact = mapXeroContact(item as never);
      return [contact.organization as AnyMapped, ...(contact.people as AnyMapped[])];
    },
  },
  {
    key: 'Invoice',
    area: 'accounting',
    pageSize: ACCOUNTING_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      (
        await call(c, (x, t) =>
          x.accountingApi.getInvoices(
            t,
            since,
            undefined,
            ORDER,
            undefined,
            undefined,
            undefined,
            undefined,
            page,
            true,
            undefined,
            UNIT_DP,
            undefined,
            ACCOUNTING_PAGE,
          ),
        )
      ).invoices ?? [],
    map: (item) => one(mapXeroInvoice(item as never) as AnyMapped),
  },
  {
    key: 'PurchaseOrder',
    area: 'accounting',
    pageSize: ACCOUNTING_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      (
        await call(c, (x, t) =>
          x.accountingApi.getPurchaseOrders(
            t,
            since,
            undefined,
            undefined,
            undefined,
            ORDER,
            page,
            ACCOUNTING_PAGE,
          ),
        )
      ).purchaseOrders ?? [],
    map: (item) => one(mapXeroPurchaseOrder(item as never) as AnyMapped),
  },
  {
    key: 'CreditNote',
    area: 'accounting',
    pageSize: ACCOUNTING_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      (
        await call(c, (x, t) =>
          x.accountingApi.getCreditNotes(t, since, undefined, ORDER, page, UNIT_DP, ACCOUNTING_PAGE),
        )
      ).creditNotes ?? [],
    map: (item) => one(mapXeroCreditNote(item as never) as AnyMapped),
  },
  {
    key: 'Payment',
    area: 'accounting',
    pageSize: ACCOUNTING_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      (
        await call(c, (x, t) =>
          x.accountingApi.getPayments(t, since, undefined, ORDER, page, ACCOUNTING_PAGE),
        )
      ).payments ?? [],
    map: (item) => one(mapXeroPayment(item as never) as AnyMapped),
  },
  {
    // Balances are not part of Xero's Accounts: a TrialBalance as at today, re-read on every sync (one
    // call) so payments, invoices and credit notes synced above are reflected; widgets derive other dates.
    key: 'AccountBalance',
    area: 'accounting',
    incremental: false,
    fetch: async (c) => {
      const date = today();
      const body = await call(c, (x, t) => x.accountingApi.getReportTrialBalance(t, date));
      return [{ date, report: body.reports?.[0] }];
    },
    map: () => [],
    write: (manager, tenantId, items) => writeAccountBalances(manager, tenantId, items[0] as never),
  },
  {
    key: 'PayItem',
    area: 'payroll-au',
    incremental: false,
    // Xero answers one PayItems object holding every earnings rate, deduction, leave and reimbursement type.
    fetch: async (c) => [(await call(c, (x, t) => x.payrollAUApi.getPayItems(t))).payItems],
    map: (item) => mapXeroAuPayItems(item as never) as AnyMapped[],
  },
  {
    key: 'PaySchedule',
    area: 'payroll-au',
    pageSize: PAYROLL_AU_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      (await call(c, (x, t) => x.payrollAUApi.getPayrollCalendars(t, since, undefined, undefined, page)))
        .payrollCalendars ?? [],
    map: (item) => one(mapXeroAuPayrollCalendar(item as never) as AnyMapped),
  },
  {
    key: 'Employee',
    area: 'payroll-au',
    pageSize: PAYROLL_AU_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      // Xero's list is a summary: no HomeAddress, JobTitle, PayTemplate (the salaries) nor TaxDeclaration
      // (https://developer.xero.com/documentation/api/payrollau/employees).
      readChangedInFull(
        (await call(c, (x, t) => x.payrollAUApi.getEmployees(t, since, undefined, undefined, page)))
          .employees ?? [],
        since,
        async (employee) =>
          (await call(c, (x, t) => x.payrollAUApi.getEmployee(t, employee.employeeID!))).employees?.[0],
      ),
    map: (item) => {
      const mapped = mapXeroAuEmployee(item as never);
      return [mapped.employee as AnyMapped, ...(mapped.salaries as AnyMapped[])];
    },
    write: (manager, tenantId, items) => tombstoneRemovedSalaries(manager, tenantId, 'AU', items),
  },
  {
    key: 'PayRun',
    area: 'payroll-au',
    pageSize: PAYROLL_AU_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      // The list leaves out payslips.
      readChangedInFull(
        (await call(c, (x, t) => x.payrollAUApi.getPayRuns(t, since, undefined, undefined, page))).payRuns ??
          [],
        since,
        async (run) => (await call(c, (x, t) => x.payrollAUApi.getPayRun(t, run.payRunID!))).payRuns?.[0],
      ),
    map: (item) => one(mapXeroAuPayRun(item as never) as AnyMapped),
  },
  {
    key: 'TimeSheet',
    area: 'payroll-au',
    pageSize: PAYROLL_AU_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      (await call(c, (x, t) => x.payrollAUApi.getTimesheets(t, since, undefined, undefined, page)))
        .timesheets ?? [],
    map: (item) => one(mapXeroAuTimesheet(item as never) as AnyMapped),
  },
  {
    key: 'LeaveApplication',
    area: 'payroll-au',
    pageSize: PAYROLL_AU_PAGE,
    incremental: true,
    fetch: async (c, page, since) =>
      (await call(c, (x, t) => x.payrollAUApi.getLeaveApplications(t, since, undefined, undefined, page)))
        .leaveApplications ?? [],
    map: (item) => one(mapXeroAuLeaveApplication(item as never) as AnyMapped),
  },
];

/** Every spec: accounting, Payroll AU and the legacy US payroll surface. */
export const ALL_SYNC_SPECS: readonly SyncSpec[] = [...SYNC_SPECS, ...US_PAYROLL_SPECS];
