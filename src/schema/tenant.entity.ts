import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A Connec! organization (group): the unit of data ownership. Every cached row belongs to one. */
@Entity({ name: 'tenants' })
@ObjectType('Tenant', { description: 'A Connec! organization (group) that owns a set of shared data.' })
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'The tenant id.' })
  id!: string;

  @Column({ type: 'text', unique: true })
  @Field(() => String, { description: 'The tenant name, such as "org-fbcy".' })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  @Field(() => Date, { description: 'When the tenant was created.' })
  createdAt!: Date;
}
