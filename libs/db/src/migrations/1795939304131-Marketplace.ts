import { MigrationInterface, QueryRunner } from 'typeorm';

export class Marketplace1795939304131 implements MigrationInterface {
  name = 'Marketplace1795939304131';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // btree_gist lets one exclusion constraint mix uuid equality with date-range overlap.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TABLE "applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slot_id" uuid NOT NULL, "student_id" uuid NOT NULL, "school_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'submitted', "motivation" text NOT NULL DEFAULT '', "school_approved_at" TIMESTAMP WITH TIME ZONE, "school_approved_by" uuid, "guardian_consent_at" TIMESTAMP WITH TIME ZONE, "respond_by" date, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "applications_status" CHECK ("status" IN ('submitted', 'shortlisted', 'offered', 'accepted', 'rejected', 'withdrawn', 'declined', 'expired')), CONSTRAINT "PK_938c0a27255637bde919591888f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "applications_student_id" ON "applications"  ("student_id") `);
    await queryRunner.query(`CREATE INDEX "applications_offered_respond_by" ON "applications"  ("respond_by") WHERE "status" = 'offered'`);
    await queryRunner.query(`CREATE INDEX "applications_school_status" ON "applications"  ("school_id", "status") `);
    await queryRunner.query(`CREATE INDEX "applications_slot_status" ON "applications"  ("slot_id", "status") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "applications_one_live_per_slot" ON "applications"  ("slot_id", "student_id") WHERE "status" IN ('submitted', 'shortlisted', 'offered', 'accepted')`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_events" ("id" BIGSERIAL NOT NULL, "kind" text NOT NULL, "subject_id" uuid NOT NULL, "recipients" uuid array NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "outbox_events_unpublished" ON "outbox_events"  ("id") WHERE "published_at" IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "placements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "application_id" uuid, "slot_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, "person_id" uuid NOT NULL, "school_id" uuid NOT NULL, "slot_type" text NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "status" text NOT NULL DEFAULT 'pending', "insurance_policy_no" text, "activated_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "evaluation" text, "days_served" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "placements_dates" CHECK ("end_date" >= "start_date"), CONSTRAINT "placements_status" CHECK ("status" IN ('pending', 'active', 'completed', 'terminated')), CONSTRAINT "placements_kind" CHECK ("kind" IN ('student', 'teacher')), CONSTRAINT "PK_91cca43a1baa03ee278d7be74da" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "placements_application_id" ON "placements"  ("application_id") WHERE "application_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "placements_person_id" ON "placements"  ("person_id") `);
    await queryRunner.query(`CREATE INDEX "placements_school_id" ON "placements"  ("school_id") `);
    await queryRunner.query(`CREATE INDEX "placements_enterprise_status" ON "placements"  ("enterprise_id", "status") `);
    await queryRunner.query(`ALTER TABLE "slots" RENAME COLUMN "daily_hours" TO "hours_per_day"`);
    await queryRunner.query(`ALTER TABLE "slots" ADD "night_shift" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "slots" ADD "search_terms" text array NOT NULL DEFAULT '{}'`);
    // Search: the slot's bigrams and words (libs/domain searchTerms) in a GIN index, matched with @>.
    await queryRunner.query(`CREATE INDEX "slots_search_terms" ON "slots" USING gin ("search_terms")`);
    await queryRunner.query(`CREATE INDEX "slots_open_by_start" ON "slots" ("start_date", "id") WHERE "state" = 'open'`);
    // A student never holds two placements with overlapping dates (terminated ones aside).
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "placements_student_no_overlap" EXCLUDE USING gist ("person_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&) WHERE ("kind" = 'student' AND "status" <> 'terminated')`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "FK_6435a739660a026bb349f2a523d" FOREIGN KEY ("slot_id") REFERENCES "slots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "FK_791e5e9cf054d0295ebfe4491a9" FOREIGN KEY ("student_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "FK_268c174013ce6952213dd2e3c2e" FOREIGN KEY ("school_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "FK_64912572c416193a4fae253d4b0" FOREIGN KEY ("slot_id") REFERENCES "slots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "FK_62356b844e5d320c96e838b57e3" FOREIGN KEY ("person_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "FK_9c4c31040101ead593466694604" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "FK_9c4c31040101ead593466694604"`);
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "FK_62356b844e5d320c96e838b57e3"`);
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "FK_64912572c416193a4fae253d4b0"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_268c174013ce6952213dd2e3c2e"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_791e5e9cf054d0295ebfe4491a9"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP CONSTRAINT "FK_6435a739660a026bb349f2a523d"`);
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "placements_student_no_overlap"`);
    await queryRunner.query(`DROP INDEX "public"."slots_open_by_start"`);
    await queryRunner.query(`DROP INDEX "public"."slots_search_terms"`);
    await queryRunner.query(`ALTER TABLE "slots" DROP COLUMN "search_terms"`);
    await queryRunner.query(`ALTER TABLE "slots" DROP COLUMN "night_shift"`);
    await queryRunner.query(`ALTER TABLE "slots" RENAME COLUMN "hours_per_day" TO "daily_hours"`);
    await queryRunner.query(`DROP INDEX "public"."placements_enterprise_status"`);
    await queryRunner.query(`DROP INDEX "public"."placements_school_id"`);
    await queryRunner.query(`DROP INDEX "public"."placements_person_id"`);
    await queryRunner.query(`DROP INDEX "public"."placements_application_id"`);
    await queryRunner.query(`DROP TABLE "placements"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_events_unpublished"`);
    await queryRunner.query(`DROP TABLE "outbox_events"`);
    await queryRunner.query(`DROP INDEX "public"."applications_one_live_per_slot"`);
    await queryRunner.query(`DROP INDEX "public"."applications_slot_status"`);
    await queryRunner.query(`DROP INDEX "public"."applications_school_status"`);
    await queryRunner.query(`DROP INDEX "public"."applications_offered_respond_by"`);
    await queryRunner.query(`DROP INDEX "public"."applications_student_id"`);
    await queryRunner.query(`DROP TABLE "applications"`);
  }
}
