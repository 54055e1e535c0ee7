import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../schema/scalars.js';
import { InvoiceListOrder, InvoiceParty, SalesDirection, SalesMetric } from './invoice-widgets.types.js';
import { WidgetPeriod } from './widget-period.js';

/** Every argument any widget takes; each widget reads the ones it needs (see the `widgets` fields). */
@InputType('WidgetArgs', {
  description: 'Arguments of a live widget: the same as its field under `widgets`.',
})
export class WidgetArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'Start of the range (default: a year before `to`).',
  })
  from?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'End of the range (default: today).' })
  to?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'accountsComparison: the date (default: today).' })
  date?: string | null;
  @Field(() => WidgetPeriod, { nullable: true, description: 'Length of each period.' })
  period?: WidgetPeriod | null;
  @Field(() => InvoiceParty, { nullable: true, description: 'invoiceList: customers or suppliers.' })
  entity?: InvoiceParty | null;
  @Field(() => InvoiceListOrder, { nullable: true, description: 'invoiceList: order.' })
  orderBy?: InvoiceListOrder | null;
  @Field(() => Int, { nullable: true, description: 'invoiceList: contacts; salesGrowth: items (1-100).' })
  limit?: number | null;
  @Field(() => Int, { nullable: true, description: 'invoiceList: invoices per contact (0-100).' })
  invoicesPerContact?: number | null;
  @Field(() => [ID], { nullable: true, description: 'salesGrowth: the items (default: the top sellers).' })
  itemIds?: string[] | null;
  @Field(() => SalesMetric, { nullable: true, description: 'salesGrowth: what to add up.' })
  metric?: SalesMetric | null;
  @Field(() => SalesDirection, { nullable: true, description: 'salesGrowth: sales or purchases.' })
  direction?: SalesDirection | null;
  @Field(() => [ID], { nullable: true, description: 'accountBalances, accountsComparison: the accounts.' })
  accountIds?: string[] | null;
}
