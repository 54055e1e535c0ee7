import { registerEnumType } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { badArgument } from '../errors.js';
import { isUuid } from '../resolvers/list/cursor.js';
import { accountBalances, accountsComparison, balanceSheet } from './account-balances.query.js';
import { employeesList } from './employees-list.query.js';
import { invoiceList } from './invoice-list.query.js';
import { invoiceSummary } from './invoice-summary.query.js';
import { InvoiceListOrder, InvoiceParty, SalesDirection, SalesMetric } from './invoice-widgets.types.js';
import { salesGrowth } from './sales-growth.query.js';
import { timesheets } from './timesheets.query.js';
import type { WidgetArgs } from './widget-args.input.js';
import { resolveRange, today, WidgetPeriod } from './widget-period.js';

export enum WidgetName {
  INVOICE_LIST = 'INVOICE_LIST',
  INVOICE_SUMMARY = 'INVOICE_SUMMARY',
  SALES_GROWTH = 'SALES_GROWTH',
  ACCOUNT_BALANCES = 'ACCOUNT_BALANCES',
  ACCOUNTS_COMPARISON = 'ACCOUNTS_COMPARISON',
  BALANCE_SHEET = 'BALANCE_SHEET',
  EMPLOYEES_LIST = 'EMPLOYEES_LIST',
  TIMESHEETS = 'TIMESHEETS',
}
registerEnumType(WidgetName, {
  name: 'WidgetName',
  description: 'A dashboard widget (a field of `widgets`).',
});

/** The field of `WidgetUpdate` (and of `Widgets`) that carries each widget's result. */
export const WIDGET_FIELD = {
  INVOICE_LIST: 'invoiceList',
  INVOICE_SUMMARY: 'invoiceSummary',
  SALES_GROWTH: 'salesGrowth',
  ACCOUNT_BALANCES: 'accountBalances',
  ACCOUNTS_COMPARISON: 'accountsComparison',
  BALANCE_SHEET: 'balanceSheet',
  EMPLOYEES_LIST: 'employeesList',
  TIMESHEETS: 'timesheets',
} as const satisfies Record<WidgetName, string>;

const LEDGER = ['Account', 'Invoice', 'CreditNote', 'Payment', 'Company'];

/** The entity types each widget reads: an event of one of them makes a live widget recompute. */
export const WIDGET_INPUTS: Record<WidgetName, readonly string[]> = {
  INVOICE_LIST: ['Invoice', 'Payment', 'CreditNote', 'Organization', 'Company'],
  INVOICE_SUMMARY: ['Invoice', 'CreditNote', 'Payment', 'Company'],
  SALES_GROWTH: ['Invoice', 'Item', 'Company'],
  ACCOUNT_BALANCES: LEDGER,
  ACCOUNTS_COMPARISON: LEDGER,
  BALANCE_SHEET: LEDGER,
  EMPLOYEES_LIST: ['Employee', 'EmployeeSalary', 'WorkLocation', 'Company'],
  TIMESHEETS: ['TimeSheet', 'LeaveApplication', 'Employee'],
};

function bounded(name: string, value: number | null | undefined, fallback: number, min: number, max: number) {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) throw badArgument(name, `Must be from ${min} to ${max}.`);
  return n;
}

function ids(name: string, values: string[] | null | undefined): string[] | null {
  if (!values?.length) return null;
  const bad = values.find((id) => !isUuid(id));
  if (bad) throw badArgument(name, `"${bad}" is not a Connec! id.`);
  return values;
}

type Result = object;

/** Computes one widget for a tenant, validating and defaulting its arguments. */
export function runWidget(
  manager: EntityManager,
  tenantId: string,
  widget: WidgetName,
  args: WidgetArgs,
): Promise<Result> {
  const period = (fallback: WidgetPeriod) => args.period ?? fallback;
  switch (widget) {
    case WidgetName.INVOICE_LIST:
      return invoiceList(manager, tenantId, {
        entity: args.entity ?? InvoiceParty.CUSTOMERS,
        orderBy: args.orderBy ?? InvoiceListOrder.INVOICED_DESC,
        limit: bounded('limit', args.limit, 10, 1, 100),
        invoicesPerContact: bounded('invoicesPerContact', args.invoicesPerContact, 10, 0, 100),
        range: resolveRange(args.from, args.to),
      });
    case WidgetName.INVOICE_SUMMARY:
      return invoiceSummary(manager, tenantId, resolveRange(args.from, args.to));
    case WidgetName.SALES_GROWTH:
      return salesGrowth(manager, tenantId, {
        itemIds: ids('itemIds', args.itemIds),
        range: resolveRange(args.from, args.to, period(WidgetPeriod.MONTH)),
        period: period(WidgetPeriod.MONTH),
        metric: args.metric ?? SalesMetric.NET_VALUE,
        direction: args.direction ?? SalesDirection.SOLD,
        limit: bounded('limit', args.limit, 5, 1, 100),
      });
    case WidgetName.ACCOUNT_BALANCES:
      return accountBalances(manager, tenantId, {
        accountIds: ids('accountIds', args.accountIds),
        range: resolveRange(args.from, args.to, period(WidgetPeriod.MONTH)),
        period: period(WidgetPeriod.MONTH),
      });
    case WidgetName.ACCOUNTS_COMPARISON:
      return accountsComparison(manager, tenantId, {
        accountIds: ids('accountIds', args.accountIds),
        date: args.date ?? args.to ?? today(),
      });
    case WidgetName.BALANCE_SHEET:
      return balanceSheet(manager, tenantId, resolveRange(args.from, args.to));
    case WidgetName.EMPLOYEES_LIST:
      return employeesList(manager, tenantId, {
        period: period(WidgetPeriod.MONTH),
        asOf: args.date ?? today(),
      });
    case WidgetName.TIMESHEETS:
      return timesheets(manager, tenantId, {
        range: resolveRange(args.from, args.to, period(WidgetPeriod.WEEK)),
        period: period(WidgetPeriod.WEEK),
      });
  }
}
