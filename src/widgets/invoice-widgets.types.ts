import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TransactionStatus } from '../schema/enums.js';
import { DateScalar, DecimalScalar } from '../schema/scalars.js';
import { WidgetPeriod } from './widget-period.js';

export enum InvoiceParty {
  CUSTOMERS = 'CUSTOMERS',
  SUPPLIERS = 'SUPPLIERS',
}
export enum InvoiceListOrder {
  INVOICED_DESC = 'INVOICED_DESC',
  DUE_DESC = 'DUE_DESC',
  NAME_ASC = 'NAME_ASC',
}
export enum SalesMetric {
  QUANTITY = 'QUANTITY',
  NET_VALUE = 'NET_VALUE',
  GROSS_VALUE = 'GROSS_VALUE',
}
export enum SalesDirection {
  SOLD = 'SOLD',
  PURCHASED = 'PURCHASED',
}
registerEnumType(InvoiceParty, {
  name: 'InvoiceParty',
  description: 'Sales invoices per customer, or bills per supplier.',
});
registerEnumType(InvoiceListOrder, { name: 'InvoiceListOrder', description: 'Order of the invoice list.' });
registerEnumType(SalesMetric, { name: 'SalesMetric', description: 'What the growth widget adds up.' });
registerEnumType(SalesDirection, {
  name: 'SalesDirection',
  description: 'SOLD: sales invoices; PURCHASED: bills.',
});

@ObjectType('InvoiceListEntry', { description: 'One invoice of a contact in the invoice list.' })
export class InvoiceListEntry {
  @Field(() => ID, { description: 'Connec! id of the invoice.' })
  id!: string;
  @Field(() => String, { nullable: true, description: 'Invoice number.' })
  number!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Invoice date.' })
  date!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Due date.' })
  dueDate!: string | null;
  @Field(() => TransactionStatus, { description: 'Status.' })
  status!: TransactionStatus;
  @Field(() => DecimalScalar, { description: 'Total.' })
  total!: string;
  @Field(() => DecimalScalar, { description: 'Paid so far (payments and credit applied).' })
  paid!: string;
  @Field(() => DecimalScalar, { description: 'Still due.' })
  due!: string;
}

