import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a failed import failed, as a code the portal words for the uploader (zh-CN, en): no progress
 * for too long (a worker killed mid-import), its queued job gone, never queued, or an error of ours.
 * Every failed import has one. The worker's sweep finds unfinished imports by their last progress,
 * through a partial index that holds only those (a handful, whatever the table's size).
 */
export class ImportFailureReason1796930000000 implements MigrationInterface {
  name = 'ImportFailureReason1796930000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "imports" ADD "failure_reason" text`);
    await queryRunner.query(
      `UPDATE "imports" SET "failure_reason" = CASE WHEN "failure" = 'could not be queued' THEN 'NOT_QUEUED' ELSE 'INTERNAL_ERROR' END WHERE "status" = 'failed'`,
    );
    await queryRunner.query(
      `ALTER TABLE "imports" ADD CONSTRAINT "imports_failure_reason" CHECK ("failure_reason" IN ('STALLED', 'JOB_LOST', 'NOT_QUEUED', 'INTERNAL_ERROR') AND "status" = 'failed' OR "failure_reason" IS NULL AND "status" <> 'failed')`,
    );
    await queryRunner.query(
      `CREATE INDEX "imports_unfinished" ON "imports" ("updated_at") WHERE "status" IN ('queued', 'validating', 'importing')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "imports_unfinished"`);
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "imports_failure_reason"`);
    await queryRunner.query(`ALTER TABLE "imports" DROP COLUMN "failure_reason"`);
  }
}
