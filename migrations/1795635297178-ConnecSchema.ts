import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConnecSchema1795635297178 implements MigrationInterface {
  name = 'ConnecSchema1795635297178';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" text, "name" text NOT NULL, "description" text, "status" text NOT NULL DEFAULT \'ACTIVE\', "class" text NOT NULL, "type" text NOT NULL, "bank_account_number" text, "bank_account_type" text, "currency" text, "enable_payments" boolean NOT NULL DEFAULT false, "tax_code_id" uuid, CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_48c16cefe205f5594604f8a6c8" ON "accounts"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_57eae98a68e2e562215e7f373a" ON "accounts"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_676b27b97853130f8e6b410875" ON "accounts"  ("tenant_id", "code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "company" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "legal_name" text, "country_code" text, "base_currency" text, "financial_year_end_day" integer, "financial_year_end_month" integer, "timezone" text, "payroll_region" text, CONSTRAINT "PK_056f7854a7afdba7cbd6d45fc20" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_89211bd530e109fa9969133196" ON "company"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_ab9371b337b2860b074fbee316" ON "company"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d37ba2ef0271f80021e0b6ef92" ON "company"  ("tenant_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "credit_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "transaction_number" text, "transaction_date" date, "reference" text, "organization_id" uuid, "person_id" uuid, "currency" text, "tax_calculation" text NOT NULL DEFAULT \'EXCLUSIVE\', "net_amount" numeric NOT NULL DEFAULT \'0\', "tax_amount" numeric NOT NULL DEFAULT \'0\', "total_amount" numeric NOT NULL DEFAULT \'0\', "type" text NOT NULL DEFAULT \'CUSTOMER\', "status" text NOT NULL DEFAULT \'DRAFT\', "remaining_credit" numeric NOT NULL DEFAULT \'0\', CONSTRAINT "PK_4933888a20b5469e119ad74b9e9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9894a3ccf90b0657d98c8669e2" ON "credit_notes"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_bb6456819d51519f9e50a601ec" ON "credit_notes"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_4f4dc385f3d0c5e1713e05f36b" ON "credit_notes"  ("tenant_id", "organization_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b3c7d840ab915c30f79f26a5e8" ON "credit_notes"  ("tenant_id", "transaction_date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "credit_note_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "line_number" integer NOT NULL, "description" text, "quantity" numeric NOT NULL DEFAULT \'1\', "unit_price" numeric NOT NULL DEFAULT \'0\', "discount_percent" numeric, "item_id" uuid, "account_id" uuid, "tax_code_id" uuid, "net_amount" numeric NOT NULL DEFAULT \'0\', "tax_amount" numeric NOT NULL DEFAULT \'0\', "total_amount" numeric NOT NULL DEFAULT \'0\', "tax_rate" numeric, "credit_note_id" uuid NOT NULL, CONSTRAINT "PK_179cc6edb6a224ec408a8fc04a4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_21d0a7a39b5420a3c9f17e2012" ON "credit_note_lines"  ("tenant_id", "item_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9343b9121ebecf725f34d60d03" ON "credit_note_lines"  ("tenant_id", "credit_note_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "credit_note_allocations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "credit_note_id" uuid NOT NULL, "invoice_id" uuid, "amount" numeric NOT NULL, "date" date, CONSTRAINT "PK_9b9fa3d2c9e12a155278e4683b6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_f520dc04cc64906133cf545b91" ON "credit_note_allocations"  ("tenant_id", "invoice_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5a556da985f30d94e1aac6c6c1" ON "credit_note_allocations"  ("tenant_id", "credit_note_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "employees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "first_name" text NOT NULL, "last_name" text NOT NULL, "date_of_birth" date, "gender" text, "email" jsonb, "phone" jsonb, "address" jsonb, "job_title" text, "start_date" date, "termination_date" date, "status" text NOT NULL DEFAULT \'ACTIVE\', "pay_schedule_id" uuid, "work_location_ids" uuid array NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_b9535a98350d5b26e7eb0c26af4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b38b5bdf4455ebc9a881c9d151" ON "employees"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_db383eb70928ae1a783187108d" ON "employees"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1f8311b6e6f1948d335691f923" ON "employees"  ("tenant_id", "last_name") ',
    );
    await queryRunner.query(
      'CREATE TABLE "employee_salaries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "employee_id" uuid NOT NULL, "type" text NOT NULL DEFAULT \'SALARY\', "annual_salary" numeric, "hourly_rate" numeric, "hours_per_week" numeric, "currency" text, "frequency" text, "pay_item_id" uuid, "effective_from" date, CONSTRAINT "PK_fd1df358dabc2d3666d64e45d03" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_dde69bb5a03f0f8764161ff688" ON "employee_salaries"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_7192fa838f5ed318735a29b27b" ON "employee_salaries"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_73ff8538d3d8540569dcb2bbc9" ON "employee_salaries"  ("tenant_id", "employee_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "id_map" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "entity" text NOT NULL, "connec_id" uuid NOT NULL, "provider" text NOT NULL, "realm" text NOT NULL, "external_id" text NOT NULL, "pushed_at" TIMESTAMP WITH TIME ZONE, "pulled_at" TIMESTAMP WITH TIME ZONE, "opted_out" boolean NOT NULL DEFAULT false, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5ee190338a0914c16a7370a66e3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "id_map_connec_idx" ON "id_map"  ("tenant_id", "connec_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "id_map_record_uq" ON "id_map"  ("tenant_id", "entity", "connec_id", "provider", "realm") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "id_map_external_uq" ON "id_map"  ("tenant_id", "entity", "provider", "realm", "external_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "invoices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "transaction_number" text, "transaction_date" date, "reference" text, "organization_id" uuid, "person_id" uuid, "currency" text, "tax_calculation" text NOT NULL DEFAULT \'EXCLUSIVE\', "net_amount" numeric NOT NULL DEFAULT \'0\', "tax_amount" numeric NOT NULL DEFAULT \'0\', "total_amount" numeric NOT NULL DEFAULT \'0\', "type" text NOT NULL DEFAULT \'CUSTOMER\', "status" text NOT NULL DEFAULT \'DRAFT\', "due_date" date, "balance" numeric NOT NULL DEFAULT \'0\', "paid_amount" numeric NOT NULL DEFAULT \'0\', CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6810e5705631dc170754ab5fcd" ON "invoices"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_03007f55fd3c970c13ec61d42b" ON "invoices"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_3a44223d272af7a00cf625fd44" ON "invoices"  ("tenant_id", "organization_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_87bca9807f6b50a3aed4522b37" ON "invoices"  ("tenant_id", "transaction_date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "invoice_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "line_number" integer NOT NULL, "description" text, "quantity" numeric NOT NULL DEFAULT \'1\', "unit_price" numeric NOT NULL DEFAULT \'0\', "discount_percent" numeric, "item_id" uuid, "account_id" uuid, "tax_code_id" uuid, "net_amount" numeric NOT NULL DEFAULT \'0\', "tax_amount" numeric NOT NULL DEFAULT \'0\', "total_amount" numeric NOT NULL DEFAULT \'0\', "tax_rate" numeric, "invoice_id" uuid NOT NULL, CONSTRAINT "PK_3d18eb48142b916f581f0c21a65" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d4c6827a937326c40dc1f4d0b2" ON "invoice_lines"  ("tenant_id", "item_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d268d20946d0daa0c32c467fa7" ON "invoice_lines"  ("tenant_id", "invoice_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" text NOT NULL, "name" text NOT NULL, "description" text, "type" text NOT NULL DEFAULT \'SERVICE\', "status" text NOT NULL DEFAULT \'ACTIVE\', "sale_price" jsonb, "purchase_price" jsonb, "sale_tax_code_id" uuid, "purchase_tax_code_id" uuid, "sale_account_id" uuid, "purchase_account_id" uuid, "is_inventoried" boolean NOT NULL DEFAULT false, "quantity_on_hand" numeric, "average_cost" numeric, CONSTRAINT "PK_ba5885359424c15ca6b9e79bcf6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_58922536e0532e9f6ea0a0de7d" ON "items"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d6197bc483745dd01386b841ee" ON "items"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9763362081c4fe4a733d70378e" ON "items"  ("tenant_id", "code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "leave_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "employee_id" uuid NOT NULL, "pay_item_id" uuid, "title" text, "description" text, "start_date" date NOT NULL, "end_date" date NOT NULL, CONSTRAINT "PK_d986913818cf9a2943d0dbe8f56" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ffa771149dba8ad55834d6ede7" ON "leave_applications"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_8d1a70952039c2f0245800ce01" ON "leave_applications"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ee431b5224f7ef71c36d457fa3" ON "leave_applications"  ("tenant_id", "employee_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "leave_periods" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "leave_application_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "units" numeric NOT NULL DEFAULT \'0\', "status" text NOT NULL DEFAULT \'SCHEDULED\', CONSTRAINT "PK_d2e4482de3e8c388ab2c4159a70" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_747b4af760ca409edac4c56be9" ON "leave_periods"  ("tenant_id", "leave_application_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "status" text NOT NULL DEFAULT \'ACTIVE\', "is_customer" boolean NOT NULL DEFAULT false, "is_supplier" boolean NOT NULL DEFAULT false, "is_lead" boolean NOT NULL DEFAULT false, "code" text, "tax_number" text, "address" jsonb, "email" jsonb, "phone" jsonb, "website" jsonb, "currency" text, CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2dda4d2eb287c528e2d7514f9e" ON "organizations"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_155e241a9939c06ab91ecaa939" ON "organizations"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_aff4e1aba820a84ce77efc6f12" ON "organizations"  ("tenant_id", "name") ',
    );
    await queryRunner.query(
      'CREATE TABLE "pay_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" text NOT NULL, "name" text NOT NULL, "status" text NOT NULL DEFAULT \'ACTIVE\', "rate_type" text, "rate_per_unit" numeric, "multiplier" numeric, "account_code" text, CONSTRAINT "PK_45a810bd79d40b1fa3146056c18" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_dd7af87776f8d1f8cf4b5aa145" ON "pay_items"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_6643b586c4a1ed2ce061d2395b" ON "pay_items"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "pay_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "pay_schedule_id" uuid, "period_start" date, "period_end" date, "payment_date" date, "status" text NOT NULL DEFAULT \'DRAFT\', "wages" numeric NOT NULL DEFAULT \'0\', "tax" numeric NOT NULL DEFAULT \'0\', "superannuation" numeric NOT NULL DEFAULT \'0\', "deductions" numeric NOT NULL DEFAULT \'0\', "reimbursements" numeric NOT NULL DEFAULT \'0\', "net_pay" numeric NOT NULL DEFAULT \'0\', CONSTRAINT "PK_bbc20ac26fb7af4af107955b3dd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9e4c650694c7ff30e2f1e62763" ON "pay_runs"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_df842aafb31ec1ba127f118996" ON "pay_runs"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8b866f6779e422f765e5a6952c" ON "pay_runs"  ("tenant_id", "payment_date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "payslips" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "pay_run_id" uuid NOT NULL, "employee_id" uuid NOT NULL, "wages" numeric NOT NULL DEFAULT \'0\', "tax" numeric NOT NULL DEFAULT \'0\', "superannuation" numeric NOT NULL DEFAULT \'0\', "deductions" numeric NOT NULL DEFAULT \'0\', "reimbursements" numeric NOT NULL DEFAULT \'0\', "net_pay" numeric NOT NULL DEFAULT \'0\', CONSTRAINT "PK_2b1cd07059daf60cc440c9976e1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_31e8c92d6182dc08d6c49be5ad" ON "payslips"  ("tenant_id", "employee_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_16fce0d071bd3508bc120f209b" ON "payslips"  ("tenant_id", "pay_run_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "pay_schedules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "schedule_type" text NOT NULL, "start_date" date, "payment_date" date, CONSTRAINT "PK_4f7345600ea733999197d06440f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_66b267678ff4ff79aa7e5698af" ON "pay_schedules"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d96ea6611aff1ee0cf26b0ed30" ON "pay_schedules"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "type" text NOT NULL DEFAULT \'CUSTOMER\', "status" text NOT NULL DEFAULT \'AUTHORISED\', "transaction_date" date, "amount" numeric NOT NULL DEFAULT \'0\', "currency" text, "reference" text, "account_id" uuid, "invoice_id" uuid, "credit_note_id" uuid, "is_reconciled" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b2a6ad9437148d50dfdeff0c72" ON "payments"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_42bf9e19df8ce7e94ac61b1368" ON "payments"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_94c1cbbc0fa78325d5117bc7e1" ON "payments"  ("tenant_id", "invoice_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_7fbd4ea21124e9e459f442b51f" ON "payments"  ("tenant_id", "transaction_date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "title" text, "first_name" text, "last_name" text, "job_title" text, "email" jsonb, "phone" jsonb, "organization_id" uuid, "is_primary" boolean NOT NULL DEFAULT false, "include_in_emails" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c38c1c030882afd717b9bbfab0" ON "people"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_2fa99f9d839c751d94ed79db58" ON "people"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_336d335156ef54f9a7b3f8d949" ON "people"  ("tenant_id", "last_name") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_284719df3937aa835924df7c9c" ON "people"  ("tenant_id", "organization_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "purchase_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "transaction_number" text, "transaction_date" date, "reference" text, "organization_id" uuid, "person_id" uuid, "currency" text, "tax_calculation" text NOT NULL DEFAULT \'EXCLUSIVE\', "net_amount" numeric NOT NULL DEFAULT \'0\', "tax_amount" numeric NOT NULL DEFAULT \'0\', "total_amount" numeric NOT NULL DEFAULT \'0\', "status" text NOT NULL DEFAULT \'DRAFT\', "delivery_date" date, "delivery_address" jsonb, CONSTRAINT "PK_05148947415204a897e8beb2553" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_15d8a6235b8a90c8fa557df9fc" ON "purchase_orders"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_20f93da6a2e8f1b5f175cfe887" ON "purchase_orders"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_263006a8f642e43b236152a5fc" ON "purchase_orders"  ("tenant_id", "organization_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a635ee4abc71d92406470a4d78" ON "purchase_orders"  ("tenant_id", "transaction_date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "purchase_order_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "line_number" integer NOT NULL, "description" text, "quantity" numeric NOT NULL DEFAULT \'1\', "unit_price" numeric NOT NULL DEFAULT \'0\', "discount_percent" numeric, "item_id" uuid, "account_id" uuid, "tax_code_id" uuid, "net_amount" numeric NOT NULL DEFAULT \'0\', "tax_amount" numeric NOT NULL DEFAULT \'0\', "total_amount" numeric NOT NULL DEFAULT \'0\', "tax_rate" numeric, "purchase_order_id" uuid NOT NULL, CONSTRAINT "PK_34a2082d2abb10c5d8713bc19b8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1cba555b64bad4d4407b47e678" ON "purchase_order_lines"  ("tenant_id", "item_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_95211a5a3b23891f1f98e09f41" ON "purchase_order_lines"  ("tenant_id", "purchase_order_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "sync_events" ("tenant_id" uuid NOT NULL, "seq" bigint NOT NULL, "entity_type" text NOT NULL, "entity_id" uuid NOT NULL, "action" text NOT NULL, "origin" text NOT NULL, "app_id" uuid, "changed_fields" text array NOT NULL DEFAULT \'{}\', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f591cd4100f76a01aaeebf6f422" PRIMARY KEY ("tenant_id", "seq"))',
    );
    await queryRunner.query(
      'CREATE INDEX "sync_events_entity_idx" ON "sync_events"  ("tenant_id", "entity_type", "entity_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "tenant_event_counters" ("tenant_id" uuid NOT NULL, "last_seq" bigint NOT NULL DEFAULT \'0\', CONSTRAINT "PK_8ea050481287932e28c4dfe4ab6" PRIMARY KEY ("tenant_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "tax_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "tax_type" text NOT NULL, "status" text NOT NULL DEFAULT \'ACTIVE\', "effective_rate" numeric NOT NULL DEFAULT \'0\', "components" jsonb NOT NULL DEFAULT \'[]\', "can_apply_to_revenue" boolean NOT NULL DEFAULT false, "can_apply_to_expenses" boolean NOT NULL DEFAULT false, "can_apply_to_assets" boolean NOT NULL DEFAULT false, "can_apply_to_liabilities" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_657e27374d6b19b854df6111043" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_05a959a41ffc9196adc384a87a" ON "tax_codes"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_0bd6be9c40c7ab35d15dc86a1d" ON "tax_codes"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "time_sheets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "employee_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "status" text NOT NULL DEFAULT \'DRAFT\', "hours" numeric NOT NULL DEFAULT \'0\', CONSTRAINT "PK_bcab34f5b9722b1fd4d077b7298" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_b3508f1ed6cd15c86708be481e" ON "time_sheets"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_5bd9baba84a7b20fce56b1be00" ON "time_sheets"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0402a32195e3ddd333b9ffc599" ON "time_sheets"  ("tenant_id", "start_date") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0747679923ac2e03cb11ba3ab1" ON "time_sheets"  ("tenant_id", "employee_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "time_sheet_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "time_sheet_id" uuid NOT NULL, "line_number" integer NOT NULL DEFAULT \'1\', "pay_item_id" uuid, "work_location_id" uuid, "units" numeric array NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_2a5ac50fe30d3eaf4975810c32b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8e40a38c8c4740801b54f6b5e4" ON "time_sheet_lines"  ("tenant_id", "time_sheet_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "work_locations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "xero_id" text, "remote_updated_at" TIMESTAMP WITH TIME ZONE, "sync_status" text NOT NULL DEFAULT \'SYNCED\', "content_hash" text, "field_hashes" jsonb NOT NULL DEFAULT \'{}\', "deleted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "address" jsonb, "phone" jsonb, "is_primary" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_b6821db96b6c51d12b6561a79aa" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_17ded50b30063faed72741adfc" ON "work_locations"  ("tenant_id", "updated_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_ccc5d4e90ace30ad38b646c5a9" ON "work_locations"  ("tenant_id", "xero_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "accounts" ADD CONSTRAINT "FK_c1cce1e0d9cc2557038a7f639d7" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "company" ADD CONSTRAINT "FK_d37ba2ef0271f80021e0b6ef926" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "credit_notes" ADD CONSTRAINT "FK_07fabaca2cbf06c08c6c877d032" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "credit_note_lines" ADD CONSTRAINT "FK_b48ddff64c1c25afd1bf499c0f5" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "credit_note_lines" ADD CONSTRAINT "FK_71a76737c78041f36d917f7affc" FOREIGN KEY ("credit_note_id") REFERENCES "credit_notes"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "credit_note_allocations" ADD CONSTRAINT "FK_2c1849689ebd87042de88ec9b9b" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "credit_note_allocations" ADD CONSTRAINT "FK_6aca69bb087a6af28a72bdeff33" FOREIGN KEY ("credit_note_id") REFERENCES "credit_notes"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "employees" ADD CONSTRAINT "FK_588d18aeef0504067e40c682788" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "employee_salaries" ADD CONSTRAINT "FK_c2556e7b58d29a01a38af79faf6" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "id_map" ADD CONSTRAINT "FK_2d34b0ef27ff3c011bcee810f1b" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invoices" ADD CONSTRAINT "FK_440f531f452dcc4389d201b9d4b" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invoice_lines" ADD CONSTRAINT "FK_afed06c7cc182ba8cb633d6478e" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invoice_lines" ADD CONSTRAINT "FK_2da95dc86a54a00ff20ce46d0fe" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "items" ADD CONSTRAINT "FK_d7d027b642add7f0e77c36b874f" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "leave_applications" ADD CONSTRAINT "FK_099921256986e6aa914e7b79af5" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "leave_periods" ADD CONSTRAINT "FK_a1440fa8ced41abffaefdddd371" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "leave_periods" ADD CONSTRAINT "FK_fe9720cf5f6250f5897f34bb143" FOREIGN KEY ("leave_application_id") REFERENCES "leave_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "organizations" ADD CONSTRAINT "FK_73cf5671daf6562fae8c1a2df99" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pay_items" ADD CONSTRAINT "FK_6fccecbcb8da6d0a0de6314c9cf" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pay_runs" ADD CONSTRAINT "FK_71661eb51f13a0a375211e5a12f" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payslips" ADD CONSTRAINT "FK_40956e26bd6c726a7109991745b" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payslips" ADD CONSTRAINT "FK_ba81be05cfa33a75ce1eb79ca36" FOREIGN KEY ("pay_run_id") REFERENCES "pay_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pay_schedules" ADD CONSTRAINT "FK_4b22c43ca54efce6de6140ec014" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "payments" ADD CONSTRAINT "FK_9109b53fca5cef7720aca72974d" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "people" ADD CONSTRAINT "FK_bdca35930a4934831e969f201fb" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "purchase_orders" ADD CONSTRAINT "FK_237678c98436e0abb48b3060c82" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "FK_c07c8a298555beb9a5064d53dae" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "FK_c70f4952f88b5bd649151f631c8" FOREIGN KEY ("purchase_order_id") REFERENCES "purchase_orders"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "sync_events" ADD CONSTRAINT "FK_27e0eab1e0963bd96a64bf17ee6" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "tenant_event_counters" ADD CONSTRAINT "FK_8ea050481287932e28c4dfe4ab6" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "tax_codes" ADD CONSTRAINT "FK_4d71c92237d31e1e62d160630bc" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "time_sheets" ADD CONSTRAINT "FK_b6094359341e985e17e33b606d4" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "time_sheet_lines" ADD CONSTRAINT "FK_c63aa06e3eea691aedefb9da20a" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "time_sheet_lines" ADD CONSTRAINT "FK_55d85d781af6ba61dfa373adc11" FOREIGN KEY ("time_sheet_id") REFERENCES "time_sheets"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "work_locations" ADD CONSTRAINT "FK_f7e299424ec9ca60712971939c8" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "work_locations" DROP CONSTRAINT "FK_f7e299424ec9ca60712971939c8"');
    await queryRunner.query(
      'ALTER TABLE "time_sheet_lines" DROP CONSTRAINT "FK_55d85d781af6ba61dfa373adc11"',
    );
    await queryRunner.query(
      'ALTER TABLE "time_sheet_lines" DROP CONSTRAINT "FK_c63aa06e3eea691aedefb9da20a"',
    );
    await queryRunner.query('ALTER TABLE "time_sheets" DROP CONSTRAINT "FK_b6094359341e985e17e33b606d4"');
    await queryRunner.query('ALTER TABLE "tax_codes" DROP CONSTRAINT "FK_4d71c92237d31e1e62d160630bc"');
    await queryRunner.query(
      'ALTER TABLE "tenant_event_counters" DROP CONSTRAINT "FK_8ea050481287932e28c4dfe4ab6"',
    );
    await queryRunner.query('ALTER TABLE "sync_events" DROP CONSTRAINT "FK_27e0eab1e0963bd96a64bf17ee6"');
    await queryRunner.query(
      'ALTER TABLE "purchase_order_lines" DROP CONSTRAINT "FK_c70f4952f88b5bd649151f631c8"',
    );
    await queryRunner.query(
      'ALTER TABLE "purchase_order_lines" DROP CONSTRAINT "FK_c07c8a298555beb9a5064d53dae"',
    );
    await queryRunner.query('ALTER TABLE "purchase_orders" DROP CONSTRAINT "FK_237678c98436e0abb48b3060c82"');
    await queryRunner.query('ALTER TABLE "people" DROP CONSTRAINT "FK_bdca35930a4934831e969f201fb"');
    await queryRunner.query('ALTER TABLE "payments" DROP CONSTRAINT "FK_9109b53fca5cef7720aca72974d"');
    await queryRunner.query('ALTER TABLE "pay_schedules" DROP CONSTRAINT "FK_4b22c43ca54efce6de6140ec014"');
    await queryRunner.query('ALTER TABLE "payslips" DROP CONSTRAINT "FK_ba81be05cfa33a75ce1eb79ca36"');
    await queryRunner.query('ALTER TABLE "payslips" DROP CONSTRAINT "FK_40956e26bd6c726a7109991745b"');
    await queryRunner.query('ALTER TABLE "pay_runs" DROP CONSTRAINT "FK_71661eb51f13a0a375211e5a12f"');
    await queryRunner.query('ALTER TABLE "pay_items" DROP CONSTRAINT "FK_6fccecbcb8da6d0a0de6314c9cf"');
    await queryRunner.query('ALTER TABLE "organizations" DROP CONSTRAINT "FK_73cf5671daf6562fae8c1a2df99"');
    await queryRunner.query('ALTER TABLE "leave_periods" DROP CONSTRAINT "FK_fe9720cf5f6250f5897f34bb143"');
    await queryRunner.query('ALTER TABLE "leave_periods" DROP CONSTRAINT "FK_a1440fa8ced41abffaefdddd371"');
    await queryRunner.query(
      'ALTER TABLE "leave_applications" DROP CONSTRAINT "FK_099921256986e6aa914e7b79af5"',
    );
    await queryRunner.query('ALTER TABLE "items" DROP CONSTRAINT "FK_d7d027b642add7f0e77c36b874f"');
    await queryRunner.query('ALTER TABLE "invoice_lines" DROP CONSTRAINT "FK_2da95dc86a54a00ff20ce46d0fe"');
    await queryRunner.query('ALTER TABLE "invoice_lines" DROP CONSTRAINT "FK_afed06c7cc182ba8cb633d6478e"');
    await queryRunner.query('ALTER TABLE "invoices" DROP CONSTRAINT "FK_440f531f452dcc4389d201b9d4b"');
    await queryRunner.query('ALTER TABLE "id_map" DROP CONSTRAINT "FK_2d34b0ef27ff3c011bcee810f1b"');
    await queryRunner.query(
      'ALTER TABLE "employee_salaries" DROP CONSTRAINT "FK_c2556e7b58d29a01a38af79faf6"',
    );
    await queryRunner.query('ALTER TABLE "employees" DROP CONSTRAINT "FK_588d18aeef0504067e40c682788"');
    await queryRunner.query(
      'ALTER TABLE "credit_note_allocations" DROP CONSTRAINT "FK_6aca69bb087a6af28a72bdeff33"',
    );
    await queryRunner.query(
      'ALTER TABLE "credit_note_allocations" DROP CONSTRAINT "FK_2c1849689ebd87042de88ec9b9b"',
    );
    await queryRunner.query(
      'ALTER TABLE "credit_note_lines" DROP CONSTRAINT "FK_71a76737c78041f36d917f7affc"',
    );
    await queryRunner.query(
      'ALTER TABLE "credit_note_lines" DROP CONSTRAINT "FK_b48ddff64c1c25afd1bf499c0f5"',
    );
    await queryRunner.query('ALTER TABLE "credit_notes" DROP CONSTRAINT "FK_07fabaca2cbf06c08c6c877d032"');
    await queryRunner.query('ALTER TABLE "company" DROP CONSTRAINT "FK_d37ba2ef0271f80021e0b6ef926"');
    await queryRunner.query('ALTER TABLE "accounts" DROP CONSTRAINT "FK_c1cce1e0d9cc2557038a7f639d7"');
    await queryRunner.query('DROP INDEX "public"."IDX_ccc5d4e90ace30ad38b646c5a9"');
    await queryRunner.query('DROP INDEX "public"."IDX_17ded50b30063faed72741adfc"');
    await queryRunner.query('DROP TABLE "work_locations"');
    await queryRunner.query('DROP INDEX "public"."IDX_8e40a38c8c4740801b54f6b5e4"');
    await queryRunner.query('DROP TABLE "time_sheet_lines"');
    await queryRunner.query('DROP INDEX "public"."IDX_0747679923ac2e03cb11ba3ab1"');
    await queryRunner.query('DROP INDEX "public"."IDX_0402a32195e3ddd333b9ffc599"');
    await queryRunner.query('DROP INDEX "public"."IDX_5bd9baba84a7b20fce56b1be00"');
    await queryRunner.query('DROP INDEX "public"."IDX_b3508f1ed6cd15c86708be481e"');
    await queryRunner.query('DROP TABLE "time_sheets"');
    await queryRunner.query('DROP INDEX "public"."IDX_0bd6be9c40c7ab35d15dc86a1d"');
    await queryRunner.query('DROP INDEX "public"."IDX_05a959a41ffc9196adc384a87a"');
    await queryRunner.query('DROP TABLE "tax_codes"');
    await queryRunner.query('DROP TABLE "tenant_event_counters"');
    await queryRunner.query('DROP INDEX "public"."sync_events_entity_idx"');
    await queryRunner.query('DROP TABLE "sync_events"');
    await queryRunner.query('DROP INDEX "public"."IDX_95211a5a3b23891f1f98e09f41"');
    await queryRunner.query('DROP INDEX "public"."IDX_1cba555b64bad4d4407b47e678"');
    await queryRunner.query('DROP TABLE "purchase_order_lines"');
    await queryRunner.query('DROP INDEX "public"."IDX_a635ee4abc71d92406470a4d78"');
    await queryRunner.query('DROP INDEX "public"."IDX_263006a8f642e43b236152a5fc"');
    await queryRunner.query('DROP INDEX "public"."IDX_20f93da6a2e8f1b5f175cfe887"');
    await queryRunner.query('DROP INDEX "public"."IDX_15d8a6235b8a90c8fa557df9fc"');
    await queryRunner.query('DROP TABLE "purchase_orders"');
    await queryRunner.query('DROP INDEX "public"."IDX_284719df3937aa835924df7c9c"');
    await queryRunner.query('DROP INDEX "public"."IDX_336d335156ef54f9a7b3f8d949"');
    await queryRunner.query('DROP INDEX "public"."IDX_2fa99f9d839c751d94ed79db58"');
    await queryRunner.query('DROP INDEX "public"."IDX_c38c1c030882afd717b9bbfab0"');
    await queryRunner.query('DROP TABLE "people"');
    await queryRunner.query('DROP INDEX "public"."IDX_7fbd4ea21124e9e459f442b51f"');
    await queryRunner.query('DROP INDEX "public"."IDX_94c1cbbc0fa78325d5117bc7e1"');
    await queryRunner.query('DROP INDEX "public"."IDX_42bf9e19df8ce7e94ac61b1368"');
    await queryRunner.query('DROP INDEX "public"."IDX_b2a6ad9437148d50dfdeff0c72"');
    await queryRunner.query('DROP TABLE "payments"');
    await queryRunner.query('DROP INDEX "public"."IDX_d96ea6611aff1ee0cf26b0ed30"');
    await queryRunner.query('DROP INDEX "public"."IDX_66b267678ff4ff79aa7e5698af"');
    await queryRunner.query('DROP TABLE "pay_schedules"');
    await queryRunner.query('DROP INDEX "public"."IDX_16fce0d071bd3508bc120f209b"');
    await queryRunner.query('DROP INDEX "public"."IDX_31e8c92d6182dc08d6c49be5ad"');
    await queryRunner.query('DROP TABLE "payslips"');
    await queryRunner.query('DROP INDEX "public"."IDX_8b866f6779e422f765e5a6952c"');
    await queryRunner.query('DROP INDEX "public"."IDX_df842aafb31ec1ba127f118996"');
    await queryRunner.query('DROP INDEX "public"."IDX_9e4c650694c7ff30e2f1e62763"');
    await queryRunner.query('DROP TABLE "pay_runs"');
    await queryRunner.query('DROP INDEX "public"."IDX_6643b586c4a1ed2ce061d2395b"');
    await queryRunner.query('DROP INDEX "public"."IDX_dd7af87776f8d1f8cf4b5aa145"');
    await queryRunner.query('DROP TABLE "pay_items"');
    await queryRunner.query('DROP INDEX "public"."IDX_aff4e1aba820a84ce77efc6f12"');
    await queryRunner.query('DROP INDEX "public"."IDX_155e241a9939c06ab91ecaa939"');
    await queryRunner.query('DROP INDEX "public"."IDX_2dda4d2eb287c528e2d7514f9e"');
    await queryRunner.query('DROP TABLE "organizations"');
    await queryRunner.query('DROP INDEX "public"."IDX_747b4af760ca409edac4c56be9"');
    await queryRunner.query('DROP TABLE "leave_periods"');
    await queryRunner.query('DROP INDEX "public"."IDX_ee431b5224f7ef71c36d457fa3"');
    await queryRunner.query('DROP INDEX "public"."IDX_8d1a70952039c2f0245800ce01"');
    await queryRunner.query('DROP INDEX "public"."IDX_ffa771149dba8ad55834d6ede7"');
    await queryRunner.query('DROP TABLE "leave_applications"');
    await queryRunner.query('DROP INDEX "public"."IDX_9763362081c4fe4a733d70378e"');
    await queryRunner.query('DROP INDEX "public"."IDX_d6197bc483745dd01386b841ee"');
    await queryRunner.query('DROP INDEX "public"."IDX_58922536e0532e9f6ea0a0de7d"');
    await queryRunner.query('DROP TABLE "items"');
    await queryRunner.query('DROP INDEX "public"."IDX_d268d20946d0daa0c32c467fa7"');
    await queryRunner.query('DROP INDEX "public"."IDX_d4c6827a937326c40dc1f4d0b2"');
    await queryRunner.query('DROP TABLE "invoice_lines"');
    await queryRunner.query('DROP INDEX "public"."IDX_87bca9807f6b50a3aed4522b37"');
    await queryRunner.query('DROP INDEX "public"."IDX_3a44223d272af7a00cf625fd44"');
    await queryRunner.query('DROP INDEX "public"."IDX_03007f55fd3c970c13ec61d42b"');
    await queryRunner.query('DROP INDEX "public"."IDX_6810e5705631dc170754ab5fcd"');
    await queryRunner.query('DROP TABLE "invoices"');
    await queryRunner.query('DROP INDEX "public"."id_map_external_uq"');
    await queryRunner.query('DROP INDEX "public"."id_map_record_uq"');
    await queryRunner.query('DROP INDEX "public"."id_map_connec_idx"');
    await queryRunner.query('DROP TABLE "id_map"');
    await queryRunner.query('DROP INDEX "public"."IDX_73ff8538d3d8540569dcb2bbc9"');
    await queryRunner.query('DROP INDEX "public"."IDX_7192fa838f5ed318735a29b27b"');
    await queryRunner.query('DROP INDEX "public"."IDX_dde69bb5a03f0f8764161ff688"');
    await queryRunner.query('DROP TABLE "employee_salaries"');
    await queryRunner.query('DROP INDEX "public"."IDX_1f8311b6e6f1948d335691f923"');
    await queryRunner.query('DROP INDEX "public"."IDX_db383eb70928ae1a783187108d"');
    await queryRunner.query('DROP INDEX "public"."IDX_b38b5bdf4455ebc9a881c9d151"');
    await queryRunner.query('DROP TABLE "employees"');
    await queryRunner.query('DROP INDEX "public"."IDX_5a556da985f30d94e1aac6c6c1"');
    await queryRunner.query('DROP INDEX "public"."IDX_f520dc04cc64906133cf545b91"');
    await queryRunner.query('DROP TABLE "credit_note_allocations"');
    await queryRunner.query('DROP INDEX "public"."IDX_9343b9121ebecf725f34d60d03"');
    await queryRunner.query('DROP INDEX "public"."IDX_21d0a7a39b5420a3c9f17e2012"');
    await queryRunner.query('DROP TABLE "credit_note_lines"');
    await queryRunner.query('DROP INDEX "public"."IDX_b3c7d840ab915c30f79f26a5e8"');
    await queryRunner.query('DROP INDEX "public"."IDX_4f4dc385f3d0c5e1713e05f36b"');
    await queryRunner.query('DROP INDEX "public"."IDX_bb6456819d51519f9e50a601ec"');
    await queryRunner.query('DROP INDEX "public"."IDX_9894a3ccf90b0657d98c8669e2"');
    await queryRunner.query('DROP TABLE "credit_notes"');
    await queryRunner.query('DROP INDEX "public"."IDX_d37ba2ef0271f80021e0b6ef92"');
    await queryRunner.query('DROP INDEX "public"."IDX_ab9371b337b2860b074fbee316"');
    await queryRunner.query('DROP INDEX "public"."IDX_89211bd530e109fa9969133196"');
    await queryRunner.query('DROP TABLE "company"');
    await queryRunner.query('DROP INDEX "public"."IDX_676b27b97853130f8e6b410875"');
    await queryRunner.query('DROP INDEX "public"."IDX_57eae98a68e2e562215e7f373a"');
    await queryRunner.query('DROP INDEX "public"."IDX_48c16cefe205f5594604f8a6c8"');
    await queryRunner.query('DROP TABLE "accounts"');
  }
}