@ObjectType('InvoiceListContact', { description: 'A customer or supplier with its totals in one currency.' })
export class InvoiceListContact {
  @Field(() => ID, { nullable: true, description: 'Connec! id of the organization (null: no contact).' })
  organizationId!: string | null;
  @Field(() => String, { description: 'Organization name.' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Currency of these amounts.' })
  currency!: string | null;
  @Field(() => Int, { description: 'Number of invoices.' })
  invoiceCount!: number;
  @Field(() => DecimalScalar, { description: 'Total invoiced.' })
  invoiced!: string;
  @Field(() => DecimalScalar, { description: 'Total paid.' })
  paid!: string;
  @Field(() => DecimalScalar, { description: 'Total still due.' })
  due!: string;
  @Field(() => [InvoiceListEntry], { description: 'The newest invoices, up to `invoicesPerContact`.' })
  invoices!: InvoiceListEntry[];
}

@ObjectType('InvoiceListWidget', { description: 'Per customer (or supplier): invoiced, paid, due.' })
export class InvoiceListWidget {
  @Field(() => String, { nullable: true, description: 'Base currency of the organisation.' })
  baseCurrency!: string | null;
  @Field(() => [InvoiceListContact], {
    description: 'One entry per contact and currency (authorised and paid invoices dated in the range).',
  })
  contacts!: InvoiceListContact[];
}

@ObjectType('InvoiceStatusTotal', { description: 'Invoices of one status.' })
export class InvoiceStatusTotal {
  @Field(() => TransactionStatus, { description: 'Status.' })
  status!: TransactionStatus;
  @Field(() => Int, { description: 'How many.' })
  count!: number;
  @Field(() => DecimalScalar, { description: 'Their total.' })
  total!: string;
  @Field(() => DecimalScalar, { description: 'What is still due on them.' })
  due!: string;
}

@ObjectType('AgedBucket', { description: 'Amounts due by days overdue (0: not yet due).' })
export class AgedBucket {
  @Field(() => String, { description: 'Label, e.g. "1-30 days".' })
  label!: string;
  @Field(() => Int, { description: 'Fewest days overdue in the bucket.' })
  fromDays!: number;
  @Field(() => Int, { nullable: true, description: 'Most days overdue in the bucket; null: no limit.' })
  toDays!: number | null;
  @Field(() => Int, { description: 'Number of invoices.' })
  count!: number;
  @Field(() => DecimalScalar, { description: 'Amount due.' })
  amount!: string;
}

@ObjectType('InvoiceSideSummary', { description: 'Receivables (sales) or payables (bills) in one currency.' })
export class InvoiceSideSummary {
  @Field(() => [InvoiceStatusTotal], { description: 'Invoices dated in the range, by status.' })
  byStatus!: InvoiceStatusTotal[];
  @Field(() => DecimalScalar, { description: 'Due on open invoices dated up to `to`.' })
  due!: string;
  @Field(() => Int, { description: 'Open invoices past their due date at `to`.' })
  overdueCount!: number;
  @Field(() => DecimalScalar, { description: 'Due on those.' })
  overdue!: string;
  @Field(() => DecimalScalar, { description: 'Credit notes not yet allocated or refunded.' })
  unallocatedCredit!: string;
  @Field(() => [AgedBucket], { description: 'Amounts due in 30-day buckets of days overdue at `to`.' })
  aged!: AgedBucket[];
}

@ObjectType('InvoiceSummaryCurrency', { description: 'Receivables and payables in one currency.' })
export class InvoiceSummaryCurrency {
  @Field(() => String, { nullable: true, description: 'Currency.' })
  currency!: string | null;
  @Field(() => InvoiceSideSummary, { description: 'Sales invoices.' })
  receivables!: InvoiceSideSummary;
  @Field(() => InvoiceSideSummary, { description: 'Bills.' })
  payables!: InvoiceSideSummary;
}

@ObjectType('InvoiceSummaryWidget', { description: 'Totals by status, overdue and aged amounts.' })
export class InvoiceSummaryWidget {
  @Field(() => String, { nullable: true, description: 'Base currency of the organisation.' })
  baseCurrency!: string | null;
  @Field(() => DateScalar, { description: 'Start of the range.' })
  from!: string;
  @Field(() => DateScalar, { description: 'End of the range; overdue and aging are as at this date.' })
  to!: string;
  @Field(() => [InvoiceSummaryCurrency], { description: 'Base currency first, then others by code.' })
  currencies!: InvoiceSummaryCurrency[];
}

@ObjectType('SalesGrowthSeries', { description: 'One item (in one currency): a value per period.' })
export class SalesGrowthSeries {
  @Field(() => ID, { description: 'Connec! id of the item.' })
  itemId!: string;
  @Field(() => String, { nullable: true, description: 'Item code.' })
  code!: string | null;
  @Field(() => String, { description: 'Item name.' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Currency (null for QUANTITY).' })
  currency!: string | null;
  @Field(() => DecimalScalar, { description: 'Sum over the whole range.' })
  total!: string;
  @Field(() => [DecimalScalar], { description: 'One value per period, aligned with `periods`.' })
  values!: string[];
}

@ObjectType('SalesGrowthWidget', { description: 'Quantity or value sold (or bought) per item and period.' })
export class SalesGrowthWidget {
  @Field(() => WidgetPeriod, { description: 'Length of each period.' })
  period!: WidgetPeriod;
  @Field(() => SalesMetric, { description: 'What is added up.' })
  metric!: SalesMetric;
  @Field(() => SalesDirection, { description: 'Sales or purchases.' })
  direction!: SalesDirection;
  @Field(() => String, { nullable: true, description: 'Base currency of the organisation.' })
  baseCurrency!: string | null;
  @Field(() => [DateScalar], { description: 'First day of each period.' })
  periods!: string[];
  @Field(() => [SalesGrowthSeries], { description: 'One series per item and currency.' })
  series!: SalesGrowthSeries[];
}
