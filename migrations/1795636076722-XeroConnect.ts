import type { MigrationInterface, QueryRunner } from 'typeorm';

export class XeroConnect1795636076722 implements MigrationInterface {
  name = 'XeroConnect1795636076722';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "xero_authorizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "state_hash" text NOT NULL, "link_id" text NOT NULL, "browser_hash" text NOT NULL, "code_verifier_ciphertext" text NOT NULL, "payroll" boolean NOT NULL, "purpose" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_34bb3e6615bc7b7f6a8477a3e7e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "xero_authorizations_expires_idx" ON "xero_authorizations"  ("expires_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "xero_authorizations_link_uq" ON "xero_authorizations"  ("link_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "xero_authorizations_state_uq" ON "xero_authorizations"  ("state_hash") ',
    );
    await queryRunner.query(
      'ALTER TABLE "xero_authorizations" ADD CONSTRAINT "FK_ec74fc9153fbd71677b0f57c8a6" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "xero_authorizations" DROP CONSTRAINT "FK_ec74fc9153fbd71677b0f57c8a6"',
    );
    await queryRunner.query('DROP INDEX "public"."xero_authorizations_state_uq"');
    await queryRunner.query('DROP INDEX "public"."xero_authorizations_link_uq"');
    await queryRunner.query('DROP INDEX "public"."xero_authorizations_expires_idx"');
    await queryRunner.query('DROP TABLE "xero_authorizations"');
  }
}
