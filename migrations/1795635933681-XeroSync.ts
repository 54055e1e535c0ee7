import type { MigrationInterface, QueryRunner } from 'typeorm';

export class XeroSync1795635933681 implements MigrationInterface {
  name = 'XeroSync1795635933681';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "sync_states" ("tenant_id" uuid NOT NULL, "entity" text NOT NULL, "state" text NOT NULL DEFAULT \'IDLE\', "watermark" TIMESTAMP WITH TIME ZONE, "full_sync_page" integer, "full_sync_done" boolean NOT NULL DEFAULT false, "records" integer NOT NULL DEFAULT \'0\', "last_success_at" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "PK_d942ebfbd92ad70fb178b87b773" PRIMARY KEY ("tenant_id", "entity"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sync_runs" ("id" BIGSERIAL NOT NULL, "tenant_id" uuid NOT NULL, "entity" text NOT NULL, "mode" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, "records_fetched" integer NOT NULL DEFAULT \'0\', "records_changed" integer NOT NULL DEFAULT \'0\', "api_calls" integer NOT NULL DEFAULT \'0\', "error" text, CONSTRAINT "PK_adf13fff41a683b3b991fb90b11" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "sync_runs_tenant_started_idx" ON "sync_runs"  ("tenant_id", "started_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "xero_connections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_tenant_id" text NOT NULL, "xero_connection_id" text, "organisation_name" text NOT NULL, "country_code" text, "base_currency" text, "scopes" text array NOT NULL DEFAULT \'{}\', "payroll_access" boolean NOT NULL DEFAULT false, "status" text NOT NULL DEFAULT \'ACTIVE\', "token_ciphertext" text NOT NULL, "access_token_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "grant_type" text NOT NULL DEFAULT \'refresh_token\', "last_sync_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9b54317d81fe866f9ea65b45980" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "xero_connections_xero_tenant_idx" ON "xero_connections"  ("xero_tenant_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "xero_connections_tenant_uq" ON "xero_connections"  ("tenant_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "xero_api_calls" ("id" BIGSERIAL NOT NULL, "xero_tenant_id" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "finished_at" TIMESTAMP WITH TIME ZONE, "lease_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "priority" text NOT NULL DEFAULT \'backfill\', CONSTRAINT "PK_833f5f1970f25017da6b8ee3305" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "xero_api_calls_org_started_idx" ON "xero_api_calls"  ("xero_tenant_id", "started_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "xero_rate_states" ("xero_tenant_id" text NOT NULL, "paused_until" TIMESTAMP WITH TIME ZONE, "pause_reason" text, "minute_remaining" integer, "day_remaining" integer, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a90023b70e857e6a6b8785c7b22" PRIMARY KEY ("xero_tenant_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "xero_connections" ADD CONSTRAINT "FK_2c29d92601e0c5e4e9903d77fa5" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "xero_connections" DROP CONSTRAINT "FK_2c29d92601e0c5e4e9903d77fa5"',
    );
    await queryRunner.query('DROP TABLE "xero_rate_states"');
    await queryRunner.query('DROP INDEX "public"."xero_api_calls_org_started_idx"');
    await queryRunner.query('DROP TABLE "xero_api_calls"');
    await queryRunner.query('DROP INDEX "public"."xero_connections_tenant_uq"');
    await queryRunner.query('DROP INDEX "public"."xero_connections_xero_tenant_idx"');
    await queryRunner.query('DROP TABLE "xero_connections"');
    await queryRunner.query('DROP INDEX "public"."sync_runs_tenant_started_idx"');
    await queryRunner.query('DROP TABLE "sync_runs"');
    await queryRunner.query('DROP TABLE "sync_states"');
  }
}
