import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-registration finishes through an e-mailed link: one row per registration waiting for it.
 * The worker writes the row (only for an e-mail no account has) with the link's SHA-256 — the secret
 * is never stored — and what the applicant stated; no password is kept: it is chosen on the confirm
 * page. A link works once (`used_at`) until `expires_at`, 24 hours; expired rows are deleted.
 */
export class EnterpriseRegistrations1796970000000 implements MigrationInterface {
  name = 'EnterpriseRegistrations1796970000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "enterprise_registrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "application" jsonb NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_enterprise_registrations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "enterprise_registrations_email" ON "enterprise_registrations" ("email")`);
    await queryRunner.query(`CREATE INDEX "enterprise_registrations_expires_at" ON "enterprise_registrations" ("expires_at")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "enterprise_registrations_token_hash" ON "enterprise_registrations" ("token_hash")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "enterprise_registrations"`);
  }
}
