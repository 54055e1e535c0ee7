import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WidgetBalances1795636512417 implements MigrationInterface {
  name = 'WidgetBalances1795636512417';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "account_balances" ("tenant_id" uuid NOT NULL, "account_id" uuid NOT NULL, "date" date NOT NULL, "debit" numeric NOT NULL DEFAULT \'0\', "credit" numeric NOT NULL DEFAULT \'0\', "balance" numeric NOT NULL DEFAULT \'0\', "period_debit" numeric NOT NULL DEFAULT \'0\', "period_credit" numeric NOT NULL DEFAULT \'0\', "derived" numeric NOT NULL DEFAULT \'0\', "residual" numeric NOT NULL DEFAULT \'0\', "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_20801780a49653375e0e2d72bff" PRIMARY KEY ("tenant_id", "account_id", "date"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_4f8b1e0797c13401896bf2dc1d" ON "account_balances"  ("tenant_id", "date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "account_system_roles" ("tenant_id" uuid NOT NULL, "system_account" text NOT NULL, "account_id" uuid NOT NULL, CONSTRAINT "PK_76bdbe7ccec00c626bd62d9ae42" PRIMARY KEY ("tenant_id", "system_account"))',
    );
    await queryRunner.query(
      'ALTER TABLE "account_balances" ADD CONSTRAINT "FK_23b0dc87ea91cc38fd32dc759f8" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "account_balances" ADD CONSTRAINT "FK_8b991d69e7b47a9deb483b91dfa" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "account_system_roles" ADD CONSTRAINT "FK_2babdaa93bf70597e3110fc2877" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "account_system_roles" ADD CONSTRAINT "FK_d1c1d2043fb1f1867b3833c213b" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "account_system_roles" DROP CONSTRAINT "FK_d1c1d2043fb1f1867b3833c213b"',
    );
    await queryRunner.query(
      'ALTER TABLE "account_system_roles" DROP CONSTRAINT "FK_2babdaa93bf70597e3110fc2877"',
    );
    await queryRunner.query(
      'ALTER TABLE "account_balances" DROP CONSTRAINT "FK_8b991d69e7b47a9deb483b91dfa"',
    );
    await queryRunner.query(
      'ALTER TABLE "account_balances" DROP CONSTRAINT "FK_23b0dc87ea91cc38fd32dc759f8"',
    );
    await queryRunner.query('DROP TABLE "account_system_roles"');
    await queryRunner.query('DROP INDEX "public"."IDX_4f8b1e0797c13401896bf2dc1d"');
    await queryRunner.query('DROP TABLE "account_balances"');
  }
}
