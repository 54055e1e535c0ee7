import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Tenant } from './tenant.entity.js';

export enum XeroConnectionStatus {
  ACTIVE = 'ACTIVE',
  NEEDS_REAUTH = 'NEEDS_REAUTH',
  DISCONNECTED = 'DISCONNECTED',
}

registerEnumType(XeroConnectionStatus, {
  name: 'XeroConnectionStatus',
  description: 'Whether the gateway can reach the Xero organisation.',
  valuesConfig: {
    ACTIVE: { description: 'Connected: syncing.' },
    NEEDS_REAUTH: { description: 'Xero refused the stored tokens: an admin must reconnect.' },
    DISCONNECTED: { description: 'Disconnected by an admin: not syncing.' },
  },
});

/**
 * The link between a tenant and its Xero organisation. One tenant has one organisation, as in Connec!.
 * The token set is stored only encrypted (AES-256-GCM), and never exposed through GraphQL.
 */
@Entity({ name: 'xero_connections' })
@Index('xero_connections_tenant_uq', ['tenantId'], { unique: true })
@Index('xero_connections_xero_tenant_idx', ['xeroTenantId'])
@ObjectType('XeroConnection', { description: "The tenant's connection to its Xero organisation." })
export class XeroConnection {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'The connection id.' })
  id!: string;

  @Column({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Tenant;

  @Column({ type: 'text', name: 'xero_tenant_id' })
  @Field(() => String, { description: "Xero's id of the organisation (the xero-tenant-id header)." })
  xeroTenantId!: string;

  @Column({ type: 'text', name: 'xero_connection_id', nullable: true })
  xeroConnectionId!: string | null;

  @Column({ type: 'text', name: 'organisation_name' })
  @Field(() => String, { description: 'The organisation name in Xero.' })
  organisationName!: string;

  @Column({ type: 'text', name: 'country_code', nullable: true })
  @Field(() => String, { nullable: true, description: 'The organisation\'s country (region), e.g. "AU".' })
  countryCode!: string | null;

  @Column({ type: 'text', name: 'base_currency', nullable: true })
  @Field(() => String, { nullable: true, description: 'The organisation\'s base currency, e.g. "AUD".' })
  baseCurrency!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'The OAuth scopes Xero granted.' })
  scopes!: string[];

  @Column({ type: 'boolean', name: 'payroll_access', default: false })
  @Field(() => Boolean, { description: 'Whether payroll access was granted ("Allow Payroll Access").' })
  payrollAccess!: boolean;

  @Column({ type: 'text', default: XeroConnectionStatus.ACTIVE })
  @Field(() => XeroConnectionStatus, { description: 'Whether the gateway can reach the organisation.' })
  status!: XeroConnectionStatus;

  /** `v1.<iv>.<tag>.<ciphertext>`: the token set, encrypted with ENCRYPTION_KEY, bound to this row's id. */
  @Column({ type: 'text', name: 'token_ciphertext' })
  tokenCiphertext!: string;

  @Column({ type: 'timestamptz', name: 'access_token_expires_at' })
  accessTokenExpiresAt!: Date;

  /** How tokens are renewed: `refresh_token` (OAuth app) or `client_credentials` (custom connection). */
  @Column({ type: 'text', name: 'grant_type', default: 'refresh_token' })
  grantType!: string;

  @Column({ type: 'timestamptz', name: 'last_sync_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When a sync last completed.' })
  lastSyncAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  @Field(() => Date, { description: 'When the organisation was connected.' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
