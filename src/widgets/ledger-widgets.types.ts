import { Field, ID, ObjectType } from 'type-graphql';
import { AccountClass, AccountType } from '../schema/enums.js';
import { DateScalar, DecimalScalar } from '../schema/scalars.js';
import { WidgetPeriod } from './widget-period.js';

@ObjectType('WidgetPeriodRange', { description: 'One period of a widget: its first and last day.' })
export class WidgetPeriodRange {
  @Field(() => DateScalar, { description: 'First day of the period (clipped to the range asked).' })
  start!: string;
  @Field(() => DateScalar, { description: 'Last day of the period (clipped to the range asked).' })
  end!: string;
}

@ObjectType('AccountBalanceSeries', { description: "One account's balance at the end of each period." })
export class AccountBalanceSeries {
  @Field(() => ID, { description: 'Connec! id of the account.' })
  accountId!: string;
  @Field(() => String, { nullable: true, description: 'Account code.' })
  code!: string | null;
  @Field(() => String, { description: 'Account name.' })
  name!: string;
  @Field(() => AccountClass, { description: 'Class of the account.' })
  class!: AccountClass;
  @Field(() => AccountType, { description: 'Xero account type.' })
  type!: AccountType;
  @Field(() => [DecimalScalar], {
    description:
      'Balance at the end of each period, in base currency, in the natural sign of the class (credit - debit for liabilities, equity and revenue).',
  })
  balances!: string[];
}

@ObjectType('AccountBalancesWidget', { description: 'Balances of chosen accounts over dated periods.' })
export class AccountBalancesWidget {
  @Field(() => WidgetPeriod, { description: 'Length of each period.' })
  period!: WidgetPeriod;
  @Field(() => String, { nullable: true, description: 'Base currency of the organisation.' })
  currency!: string | null;
  @Field(() => [WidgetPeriodRange], { description: 'The periods, oldest first.' })
  periods!: WidgetPeriodRange[];
  @Field(() => [AccountBalanceSeries], { description: 'One series per account.' })
  accounts!: AccountBalanceSeries[];
}

@ObjectType('AccountBalanceAt', { description: "An account's balance on a date." })
export class AccountBalanceAt {
  @Field(() => ID, { description: 'Connec! id of the account.' })
  accountId!: string;
  @Field(() => String, { nullable: true, description: 'Account code.' })
  code!: string | null;
  @Field(() => String, { description: 'Account name.' })
  name!: string;
  @Field(() => AccountClass, { description: 'Class of the account.' })
  class!: AccountClass;
  @Field(() => AccountType, { description: 'Xero account type.' })
  type!: AccountType;
  @Field(() => DecimalScalar, { description: 'Balance in base currency, natural sign of the class.' })
  balance!: string;
}

@ObjectType('AccountsComparisonWidget', { description: 'Balances of chosen accounts side by side.' })
export class AccountsComparisonWidget {
  @Field(() => DateScalar, { description: 'The date of the balances.' })
  date!: string;
  @Field(() => String, { nullable: true, description: 'Base currency of the organisation.' })
  currency!: string | null;
  @Field(() => [AccountBalanceAt], { description: 'The accounts, by code.' })
  accounts!: AccountBalanceAt[];
}

@ObjectType('BalanceSheetLine', { description: 'One line of a balance sheet section at both dates.' })
export class BalanceSheetLine {
  @Field(() => ID, {
    nullable: true,
    description: 'Connec! id of the account; null for Current Year Earnings.',
  })
  accountId!: string | null;
  @Field(() => String, { nullable: true, description: 'Account code.' })
  code!: string | null;
  @Field(() => String, { description: 'Account name, or "Current Year Earnings".' })
  name!: string;
  @Field(() => DecimalScalar, { description: 'Amount at `from`.' })
  atFrom!: string;
  @Field(() => DecimalScalar, { description: 'Amount at `to`.' })
  atTo!: string;
}

@ObjectType('BalanceSheetSection', { description: 'ASSET, LIABILITY or EQUITY with its lines and totals.' })
export class BalanceSheetSection {
  @Field(() => AccountClass, { description: 'ASSET, LIABILITY or EQUITY.' })
  class!: AccountClass;
  @Field(() => [BalanceSheetLine], { description: 'Accounts with a balance at either date, by code.' })
  lines!: BalanceSheetLine[];
  @Field(() => DecimalScalar, { description: 'Section total at `from`.' })
  totalAtFrom!: string;
  @Field(() => DecimalScalar, { description: 'Section total at `to`.' })
  totalAtTo!: string;
}

@ObjectType('BalanceSheetWidget', { description: 'A balance sheet at two dates.' })
export class BalanceSheetWidget {
  @Field(() => DateScalar, { description: 'The earlier date.' })
  from!: string;
  @Field(() => DateScalar, { description: 'The later date.' })
  to!: string;
  @Field(() => String, { nullable: true, description: 'Base currency of the organisation.' })
  currency!: string | null;
  @Field(() => [BalanceSheetSection], { description: 'ASSET, LIABILITY and EQUITY, in that order.' })
  sections!: BalanceSheetSection[];
  @Field(() => DecimalScalar, { description: 'Assets - liabilities at `from`.' })
  netAssetsAtFrom!: string;
  @Field(() => DecimalScalar, { description: 'Assets - liabilities at `to`.' })
  netAssetsAtTo!: string;
}
