import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConnecListIndexes1795636022848 implements MigrationInterface {
  name = 'ConnecListIndexes1795636022848';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_b3c7d840ab915c30f79f26a5e8"');
    await queryRunner.query('DROP INDEX "public"."IDX_87bca9807f6b50a3aed4522b37"');
    await queryRunner.query('DROP INDEX "public"."IDX_7fbd4ea21124e9e459f442b51f"');
    await queryRunner.query('DROP INDEX "public"."IDX_a635ee4abc71d92406470a4d78"');
    await queryRunner.query(
      'CREATE INDEX "IDX_230de9468e6a19cab311481b29" ON "credit_notes"  ("tenant_id", "transaction_date", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_180c23892b09bae91757c77fc2" ON "invoices"  ("tenant_id", "transaction_date", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c76a4daf7c648bb785a645de23" ON "payments"  ("tenant_id", "transaction_date", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5bf6ef9b211cf44c7d164a8244" ON "purchase_orders"  ("tenant_id", "transaction_date", "id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_5bf6ef9b211cf44c7d164a8244"');
    await queryRunner.query('DROP INDEX "public"."IDX_c76a4daf7c648bb785a645de23"');
    await queryRunner.query('DROP INDEX "public"."IDX_180c23892b09bae91757c77fc2"');
    await queryRunner.query('DROP INDEX "public"."IDX_230de9468e6a19cab311481b29"');
    await queryRunner.query(
      'CREATE INDEX "IDX_a635ee4abc71d92406470a4d78" ON "purchase_orders" USING btree ("tenant_id", "transaction_date") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7fbd4ea21124e9e459f442b51f" ON "payments" USING btree ("tenant_id", "transaction_date") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_87bca9807f6b50a3aed4522b37" ON "invoices" USING btree ("tenant_id", "transaction_date") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b3c7d840ab915c30f79f26a5e8" ON "credit_notes" USING btree ("tenant_id", "transaction_date") ',
    );
  }
}
