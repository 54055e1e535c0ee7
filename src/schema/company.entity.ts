import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ConnecEntity } from './connec-entity.js';

/** The business itself (Xero Organisation): one per tenant. */
@Entity({ name: 'company' })
@Index(['tenantId'], { unique: true })
@ObjectType('Company', { description: 'The business whose books these are (the Xero Organisation).' })
export class Company extends ConnecEntity {
  @Column({ type: 'text' })
  @Field(() => String, { description: 'Display name.' })
  name!: string;

  @Column({ type: 'text', name: 'legal_name', nullable: true })
  @Field(() => String, { nullable: true, description: 'Registered legal name.' })
  legalName!: string | null;

  @Column({ type: 'text', name: 'country_code', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'ISO-3166 country code; drives tax and payroll rules.',
  })
  countryCode!: string | null;

  @Column({ type: 'text', name: 'base_currency', nullable: true })
  @Field(() => String, { nullable: true, description: 'Base currency (ISO-4217).' })
  baseCurrency!: string | null;

  @Column({ type: 'int', name: 'financial_year_end_day', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Day of the month the financial year ends.' })
  financialYearEndDay!: number | null;

  @Column({ type: 'int', name: 'financial_year_end_month', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Month (1-12) the financial year ends.' })
  financialYearEndMonth!: number | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Time zone, e.g. "AUSEASTERNSTANDARDTIME".' })
  timezone!: string | null;

  @Column({ type: 'text', name: 'payroll_region', nullable: true })
  @Field(() => String, { nullable: true, description: 'AU or US when payroll is available, else null.' })
  payrollRegion!: string | null;
}
