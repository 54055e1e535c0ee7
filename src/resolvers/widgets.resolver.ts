import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { GatewayContext } from '../context.js';
import { DateScalar } from '../schema/scalars.js';
import { Scope } from '../schema/scope.js';
import {
  InvoiceListOrder,
  InvoiceListWidget,
  InvoiceParty,
  InvoiceSummaryWidget,
  SalesDirection,
  SalesGrowthWidget,
  SalesMetric,
} from '../widgets/invoice-widgets.types.js';
import {
  AccountBalancesWidget,
  AccountsComparisonWidget,
  BalanceSheetWidget,
} from '../widgets/ledger-widgets.types.js';
import { EmployeesListWidget, TimesheetsWidget } from '../widgets/people-widgets.types.js';
import { WidgetArgs } from '../widgets/widget-args.input.js';
import { WidgetPeriod } from '../widgets/widget-period.js';
import { runWidget, WidgetName } from '../widgets/widget-registry.js';
import { baseCurrencyOf } from '../widgets/widget-sql.js';
import { subscribeToWidget } from '../widgets/widget-subscription.js';
import { Widgets, WidgetUpdate } from '../widgets/widgets.types.js';

type Result<T> = Promise<T>;
const run = <T>(context: GatewayContext, widget: WidgetName, args: WidgetArgs) =>
  runWidget(context.db.manager, context.auth.tenant.id, widget, args) as Result<T>;

const FROM = {
  nullable: true,
  description: 'Start of the range (default: the first day of the month a year before `to`).',
};
const TO = { nullable: true, description: 'End of the range (default: today, UTC).' };

@Resolver(() => Widgets)
export class WidgetsResolver {
  @Authorized(Scope.READ)
  @Query(() => Widgets, { description: 'Dashboard widgets computed from the cached data.' })
  async widgets(@Ctx() context: GatewayContext): Promise<Widgets> {
    return { baseCurrency: await baseCurrencyOf(context.db.manager, context.auth.tenant.id) };
  }

  @FieldResolver(() => InvoiceListWidget, { description: 'Per customer (or supplier): invoiced, paid, due.' })
  invoiceList(
    @Ctx() context: GatewayContext,
    @Arg('entity', () => InvoiceParty, { defaultValue: InvoiceParty.CUSTOMERS }) entity: InvoiceParty,
    @Arg('orderBy', () => InvoiceListOrder, { defaultValue: InvoiceListOrder.INVOICED_DESC })
    orderBy: InvoiceListOrder,
    @Arg('limit', () => Int, { defaultValue: 10, description: 'Contacts (1-100).' }) limit: number,
    @Arg('invoicesPerContact', () => Int, { defaultValue: 10, description: 'Invoices per contact (0-100).' })
    invoicesPerContact: number,
    @Arg('from', () => DateScalar, FROM) from?: string,
    @Arg('to', () => DateScalar, TO) to?: string,
  ): Result<InvoiceListWidget> {
    return run(context, WidgetName.INVOICE_LIST, { entity, orderBy, limit, invoicesPerContact, from, to });
  }

  @FieldResolver(() => InvoiceSummaryWidget, {
    description: 'Totals by status, overdue and aged receivables and payables (30-day buckets).',
  })
  invoiceSummary(
    @Ctx() context: GatewayContext,
    @Arg('from', () => DateScalar, FROM) from?: string,
    @Arg('to', () => DateScalar, TO) to?: string,
  ): Result<InvoiceSummaryWidget> {
    return run(context, WidgetName.INVOICE_SUMMARY, { from, to });
  }

  @FieldResolver(() => SalesGrowthWidget, {
    description: 'Per item and period: quantity or value sold or bought.',
  })
  salesGrowth(
    @Ctx() context: GatewayContext,
    @Arg('itemIds', () => [ID], { nullable: true, description: 'The items (default: the top `limit`).' })
    itemIds: string[] | undefined,
    @Arg('period', () => WidgetPeriod, { defaultValue: WidgetPeriod.MONTH }) period: WidgetPeriod,
    @Arg('metric', () => SalesMetric, { defaultValue: SalesMetric.NET_VALUE }) metric: SalesMetric,
    @Arg('direction', () => SalesDirection, { defaultValue: SalesDirection.SOLD }) direction: SalesDirection,
    @Arg('limit', () => Int, { defaultValue: 5, description: 'Items when none are named (1-100).' })
    limit: number,
    @Arg('from', () => DateScalar, FROM) from?: string,
    @Arg('to', () => DateScalar, TO) to?: string,
  ): Result<SalesGrowthWidget> {
    return run(context, WidgetName.SALES_GROWTH, { itemIds, period, metric, direction, limit, from, to });
  }

