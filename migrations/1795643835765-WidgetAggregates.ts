import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WidgetAggregates1795643835765 implements MigrationInterface {
  name = 'WidgetAggregates1795643835765';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "ledger_doc_postings" ("tenant_id" uuid NOT NULL, "doc_id" uuid NOT NULL, "account_id" uuid NOT NULL, "date" date NOT NULL, "amount" numeric NOT NULL, CONSTRAINT "PK_17b2bbd067554f96339c9ff36ed" PRIMARY KEY ("tenant_id", "doc_id", "account_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "ledger_daily" ("tenant_id" uuid NOT NULL, "account_id" uuid NOT NULL, "date" date NOT NULL, "amount" numeric NOT NULL, CONSTRAINT "PK_6f2760dd00ae94c0f0e420370bb" PRIMARY KEY ("tenant_id", "account_id", "date"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sales_doc_items" ("tenant_id" uuid NOT NULL, "doc_id" uuid NOT NULL, "item_id" uuid NOT NULL, "type" text NOT NULL, "currency" text NOT NULL, "date" date NOT NULL, "quantity" numeric NOT NULL, "net" numeric NOT NULL, "gross" numeric NOT NULL, "lines" integer NOT NULL, CONSTRAINT "PK_f3139acd7b2c33caa3b166496b7" PRIMARY KEY ("tenant_id", "doc_id", "item_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sales_daily" ("tenant_id" uuid NOT NULL, "type" text NOT NULL, "date" date NOT NULL, "item_id" uuid NOT NULL, "currency" text NOT NULL, "quantity" numeric NOT NULL, "net" numeric NOT NULL, "gross" numeric NOT NULL, "lines" integer NOT NULL, CONSTRAINT "PK_044cb260ab7a763b2850457b430" PRIMARY KEY ("tenant_id", "type", "date", "item_id", "currency"))',
    );
    await queryRunner.query(
      'CREATE TABLE "widget_aggregate_state" ("tenant_id" uuid NOT NULL, "name" text NOT NULL, "seq" bigint NOT NULL, "fingerprint" text NOT NULL, "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e3148e5a6e6535d4bf306fad6d4" PRIMARY KEY ("tenant_id", "name"))',
    );
    await queryRunner.query(
      'ALTER TABLE "ledger_doc_postings" ADD CONSTRAINT "FK_42a8dcd4425465434a9cdb1ea94" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "ledger_daily" ADD CONSTRAINT "FK_42a5ba696a3d13ae63bbcc668f9" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sales_doc_items" ADD CONSTRAINT "FK_fe41e95296b4c88ba0280c0c935" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sales_daily" ADD CONSTRAINT "FK_4ef353b78e01c12b54015d001f2" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "widget_aggregate_state" ADD CONSTRAINT "FK_145f6e73db77315ee9383fed49f" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "widget_aggregate_state" DROP CONSTRAINT "FK_145f6e73db77315ee9383fed49f"',
    );
    await queryRunner.query('ALTER TABLE "sales_daily" DROP CONSTRAINT "FK_4ef353b78e01c12b54015d001f2"');
    await queryRunner.query('ALTER TABLE "sales_doc_items" DROP CONSTRAINT "FK_fe41e95296b4c88ba0280c0c935"');
    await queryRunner.query('ALTER TABLE "ledger_daily" DROP CONSTRAINT "FK_42a5ba696a3d13ae63bbcc668f9"');
    await queryRunner.query(
      'ALTER TABLE "ledger_doc_postings" DROP CONSTRAINT "FK_42a8dcd4425465434a9cdb1ea94"',
    );
    await queryRunner.query('DROP TABLE "widget_aggregate_state"');
    await queryRunner.query('DROP TABLE "sales_daily"');
    await queryRunner.query('DROP TABLE "sales_doc_items"');
    await queryRunner.query('DROP TABLE "ledger_daily"');
    await queryRunner.query('DROP TABLE "ledger_doc_postings"');
  }
}
