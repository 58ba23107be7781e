import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Forgot password": one row per requested reset link. The API writes the row; the worker makes the
 * link's secret, keeps only its SHA-256 here and e-mails the link — the secret itself is never
 * stored, not even in the queue. A link works once, for 30 minutes.
 */
export class PasswordResets1796914000000 implements MigrationInterface {
  name = 'PasswordResets1796914000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_resets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_password_resets" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "password_resets_user_id" ON "password_resets" ("user_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "password_resets_token_hash" ON "password_resets" ("token_hash")`);
    await queryRunner.query(
      `ALTER TABLE "password_resets" ADD CONSTRAINT "FK_password_resets_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "password_resets"`);
  }
}
