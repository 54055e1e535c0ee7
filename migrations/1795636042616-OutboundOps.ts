import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboundOps1795636042616 implements MigrationInterface {
  name = 'OutboundOps1795636042616';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "outbound_ops" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "tenant_id" uuid NOT NULL, "app_id" uuid, "origin_source" text NOT NULL, "entity_type" text NOT NULL, "connec_id" uuid NOT NULL, "operation" text NOT NULL, "payload" jsonb NOT NULL, "idempotency_key" text NOT NULL, "status" text NOT NULL DEFAULT \'PENDING\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_error" text, "xero_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3b79a06a823aee92d1141b8a0e6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "outbound_ops_record_idx" ON "outbound_ops"  ("tenant_id", "entity_type", "connec_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE INDEX "outbound_ops_due_idx" ON "outbound_ops"  ("status", "next_attempt_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "outbound_ops" ADD CONSTRAINT "FK_718b41ecfea330c4ca78fc6e4b8" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbound_ops" DROP CONSTRAINT "FK_718b41ecfea330c4ca78fc6e4b8"');
    await queryRunner.query('DROP INDEX "public"."outbound_ops_due_idx"');
    await queryRunner.query('DROP INDEX "public"."outbound_ops_record_idx"');
    await queryRunner.query('DROP TABLE "outbound_ops"');
  }
}
