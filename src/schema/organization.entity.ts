import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ConnecEntity } from './connec-entity.js';
import { RecordStatus } from './enums.js';
import { Addresses, Email, Phone, Website } from './value-objects.js';

/** A customer, supplier or lead: a Xero Contact. */
@Entity({ name: 'organizations' })
@Index(['tenantId', 'name'])
@ObjectType('Organization', { description: 'A customer, supplier or lead company (a Xero Contact).' })
export class Organization extends ConnecEntity {
  @Column({ type: 'text' })
  @Field(() => String, { description: 'Company name (Xero Contact Name).' })
  name!: string;

  @Column({ type: 'text', default: RecordStatus.ACTIVE })
  @Field(() => RecordStatus, { description: 'ACTIVE, or ARCHIVED in Xero.' })
  status!: RecordStatus;

  @Column({ type: 'boolean', name: 'is_customer', default: false })
  @Field(() => Boolean, { description: 'Whether the organization buys from the business.' })
  isCustomer!: boolean;

  @Column({ type: 'boolean', name: 'is_supplier', default: false })
  @Field(() => Boolean, { description: 'Whether the organization sells to the business.' })
  isSupplier!: boolean;

  @Column({ type: 'boolean', name: 'is_lead', default: false })
  @Field(() => Boolean, { description: 'Whether the organization is a prospect only.' })
  isLead!: boolean;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Account number or reference (Xero AccountNumber).' })
  code!: string | null;

  @Column({ type: 'text', name: 'tax_number', nullable: true })
  @Field(() => String, { nullable: true, description: 'Tax number (ABN, VAT or GST number).' })
  taxNumber!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => Addresses, { nullable: true, description: 'Billing and shipping addresses.' })
  address!: Addresses | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => Email, { nullable: true, description: 'Email addresses.' })
  email!: Email | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => Phone, { nullable: true, description: 'Phone numbers.' })
  phone!: Phone | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => Website, { nullable: true, description: 'Website.' })
  website!: Website | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Default currency (ISO-4217).' })
  currency!: string | null;
}
