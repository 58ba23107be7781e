import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tripartite agreement (issue 18): agreements, their versions, the append-only signatures (a trigger
 * refuses UPDATE, DELETE and TRUNCATE), the guardian's one-time links, signing codes, the guardian's contact
 * on the student, and `placements.agreement_signed_at`. Every student internship or apprenticeship placement
 * made before gets a drafted agreement here (the same SQL as libs/agreements DRAFT_AGREEMENTS, over all of
 * them): unsigned, it stops counting as hosted until every party signs.
 */
export class Agreements1798500000000 implements MigrationInterface {
  name = 'Agreements1798500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "students" ADD "guardian_name" text`);
    await queryRunner.query(`ALTER TABLE "students" ADD "guardian_phone" text`);
    await queryRunner.query(`ALTER TABLE "students" ADD "guardian_email" text`);
    await queryRunner.query(`ALTER TABLE "placements" ADD "agreement_signed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE TABLE "agreements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "placement_id" uuid NOT NULL, "current_version" integer NOT NULL DEFAULT '1', "status" text NOT NULL DEFAULT 'awaiting_insurance', "signed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "agreements_status" CHECK ("status" IN ('awaiting_insurance', 'signing', 'signed', 'void')), CONSTRAINT "PK_agreements" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "agreements_placement_id" ON "agreements" ("placement_id") `);
    await queryRunner.query(
      `CREATE TABLE "agreement_versions" ("agreement_id" uuid NOT NULL, "version" integer NOT NULL, "terms" jsonb NOT NULL, "terms_sha256" text NOT NULL, "pdf" bytea, "pdf_sha256" text, "signed_pdf" bytea, "signed_pdf_sha256" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_agreement_versions" PRIMARY KEY ("agreement_id", "version"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "agreement_versions_signed_pdf_sha256" ON "agreement_versions" ("signed_pdf_sha256") WHERE "signed_pdf_sha256" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "agreement_signatures" ("id" BIGSERIAL NOT NULL, "agreement_id" uuid NOT NULL, "version" integer NOT NULL, "party" text NOT NULL, "user_id" uuid, "signer_name" text NOT NULL, "terms_sha256" text NOT NULL, "method" text NOT NULL, "session_id" text, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "agreement_signatures_one_per_party" UNIQUE ("agreement_id", "version", "party"), CONSTRAINT "agreement_signatures_party" CHECK ("party" IN ('school', 'enterprise', 'student', 'guardian')), CONSTRAINT "agreement_signatures_method" CHECK ("method" IN ('password', 'one_time_code', 'guardian_link')), CONSTRAINT "PK_agreement_signatures" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "guardian_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreement_id" uuid NOT NULL, "version" integer NOT NULL, "token_hash" text, "channel" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "viewed_at" TIMESTAMP WITH TIME ZONE, "used_at" TIMESTAMP WITH TIME ZONE, "replaced" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "guardian_links_channel" CHECK ("channel" IN ('email', 'webhook')), CONSTRAINT "PK_guardian_links" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "guardian_links_agreement" ON "guardian_links" ("agreement_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "guardian_links_token_hash" ON "guardian_links" ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "signing_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "version" integer NOT NULL, "code_hash" text, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_signing_codes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "signing_codes_signer" ON "signing_codes" ("user_id", "agreement_id") `);
    await queryRunner.query(
      `ALTER TABLE "agreements" ADD CONSTRAINT "FK_agreements_placement" FOREIGN KEY ("placement_id") REFERENCES "placements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_versions" ADD CONSTRAINT "FK_agreement_versions_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_signatures" ADD CONSTRAINT "FK_agreement_signatures_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "guardian_links" ADD CONSTRAINT "FK_guardian_links_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signing_codes" ADD CONSTRAINT "FK_signing_codes_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "signing_codes" ADD CONSTRAINT "FK_signing_codes_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Signatures are evidence: appended, never changed or removed.
    await queryRunner.query(
      `CREATE FUNCTION agreement_signatures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'agreement_signatures is append-only'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER agreement_signatures_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "agreement_signatures" FOR EACH STATEMENT EXECUTE FUNCTION agreement_signatures_append_only()`,
    );
    // The placements made before this issue: each gets its drafted agreement (libs/agreements DRAFT_AGREEMENTS over all of them).
    await queryRunner.query(`
WITH todo AS MATERIALIZED (
  SELECT p.id, p.slot_id, p.enterprise_id, p.school_id, p.person_id, p.start_date, p.end_date
    FROM placements p
   WHERE p.kind = 'student' AND p.slot_type IN ('internship', 'apprenticeship')
),
contacts AS MATERIALIZED (
  SELECT DISTINCT ON (u.organisation_id) u.organisation_id,
         jsonb_build_object('name', u.name, 'phone', NULL::text, 'email', u.email) AS contact
    FROM users u
   WHERE u.role IN ('enterprise_admin', 'school_admin')
   ORDER BY u.organisation_id, u.created_at, u.id
),
src AS (
  SELECT t.id AS placement_id, jsonb_build_object(
    'rulesYear', extract(year FROM t.start_date)::int,
    'school', jsonb_build_object('id', sc.id, 'name', sc.name, 'contact', coalesce(scc.contact, jsonb_build_object('name', sc.name, 'phone', NULL::text, 'email', NULL::text))),
    'enterprise', jsonb_build_object('id', e.id, 'name', e.name, 'uscc', e.uscc, 'district', e.district,
                                     'contact', coalesce(ec.contact, jsonb_build_object('name', e.name, 'phone', NULL::text, 'email', NULL::text))),
    'student', jsonb_build_object('id', u.id, 'name', u.name, 'dateOfBirth', st.date_of_birth::text, 'major', st.major,
                                  'className', st.class_name, 'minorAtStart', st.date_of_birth > (t.start_date - interval '18 years')::date),
    'guardian', NULL::jsonb,
    'post', jsonb_build_object('slotId', s.id, 'title', s.title, 'content', s.description, 'type', s.type),
    'place', jsonb_build_object('district', s.district),
    'dates', jsonb_build_object('start', t.start_date::text, 'end', t.end_date::text),
    'hours', jsonb_build_object('perDay', s.hours_per_day::text, 'nights', false, 'overtime', false),
    'pay', jsonb_build_object('monthlyYuan', s.stipend::text, 'inMoney', true, 'directToStudent', true, 'atLeastMonthly', true),
    'insurance', NULL::jsonb,
    'mentors', jsonb_build_object(
      'school', coalesce(scc.contact, jsonb_build_object('name', sc.name, 'phone', NULL::text, 'email', NULL::text)),
      'enterprise', coalesce(ec.contact, jsonb_build_object('name', e.name, 'phone', NULL::text, 'email', NULL::text)))
  ) AS terms
    FROM todo t
    JOIN slots s ON s.id = t.slot_id
    JOIN organisations e ON e.id = t.enterprise_id
    JOIN organisations sc ON sc.id = t.school_id
    JOIN users u ON u.id = t.person_id
    JOIN students st ON st.user_id = t.person_id
    LEFT JOIN contacts ec ON ec.organisation_id = t.enterprise_id
    LEFT JOIN contacts scc ON scc.organisation_id = t.school_id
),
made AS (
  INSERT INTO agreements (placement_id) SELECT placement_id FROM src ORDER BY placement_id RETURNING id, placement_id
)
INSERT INTO agreement_versions (agreement_id, version, terms, terms_sha256)
SELECT m.id, 1, s.terms, encode(sha256(convert_to(s.terms::text, 'UTF8')), 'hex') FROM made m JOIN src s ON s.placement_id = m.placement_id`);
    // No placement is signed yet: the officers' stored figures count none of them from now on (libs/quotas counts
    // only signed placements; the next refresh of an enterprise counts its placements as their agreements are signed).
    await queryRunner.query(`UPDATE quota_years SET hosted = 0, updated_at = now() WHERE hosted <> 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "signing_codes"`);
    await queryRunner.query(`DROP TABLE "guardian_links"`);
    await queryRunner.query(`DROP TABLE "agreement_signatures"`);
    await queryRunner.query(`DROP FUNCTION agreement_signatures_append_only()`);
    await queryRunner.query(`DROP TABLE "agreement_versions"`);
    await queryRunner.query(`DROP TABLE "agreements"`);
    await queryRunner.query(`ALTER TABLE "placements" DROP COLUMN "agreement_signed_at"`);
    await queryRunner.query(`ALTER TABLE "students" DROP COLUMN "guardian_email"`);
    await queryRunner.query(`ALTER TABLE "students" DROP COLUMN "guardian_phone"`);
    await queryRunner.query(`ALTER TABLE "students" DROP COLUMN "guardian_name"`);
  }
}
