import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795938250982 implements MigrationInterface {
  name = 'Foundation1795938250982';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "name" text NOT NULL, "district" text NOT NULL, "school_level" text, "uscc" text, "ownership" text, "industry" text, "verification" text NOT NULL DEFAULT 'unverified', "verified_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organisations_verification" CHECK ("verification" IN ('unverified', 'verified')), CONSTRAINT "organisations_school_level" CHECK ("kind" <> 'school' OR "school_level" IN ('secondary', 'higher')), CONSTRAINT "organisations_enterprise_fields" CHECK ("kind" = 'school' OR ("uscc" IS NOT NULL AND "ownership" IS NOT NULL)), CONSTRAINT "organisations_ownership" CHECK ("ownership" IS NULL OR "ownership" IN ('municipal_soe', 'central_soe', 'private', 'foreign', 'other')), CONSTRAINT "organisations_kind" CHECK ("kind" IN ('school', 'enterprise', 'training_base')), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "organisations_uscc" ON "organisations"  ("uscc") WHERE "uscc" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "organisations_kind_ownership" ON "organisations"  ("kind", "ownership") `);
    await queryRunner.query(
      `CREATE TABLE "enterprise_headcounts" ("organisation_id" uuid NOT NULL, "year" integer NOT NULL, "employees" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "enterprise_headcounts_employees" CHECK ("employees" >= 0), CONSTRAINT "PK_1f00f4af98b90b034775adefbe0" PRIMARY KEY ("organisation_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "password_hash" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "organisation_id" uuid, "authority" text, "locale" text NOT NULL DEFAULT 'zh-CN', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "users_organisation" CHECK ("role" IN ('bureau_officer', 'platform_admin') OR "organisation_id" IS NOT NULL), CONSTRAINT "users_authority" CHECK (("role" = 'bureau_officer') = ("authority" IS NOT NULL AND "authority" IN ('MIIT', 'SASAC', 'EDU'))), CONSTRAINT "users_role" CHECK ("role" IN ('student', 'teacher', 'school_admin', 'enterprise_admin', 'bureau_officer', 'platform_admin')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "users_email" ON "users"  ("email") `);
    await queryRunner.query(`CREATE INDEX "users_organisation_id" ON "users"  ("organisation_id") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "refresh_tokens_user_id" ON "refresh_tokens"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "refresh_tokens_family_id" ON "refresh_tokens"  ("family_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "refresh_tokens_token_hash" ON "refresh_tokens"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "slots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "enterprise_id" uuid NOT NULL, "type" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "majors" text array NOT NULL DEFAULT '{}', "skills" text array NOT NULL DEFAULT '{}', "district" text NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "capacity" integer NOT NULL, "taken" integer NOT NULL DEFAULT '0', "stipend" numeric(10,2), "post_wage" numeric(10,2), "daily_hours" numeric(3,1) NOT NULL DEFAULT '8', "application_deadline" date, "state" text NOT NULL DEFAULT 'draft', "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "slots_dates" CHECK ("end_date" >= "start_date"), CONSTRAINT "slots_taken" CHECK ("taken" >= 0 AND "taken" <= "capacity"), CONSTRAINT "slots_capacity" CHECK ("capacity" > 0), CONSTRAINT "slots_state" CHECK ("state" IN ('draft', 'open', 'closed', 'cancelled')), CONSTRAINT "slots_type" CHECK ("type" IN ('internship', 'apprenticeship', 'teacher_practice')), CONSTRAINT "PK_8b553bb1941663b63fd38405e42" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "slots_enterprise_id" ON "slots"  ("enterprise_id") `);
    await queryRunner.query(`CREATE INDEX "slots_open_type_start" ON "slots"  ("state", "type", "start_date") `);
    await queryRunner.query(
      `CREATE TABLE "students" ("user_id" uuid NOT NULL, "school_id" uuid NOT NULL, "date_of_birth" date NOT NULL, "major" text NOT NULL, "enrolment_year" integer NOT NULL, "skills" text array NOT NULL DEFAULT '{}', "certificates" text array NOT NULL DEFAULT '{}', "preferred_districts" text array NOT NULL DEFAULT '{}', CONSTRAINT "students_enrolment_year" CHECK ("enrolment_year" BETWEEN 1990 AND 2100), CONSTRAINT "PK_fb3eff90b11bddf7285f9b4e281" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "students_school_major" ON "students"  ("school_id", "major") `);
    await queryRunner.query(
      `CREATE TABLE "teachers" ("user_id" uuid NOT NULL, "school_id" uuid NOT NULL, "specialty" text NOT NULL, "specialty_course_teacher" boolean NOT NULL, "dual_qualified" boolean NOT NULL, CONSTRAINT "PK_4668d4752e6766682d1be0b346f" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "teachers_school_id" ON "teachers"  ("school_id") `);
    await queryRunner.query(
      `CREATE TABLE "year_rules" ("year" integer NOT NULL, "rules" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b147ba7209a4cbd687032427b07" PRIMARY KEY ("year"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "enterprise_headcounts" ADD CONSTRAINT "FK_6069d66d2a1f843565812c23c29" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_2fc4294f8ec97da71d587dc5577" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "slots" ADD CONSTRAINT "FK_cf0796c7f27405f04e05db91931" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "students" ADD CONSTRAINT "FK_fb3eff90b11bddf7285f9b4e281" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "students" ADD CONSTRAINT "FK_aa8edc7905ad764f85924569647" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "teachers" ADD CONSTRAINT "FK_4668d4752e6766682d1be0b346f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "teachers" ADD CONSTRAINT "FK_5656d1b6d40765ea6b135b35d4b" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "teachers" DROP CONSTRAINT "FK_5656d1b6d40765ea6b135b35d4b"`);
    await queryRunner.query(`ALTER TABLE "teachers" DROP CONSTRAINT "FK_4668d4752e6766682d1be0b346f"`);
    await queryRunner.query(`ALTER TABLE "students" DROP CONSTRAINT "FK_aa8edc7905ad764f85924569647"`);
    await queryRunner.query(`ALTER TABLE "students" DROP CONSTRAINT "FK_fb3eff90b11bddf7285f9b4e281"`);
    await queryRunner.query(`ALTER TABLE "slots" DROP CONSTRAINT "FK_cf0796c7f27405f04e05db91931"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_2fc4294f8ec97da71d587dc5577"`);
    await queryRunner.query(`ALTER TABLE "enterprise_headcounts" DROP CONSTRAINT "FK_6069d66d2a1f843565812c23c29"`);
    await queryRunner.query(`DROP TABLE "year_rules"`);
    await queryRunner.query(`DROP INDEX "public"."teachers_school_id"`);
    await queryRunner.query(`DROP TABLE "teachers"`);
    await queryRunner.query(`DROP INDEX "public"."students_school_major"`);
    await queryRunner.query(`DROP TABLE "students"`);
    await queryRunner.query(`DROP INDEX "public"."slots_open_type_start"`);
    await queryRunner.query(`DROP INDEX "public"."slots_enterprise_id"`);
    await queryRunner.query(`DROP TABLE "slots"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_tokens_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_tokens_family_id"`);
    await queryRunner.query(`DROP INDEX "public"."refresh_tokens_user_id"`);
    await queryRunner.query(`DROP TABLE "refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."users_organisation_id"`);
    await queryRunner.query(`DROP INDEX "public"."users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "enterprise_headcounts"`);
    await queryRunner.query(`DROP INDEX "public"."organisations_kind_ownership"`);
    await queryRunner.query(`DROP INDEX "public"."organisations_uscc"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
  }
}
