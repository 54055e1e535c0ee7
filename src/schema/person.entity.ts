import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { ConnecEntity } from './connec-entity.js';
import { Email, Phone } from './value-objects.js';

/** A person at an organization: a Xero Contact's primary person or one of its ContactPersons. */
@Entity({ name: 'people' })
@Index(['tenantId', 'organizationId'])
@Index(['tenantId', 'lastName'])
@ObjectType('Person', { description: 'A contact person, usually working for an organization.' })
export class Person extends ConnecEntity {
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Title, e.g. "Mrs".' })
  title!: string | null;

  @Column({ type: 'text', name: 'first_name', nullable: true })
  @Field(() => String, { nullable: true, description: 'First name.' })
  firstName!: string | null;

  @Column({ type: 'text', name: 'last_name', nullable: true })
  @Field(() => String, { nullable: true, description: 'Last name.' })
  lastName!: string | null;

  @Column({ type: 'text', name: 'job_title', nullable: true })
  @Field(() => String, { nullable: true, description: 'Job title.' })
  jobTitle!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => Email, { nullable: true, description: 'Email addresses; Xero identifies a person by email.' })
  email!: Email | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => Phone, { nullable: true, description: 'Phone numbers.' })
  phone!: Phone | null;

  @Column({ type: 'uuid', name: 'organization_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'Connec! id of the organization the person works for.' })
  organizationId!: string | null;

  @Column({ type: 'boolean', name: 'is_primary', default: false })
  @Field(() => Boolean, { description: "Whether this is the organization's primary person in Xero." })
  isPrimary!: boolean;

  @Column({ type: 'boolean', name: 'include_in_emails', default: false })
  @Field(() => Boolean, { description: 'Whether Xero copies this person on emailed invoices.' })
  includeInEmails!: boolean;
}
