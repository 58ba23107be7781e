import { MigrationInterface, QueryRunner } from 'typeorm';

export class QuotaYears1795942572490 implements MigrationInterface {
  name = 'QuotaYears1795942572490';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "quota_years" ("enterprise_id" uuid NOT NULL, "year" integer NOT NULL, "employees" integer, "required" integer NOT NULL, "hosted" integer NOT NULL, "cap" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b484b7f42e0c6c159fef9fc8de2" PRIMARY KEY ("enterprise_id", "year"))`,
    );
    await queryRunner.query(`CREATE INDEX "quota_years_year" ON "quota_years"  ("year", "enterprise_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."quota_years_year"`);
    await queryRunner.query(`DROP TABLE "quota_years"`);
  }
}
