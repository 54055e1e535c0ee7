import { Field, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { ConnecEntity } from './connec-entity.js';
import { Address, Phone } from './value-objects.js';

/** A place employees work at (US payroll only). */
@Entity({ name: 'work_locations' })
@ObjectType('WorkLocation', { description: 'A place employees work at (US payroll only).' })
export class WorkLocation extends ConnecEntity {
  @Column({ type: 'text' })
  @Field(() => String, { description: 'Name of the location.' })
  name!: string;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => Address, { nullable: true, description: 'Address.' })
  address!: Address | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => Phone, { nullable: true, description: 'Phone numbers.' })
  phone!: Phone | null;

  @Column({ type: 'boolean', name: 'is_primary', default: false })
  @Field(() => Boolean, { description: 'Whether this is the main location.' })
  isPrimary!: boolean;
}
