import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The year a headcount import is for, when the officer named one (the portal's "Import 2026
 * headcounts"): every row of the file must be of that year. Null for people imports, and for a
 * headcount file whose rows each name their own year.
 */
export class ImportYear1796700000000 implements MigrationInterface {
  name = 'ImportYear1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "imports" ADD "year" integer`);
    await queryRunner.query(
      `ALTER TABLE "imports" ADD CONSTRAINT "imports_year" CHECK ("year" IS NULL OR ("kind" = 'headcounts' AND "year" BETWEEN 2000 AND 2100))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "imports" DROP CONSTRAINT "imports_year"`);
    await queryRunner.query(`ALTER TABLE "imports" DROP COLUMN "year"`);
  }
}
