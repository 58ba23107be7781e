import { MigrationInterface, QueryRunner } from 'typeorm';

/** Bulk imports (issue 6): the uploaded files and their reports, and accounts waiting for activation. */
export class Imports1796100000000 implements MigrationInterface {
  name = 'Imports1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "school_id" uuid, "created_by" uuid NOT NULL, "file_name" text NOT NULL, "format" text NOT NULL, "file" bytea, "total_rows" integer, "processed_rows" integer NOT NULL DEFAULT 0, "imported_rows" integer NOT NULL DEFAULT 0, "error_count" integer NOT NULL DEFAULT 0, "errors" jsonb NOT NULL DEFAULT '[]', "failure" text, "codes_issued_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "imports_school" CHECK (("kind" = 'headcounts') = ("school_id" IS NULL)), CONSTRAINT "imports_status" CHECK ("status" IN ('queued', 'validating', 'importing', 'done', 'rejected', 'failed')), CONSTRAINT "imports_kind" CHECK ("kind" IN ('students', 'teachers', 'headcounts')), CONSTRAINT "PK_imports" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "imports_school_created" ON "imports" ("school_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "imports_created_by" ON "imports" ("created_by", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "imports" ADD CONSTRAINT "FK_imports_school" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "imports" ADD CONSTRAINT "FK_imports_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The file bytes are read once by the worker and dropped: no point compressing them.
    await queryRunner.query(`ALTER TABLE "imports" ALTER COLUMN "file" SET STORAGE EXTERNAL`);

    await queryRunner.query(
      `CREATE TABLE "account_activations" ("user_id" uuid NOT NULL, "import_id" uuid NOT NULL, "code_hash" text, CONSTRAINT "PK_account_activations" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "account_activations_import_id" ON "account_activations" ("import_id") `);
    // No foreign keys on account_activations, on purpose: see the entity.

    // An imported account has no password until its owner activates it.
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "users" WHERE "password_hash" IS NULL`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "account_activations"`);
    await queryRunner.query(`DROP TABLE "imports"`);
  }
}