  @FieldResolver(() => AccountBalancesWidget, {
    description: 'Balances of accounts at the end of each period.',
  })
  accountBalances(
    @Ctx() context: GatewayContext,
    @Arg('accountIds', () => [ID], { nullable: true, description: 'The accounts (default: bank accounts).' })
    accountIds: string[] | undefined,
    @Arg('period', () => WidgetPeriod, { defaultValue: WidgetPeriod.MONTH }) period: WidgetPeriod,
    @Arg('from', () => DateScalar, FROM) from?: string,
    @Arg('to', () => DateScalar, TO) to?: string,
  ): Result<AccountBalancesWidget> {
    return run(context, WidgetName.ACCOUNT_BALANCES, { accountIds, period, from, to });
  }

  @FieldResolver(() => AccountsComparisonWidget, { description: 'Balances of accounts on one date.' })
  accountsComparison(
    @Ctx() context: GatewayContext,
    @Arg('accountIds', () => [ID], { nullable: true, description: 'The accounts (default: bank accounts).' })
    accountIds: string[] | undefined,
    @Arg('date', () => DateScalar, { nullable: true, description: 'The date (default: today).' })
    date?: string,
  ): Result<AccountsComparisonWidget> {
    return run(context, WidgetName.ACCOUNTS_COMPARISON, { accountIds, date });
  }

  @FieldResolver(() => BalanceSheetWidget, { description: 'ASSET, LIABILITY and EQUITY at two dates.' })
  balanceSheet(
    @Ctx() context: GatewayContext,
    @Arg('from', () => DateScalar, FROM) from?: string,
    @Arg('to', () => DateScalar, TO) to?: string,
  ): Result<BalanceSheetWidget> {
    return run(context, WidgetName.BALANCE_SHEET, { from, to });
  }

  @FieldResolver(() => EmployeesListWidget, { description: 'Employees with their pay for one period.' })
  employeesList(
    @Ctx() context: GatewayContext,
    @Arg('period', () => WidgetPeriod, { defaultValue: WidgetPeriod.MONTH }) period: WidgetPeriod,
  ): Result<EmployeesListWidget> {
    return run(context, WidgetName.EMPLOYEES_LIST, { period });
  }

  @FieldResolver(() => TimesheetsWidget, {
    description: 'Hours worked and time off per employee and period.',
  })
  timesheets(
    @Ctx() context: GatewayContext,
    @Arg('period', () => WidgetPeriod, { defaultValue: WidgetPeriod.WEEK }) period: WidgetPeriod,
    @Arg('from', () => DateScalar, FROM) from?: string,
    @Arg('to', () => DateScalar, TO) to?: string,
  ): Result<TimesheetsWidget> {
    return run(context, WidgetName.TIMESHEETS, { period, from, to });
  }
}

@Resolver(() => WidgetUpdate)
export class WidgetUpdatedResolver {
  @Authorized(Scope.READ, Scope.SUBSCRIBE)
  @Subscription(() => WidgetUpdate, {
    description:
      "A widget's result now, then again whenever a change touches what it reads (debounced by 250 ms).",
    subscribe: ({ args, context }) =>
      subscribeToWidget(
        context as GatewayContext,
        args.widget as WidgetName,
        (args.args ?? {}) as WidgetArgs,
      ),
  })
  widgetUpdated(
    @Root() update: WidgetUpdate,
    @Arg('widget', () => WidgetName, { description: 'Which widget.' }) _widget: WidgetName,
    @Arg('args', () => WidgetArgs, { nullable: true, description: 'Its arguments, as under `widgets`.' })
    _args: WidgetArgs | undefined,
  ): WidgetUpdate {
    return update;
  }
}
