import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { App } from './app.entity.js';

/** A key of an app. Only its SHA-256 hash is stored: the key itself is shown once, when created. */
@Entity({ name: 'api_keys' })
@Index('api_keys_app_idx', ['appId'])
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'app_id' })
  appId!: string;

  @ManyToOne(() => App, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'app_id' })
  app?: App;

  @Column({ type: 'text', name: 'key_hash', unique: true })
  keyHash!: string;

  /** The first characters of the key, so people can tell their keys apart in listings. */
  @Column({ type: 'text', name: 'key_prefix' })
  keyPrefix!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
