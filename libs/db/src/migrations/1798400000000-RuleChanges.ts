import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history of the year's rules: one row per save, with who saved, the numbers before and after
 * and the differences. Appended by the save's own transaction; a trigger refuses UPDATE and DELETE.
 */
export class RuleChanges1798400000000 implements MigrationInterface {
  name = 'RuleChanges1798400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rule_changes" ("id" BIGSERIAL NOT NULL, "year" integer NOT NULL, "changed_by" uuid, "before" jsonb NOT NULL, "after" jsonb NOT NULL, "changes" jsonb NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_rule_changes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "rule_changes_year" ON "rule_changes" ("year", "id") `);
    await queryRunner.query(
      `CREATE FUNCTION rule_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'rule_changes is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER rule_changes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "rule_changes" FOR EACH STATEMENT EXECUTE FUNCTION rule_changes_append_only()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rule_changes"`);
    await queryRunner.query(`DROP FUNCTION rule_changes_append_only()`);
  }
}
