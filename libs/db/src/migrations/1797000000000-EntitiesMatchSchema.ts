import { MigrationInterface, QueryRunner } from 'typeorm';

// The thresholds of QuotaTable1796500000000, as the QuotaYear entity words them: what TypeORM compares them with.
const DAYS = `(make_date("year", 12, 31) - make_date("year", 1, 1) + 1)`;
const GENERATED_COLUMNS = [
  ['on_track_until', `CASE WHEN "hosted" < "required" THEN (("hosted" + 1)::bigint * ${DAYS} - 1) / "required" END`],
  ['at_risk_until', `CASE WHEN "hosted" < "required" THEN ((2 * "hosted" + 2)::bigint * ${DAYS} - 1) / "required" END`],
] as const;

/**
 * What the entities could not say about the schema, changed so that they can (issue 15: `npm run db:generate`
 * finds nothing, and a test holds it so). Nothing reads or writes differently.
 * - The transaction stamp's default becomes `current_xid()`: TypeORM reads a default back without its casts,
 *   so no entity could match `pg_current_xact_id()::text::bigint`.
 * - `quota_year_removals` gets a primary key, which an entity needs; its xid cannot be one (a transaction
 *   that deletes twice writes it twice).
 * - TypeORM reads a generated column's expression from its `typeorm_metadata` table (the catalog's rendering
 *   differs from the entity's text), where QuotaTable1796500000000 left none for quota_years' thresholds.
 *   The rows name this database, as TypeORM's do: a copy under another name (a test's clone) reads none.
 */
export class EntitiesMatchSchema1797000000000 implements MigrationInterface {
  name = 'EntitiesMatchSchema1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION "current_xid"() RETURNS bigint LANGUAGE sql VOLATILE AS $$ SELECT pg_current_xact_id()::text::bigint $$`,
    );
    await queryRunner.query(`ALTER TABLE "quota_years" ALTER COLUMN "changed_xid" SET DEFAULT current_xid()`);
    await queryRunner.query(`ALTER TABLE "quota_year_removals" ALTER COLUMN "xid" SET DEFAULT current_xid()`);
    await queryRunner.query(
      `ALTER TABLE "quota_year_removals" ADD "id" BIGSERIAL NOT NULL, ADD CONSTRAINT "PK_quota_year_removals" PRIMARY KEY ("id")`,
    );

    // TypeORM creates this table before running migrations when an entity has a generated column; here in case it did not.
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" character varying NOT NULL, "database" character varying, "schema" character varying,
         "table" character varying, "name" character varying, "value" text)`,
    );
    for (const [column, expression] of GENERATED_COLUMNS) {
      await queryRunner.query(
        `INSERT INTO "typeorm_metadata" ("type", "database", "schema", "table", "name", "value")
         VALUES ('GENERATED_COLUMN', current_database(), current_schema(), 'quota_years', $1, $2)`,
        [column, expression],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "database" = current_database() AND "schema" = current_schema()
         AND "table" = 'quota_years' AND "name" = ANY($1)`,
      [GENERATED_COLUMNS.map(([column]) => column)],
    );
    await queryRunner.query(`ALTER TABLE "quota_year_removals" DROP CONSTRAINT "PK_quota_year_removals", DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "quota_year_removals" ALTER COLUMN "xid" SET DEFAULT (pg_current_xact_id()::text::bigint)`);
    await queryRunner.query(`ALTER TABLE "quota_years" ALTER COLUMN "changed_xid" SET DEFAULT (pg_current_xact_id()::text::bigint)`);
    await queryRunner.query(`DROP FUNCTION "current_xid"()`);
  }
}
