import { Field, ID, ObjectType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Scope } from './scope.js';
import { Tenant } from './tenant.entity.js';

/** A client application of a tenant (a CRM, a shop, a dashboard); it calls the gateway with its keys. */
@Entity({ name: 'apps' })
@Index('apps_tenant_idx', ['tenantId'])
@ObjectType('App', { description: 'A client application of the tenant, such as a CRM or a dashboard.' })
export class App {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'The app id.' })
  id!: string;

  @Column({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Tenant;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The provider name the app writes external ids under, e.g. "vtiger".' })
  provider!: string;

  @Column({ type: 'text', array: true })
  @Field(() => [Scope], { description: 'What the app may do.' })
  scopes!: Scope[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  @Field(() => Date, { description: 'When the app was created.' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the app was revoked; its keys stop working then.' })
  revokedAt!: Date | null;
}
