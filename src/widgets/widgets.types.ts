import { Field, ObjectType } from 'type-graphql';
import { InvoiceListWidget, InvoiceSummaryWidget, SalesGrowthWidget } from './invoice-widgets.types.js';
import {
  AccountBalancesWidget,
  AccountsComparisonWidget,
  BalanceSheetWidget,
} from './ledger-widgets.types.js';
import { EmployeesListWidget, TimesheetsWidget } from './people-widgets.types.js';
import { WidgetName } from './widget-registry.js';

@ObjectType('Widgets', {
  description:
    'Dashboard widgets, each one query computed in the database from the cache. Amounts are in the organisation base currency, split per currency where documents use others.',
})
export class Widgets {
  @Field(() => String, { nullable: true, description: 'Base currency of the organisation (ISO-4217).' })
  baseCurrency!: string | null;
}

@ObjectType('WidgetUpdate', {
  description: "A live widget's new result; only the asked widget's field is set.",
})
export class WidgetUpdate {
  @Field(() => WidgetName, { description: 'The widget.' })
  widget!: WidgetName;
  @Field(() => Date, { description: 'When the result was computed (UTC).' })
  updatedAt!: Date;
  @Field(() => [String], {
    description: 'Entity types whose changes led to this result; empty for the first result.',
  })
  causes!: string[];
  @Field(() => InvoiceListWidget, { nullable: true, description: 'INVOICE_LIST result.' })
  invoiceList?: InvoiceListWidget;
  @Field(() => InvoiceSummaryWidget, { nullable: true, description: 'INVOICE_SUMMARY result.' })
  invoiceSummary?: InvoiceSummaryWidget;
  @Field(() => SalesGrowthWidget, { nullable: true, description: 'SALES_GROWTH result.' })
  salesGrowth?: SalesGrowthWidget;
  @Field(() => AccountBalancesWidget, { nullable: true, description: 'ACCOUNT_BALANCES result.' })
  accountBalances?: AccountBalancesWidget;
  @Field(() => AccountsComparisonWidget, { nullable: true, description: 'ACCOUNTS_COMPARISON result.' })
  accountsComparison?: AccountsComparisonWidget;
  @Field(() => BalanceSheetWidget, { nullable: true, description: 'BALANCE_SHEET result.' })
  balanceSheet?: BalanceSheetWidget;
  @Field(() => EmployeesListWidget, { nullable: true, description: 'EMPLOYEES_LIST result.' })
  employeesList?: EmployeesListWidget;
  @Field(() => TimesheetsWidget, { nullable: true, description: 'TIMESHEETS result.' })
  timesheets?: TimesheetsWidget;
}
