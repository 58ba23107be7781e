import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessLog1795943304081 implements MigrationInterface {
  name = 'AccessLog1795943304081';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "access_log" ("id" BIGSERIAL NOT NULL, "actor_id" uuid NOT NULL, "actor_role" text NOT NULL, "subject_id" uuid NOT NULL, "what" text NOT NULL, "why" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bd09621fb73b42d9e32b85ae41f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "access_log_actor" ON "access_log"  ("actor_id", "at") `);
    // Append-only: the log of who read whose data cannot be edited or erased through SQL either.
    await queryRunner.query(
      `CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'access_log is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "access_log" FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()`,
    );
    await queryRunner.query(`CREATE INDEX "access_log_subject" ON "access_log"  ("subject_id", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."access_log_subject"`);
    await queryRunner.query(`DROP INDEX "public"."access_log_actor"`);
    await queryRunner.query(`DROP TABLE "access_log"`);
    await queryRunner.query(`DROP FUNCTION access_log_append_only()`);
  }
}
