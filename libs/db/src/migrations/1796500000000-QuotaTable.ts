import { MigrationInterface, QueryRunner } from 'typeorm';

// quotaThresholdsSql (libs/domain quota.ts) over this row, written out: a migration does not change with the code.
const DAYS = `(make_date("year", 12, 31) - make_date("year", 1, 1) + 1)`;
const ON_TRACK_UNTIL = `CASE WHEN "hosted" < "required" THEN (("hosted" + 1)::bigint * ${DAYS} - 1) / "required" END`;
const AT_RISK_UNTIL = `CASE WHEN "hosted" < "required" THEN ((2 * "hosted" + 2)::bigint * ${DAYS} - 1) / "required" END`;

/**
 * The bureaus' quota table and summary read `quota_years` alone (issue 6: 10^5 enterprises):
 * - the organisation's kind, name, district, ownership and industry are copied onto its rows —
 *   filled on insert under a share lock on the organisation, kept current by a trigger on
 *   organisations — so that the remit, the filters and the name order are served by indexes;
 * - the status, which depends on the day, is stored as two date-free thresholds (libs/domain
 *   quotaThresholds), so "behind today" is a range condition with statistics behind it;
 * - `changed_xid`, the transaction that last wrote a row, and `quota_year_removals`, one line per
 *   deleting statement, tell whether anything changed between two snapshots (the summary's memo).
 * Rows of organisations that no longer exist were hidden by the old join; they go, and a foreign
 * key removes them from now on.
 */
export class QuotaTable1796500000000 implements MigrationInterface {
  name = 'QuotaTable1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "quota_years" q WHERE NOT EXISTS (SELECT 1 FROM "organisations" o WHERE o."id" = q."enterprise_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "quota_years" ADD CONSTRAINT "FK_quota_years_enterprise" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quota_years" ADD "kind" text, ADD "name" text, ADD "district" text, ADD "ownership" text, ADD "industry" text`,
    );
    await queryRunner.query(
      `UPDATE "quota_years" q SET "kind" = o."kind", "name" = o."name", "district" = o."district", "ownership" = o."ownership", "industry" = o."industry"
         FROM "organisations" o WHERE o."id" = q."enterprise_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "quota_years" ALTER COLUMN "kind" SET NOT NULL, ALTER COLUMN "name" SET NOT NULL, ALTER COLUMN "district" SET NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "quota_years" ADD "on_track_until" integer GENERATED ALWAYS AS (${ON_TRACK_UNTIL}) STORED,
                                 ADD "at_risk_until" integer GENERATED ALWAYS AS (${AT_RISK_UNTIL}) STORED,
                                 ADD "changed_xid" bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint)`,
    );
    await queryRunner.query(
      `CREATE TABLE "quota_year_removals" ("xid" bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())`,
    );
    await queryRunner.query(`CREATE INDEX "quota_year_removals_xid" ON "quota_year_removals" ("xid")`);

    // On insert the organisation's facts, read under FOR SHARE: a concurrent rename either commits
    // first (and is read here) or waits for this row and then updates it. Every write is stamped.
    await queryRunner.query(`CREATE FUNCTION "quota_years_stamp"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT o.kind, o.name, o.district, o.ownership, o.industry INTO NEW.kind, NEW.name, NEW.district, NEW.ownership, NEW.industry
      FROM organisations o WHERE o.id = NEW.enterprise_id FOR SHARE;
  END IF;
  NEW.changed_xid := pg_current_xact_id()::text::bigint;
  RETURN NEW;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "quota_years_stamp" BEFORE INSERT OR UPDATE ON "quota_years" FOR EACH ROW EXECUTE FUNCTION "quota_years_stamp"()`,
    );
    await queryRunner.query(`CREATE FUNCTION "quota_years_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO quota_year_removals DEFAULT VALUES;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "quota_years_removed" AFTER DELETE OR TRUNCATE ON "quota_years" FOR EACH STATEMENT EXECUTE FUNCTION "quota_years_removed"()`,
    );
    await queryRunner.query(`CREATE FUNCTION "organisations_to_quota_years"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE quota_years SET kind = NEW.kind, name = NEW.name, district = NEW.district, ownership = NEW.ownership, industry = NEW.industry
   WHERE enterprise_id = NEW.id;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE TRIGGER "organisations_to_quota_years" AFTER UPDATE OF "kind", "name", "district", "ownership", "industry" ON "organisations" FOR EACH ROW
      WHEN (OLD."kind" IS DISTINCT FROM NEW."kind" OR OLD."name" IS DISTINCT FROM NEW."name" OR OLD."district" IS DISTINCT FROM NEW."district"
            OR OLD."ownership" IS DISTINCT FROM NEW."ownership" OR OLD."industry" IS DISTINCT FROM NEW."industry")
      EXECUTE FUNCTION "organisations_to_quota_years"()`);

    // A page in name order, whole or by district or industry, read in order and stopped at its last row.
    await queryRunner.query(`DROP INDEX "public"."quota_years_year"`);
    await queryRunner.query(`CREATE INDEX "quota_years_by_name" ON "quota_years" ("year", "name", "enterprise_id")`);
    await queryRunner.query(`CREATE INDEX "quota_years_by_district" ON "quota_years" ("year", "district", "name", "enterprise_id")`);
    await queryRunner.query(`CREATE INDEX "quota_years_by_industry" ON "quota_years" ("year", "industry", "name", "enterprise_id")`);
    await queryRunner.query(`CREATE INDEX "quota_years_changed" ON "quota_years" ("changed_xid")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."quota_years_changed"`);
    await queryRunner.query(`DROP INDEX "public"."quota_years_by_industry"`);
    await queryRunner.query(`DROP INDEX "public"."quota_years_by_district"`);
    await queryRunner.query(`DROP INDEX "public"."quota_years_by_name"`);
    await queryRunner.query(`CREATE INDEX "quota_years_year" ON "quota_years" ("year", "enterprise_id")`);
    await queryRunner.query(`DROP TRIGGER "organisations_to_quota_years" ON "organisations"`);
    await queryRunner.query(`DROP FUNCTION "organisations_to_quota_years"()`);
    await queryRunner.query(`DROP TRIGGER "quota_years_removed" ON "quota_years"`);
    await queryRunner.query(`DROP FUNCTION "quota_years_removed"()`);
    await queryRunner.query(`DROP TRIGGER "quota_years_stamp" ON "quota_years"`);
    await queryRunner.query(`DROP FUNCTION "quota_years_stamp"()`);
    await queryRunner.query(`DROP TABLE "quota_year_removals"`);
    await queryRunner.query(
      `ALTER TABLE "quota_years" DROP COLUMN "changed_xid", DROP COLUMN "at_risk_until", DROP COLUMN "on_track_until",
         DROP COLUMN "industry", DROP COLUMN "ownership", DROP COLUMN "district", DROP COLUMN "name", DROP COLUMN "kind"`,
    );
    await queryRunner.query(`ALTER TABLE "quota_years" DROP CONSTRAINT "FK_quota_years_enterprise"`);
  }
}
