import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Officers' figures count verified enterprises only (domain.md §3, issue 13):
 * - an enterprise may be refused, with the reason its applicant is told;
 * - only a verified enterprise holds its credit code: the unique index becomes partial, so an
 *   unverified registration never blocks a code, and verifying a second holder of a code fails on
 *   the index (race-safe); a plain index serves the verifier's "same code" lookups;
 * - quota_years copies the verification as `verified` (set on insert under the share lock of
 *   quota_years_stamp, kept current by organisations_to_quota_years, like the name), and the
 *   table's indexes hold verified rows only, so the remit's reads stay index walks and a verify or
 *   a refusal stamps the rows, which the summary's memo sees at once.
 */
export class VerifiedFigures1796900000000 implements MigrationInterface {
  name = 'VerifiedFigures1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" DROP CONSTRAINT "organisations_verification"`);
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD CONSTRAINT "organisations_verification" CHECK ("verification" IN ('unverified', 'verified', 'refused'))`,
    );
    await queryRunner.query(`ALTER TABLE "organisations" ADD "refusal_reason" text, ADD "refused_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD CONSTRAINT "organisations_refusal" CHECK ("verification" <> 'refused' OR "refusal_reason" IS NOT NULL)`,
    );
    await queryRunner.query(`DROP INDEX "public"."organisations_uscc"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organisations_uscc" ON "organisations" ("uscc") WHERE "uscc" IS NOT NULL AND "verification" = 'verified'`,
    );
    await queryRunner.query(`CREATE INDEX "organisations_by_uscc" ON "organisations" ("uscc")`);

    await queryRunner.query(`ALTER TABLE "quota_years" ADD "verified" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `UPDATE "quota_years" q SET "verified" = (o."verification" = 'verified') FROM "organisations" o WHERE o."id" = q."enterprise_id"`,
    );
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "quota_years_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT o.kind, o.name, o.district, o.ownership, o.industry, o.verification = 'verified'
      INTO NEW.kind, NEW.name, NEW.district, NEW.ownership, NEW.industry, NEW.verified
      FROM organisations o WHERE o.id = NEW.enterprise_id FOR SHARE;
  END IF;
  NEW.changed_xid := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "organisations_to_quota_years"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE quota_years SET kind = NEW.kind, name = NEW.name, district = NEW.district, ownership = NEW.ownership, industry = NEW.industry,
                         verified = (NEW.verification = 'verified')
   WHERE enterprise_id = NEW.id;
  RETURN NULL;
END $$`);
    await queryRunner.query(`DROP TRIGGER "organisations_to_quota_years" ON "organisations"`);
    await queryRunner.query(`CREATE TRIGGER "organisations_to_quota_years" AFTER UPDATE OF "kind", "name", "district", "ownership", "industry", "verification" ON "organisations" FOR EACH ROW
      WHEN (OLD."kind" IS DISTINCT FROM NEW."kind" OR OLD."name" IS DISTINCT FROM NEW."name" OR OLD."district" IS DISTINCT FROM NEW."district"
            OR OLD."ownership" IS DISTINCT FROM NEW."ownership" OR OLD."industry" IS DISTINCT FROM NEW."industry"
            OR OLD."verification" IS DISTINCT FROM NEW."verification")
      EXECUTE FUNCTION "organisations_to_quota_years"()`);
    for (const [name, columns] of INDEXES) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
      await queryRunner.query(`CREATE INDEX "${name}" ON "quota_years" (${columns}) WHERE "verified"`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name, columns] of INDEXES) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
      await queryRunner.query(`CREATE INDEX "${name}" ON "quota_years" (${columns})`);
    }
    await queryRunner.query(`DROP TRIGGER "organisations_to_quota_years" ON "organisations"`);
    await queryRunner.query(`CREATE TRIGGER "organisations_to_quota_years" AFTER UPDATE OF "kind", "name", "district", "ownership", "industry" ON "organisations" FOR EACH ROW
      WHEN (OLD."kind" IS DISTINCT FROM NEW."kind" OR OLD."name" IS DISTINCT FROM NEW."name" OR OLD."district" IS DISTINCT FROM NEW."district"
            OR OLD."ownership" IS DISTINCT FROM NEW."ownership" OR OLD."industry" IS DISTINCT FROM NEW."industry")
      EXECUTE FUNCTION "organisations_to_quota_years"()`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "organisations_to_quota_years"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE quota_years SET kind = NEW.kind, name = NEW.name, district = NEW.district, ownership = NEW.ownership, industry = NEW.industry
   WHERE enterprise_id = NEW.id;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "quota_years_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT o.kind, o.name, o.district, o.ownership, o.industry INTO NEW.kind, NEW.name, NEW.district, NEW.ownership, NEW.industry
      FROM organisations o WHERE o.id = NEW.enterprise_id FOR SHARE;
  END IF;
  NEW.changed_xid := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END $$`);
    await queryRunner.query(`ALTER TABLE "quota_years" DROP COLUMN "verified"`);
    await queryRunner.query(`DROP INDEX "public"."organisations_by_uscc"`);
    await queryRunner.query(`DROP INDEX "public"."organisations_uscc"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "organisations_uscc" ON "organisations" ("uscc") WHERE "uscc" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP CONSTRAINT "organisations_refusal"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "refused_at", DROP COLUMN "refusal_reason"`);
    await queryRunner.query(`UPDATE "organisations" SET "verification" = 'unverified' WHERE "verification" = 'refused'`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP CONSTRAINT "organisations_verification"`);
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD CONSTRAINT "organisations_verification" CHECK ("verification" IN ('unverified', 'verified'))`,
    );
  }
}

const INDEXES: Array<[string, string]> = [
  ['quota_years_by_name', `"year", "name", "enterprise_id"`],
  ['quota_years_by_district', `"year", "district", "name", "enterprise_id"`],
  ['quota_years_by_industry', `"year", "industry", "name", "enterprise_id"`],
];
