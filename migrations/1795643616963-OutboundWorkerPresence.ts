import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboundWorkerPresence1795643616963 implements MigrationInterface {
  name = 'OutboundWorkerPresence1795643616963';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "outbound_workers" ("id" uuid NOT NULL, "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_df157ef4844c9c27568fe100bcd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('ALTER TABLE "outbound_ops" ADD "claimed_by" uuid');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "outbound_ops" DROP COLUMN "claimed_by"');
    await queryRunner.query('DROP TABLE "outbound_workers"');
  }
}
