import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Tenant } from './tenant.entity.js';

/** Why an admin is sent to Xero's consent page. */
export type XeroAuthorizationPurpose = 'CONNECT' | 'RECONNECT';

/**
 * One pending Xero authorisation (OAuth 2 authorization-code flow with PKCE), created when an admin
 * presses Connect and consumed by the callback exactly once. Only hashes of the `state` and of the
 * browser binding are stored; the PKCE verifier is stored encrypted. Not exposed through GraphQL.
 */
@Entity({ name: 'xero_authorizations' })
@Index('xero_authorizations_state_uq', ['stateHash'], { unique: true })
@Index('xero_authorizations_link_uq', ['linkId'], { unique: true })
@Index('xero_authorizations_expires_idx', ['expiresAt'])
export class XeroAuthorization {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'tenant_id' })
  tenantId!: string;

  @ManyToOne(() => Tenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Tenant;

  /** SHA-256 of the `state` sent to Xero. */
  @Column({ type: 'text', name: 'state_hash' })
  stateHash!: string;

  /** The signed connect link this authorisation spent: a link starts at most one authorisation. */
  @Column({ type: 'text', name: 'link_id' })
  linkId!: string;

  /** SHA-256 of the cookie set on the browser that started the flow; the callback must carry it. */
  @Column({ type: 'text', name: 'browser_hash' })
  browserHash!: string;

  /** The PKCE code verifier, encrypted with ENCRYPTION_KEY and bound to the state hash. */
  @Column({ type: 'text', name: 'code_verifier_ciphertext' })
  codeVerifierCiphertext!: string;

  @Column({ type: 'boolean' })
  payroll!: boolean;

  @Column({ type: 'text' })
  purpose!: XeroAuthorizationPurpose;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
