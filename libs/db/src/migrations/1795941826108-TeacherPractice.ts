import { MigrationInterface, QueryRunner } from 'typeorm';

export class TeacherPractice1795941826108 implements MigrationInterface {
  name = 'TeacherPractice1795941826108';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bookings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slot_id" uuid NOT NULL, "teacher_id" uuid NOT NULL, "school_id" uuid NOT NULL, "enterprise_id" uuid NOT NULL, "start_date" date NOT NULL, "end_date" date NOT NULL, "status" text NOT NULL DEFAULT 'booked', "days_served" integer, "evaluation" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bookings_days_served" CHECK ("days_served" IS NULL OR ("days_served" >= 0 AND "days_served" <= "end_date" - "start_date" + 1)), CONSTRAINT "bookings_dates" CHECK ("end_date" >= "start_date"), CONSTRAINT "bookings_status" CHECK ("status" IN ('booked', 'confirmed', 'completed', 'cancelled')), CONSTRAINT "bookings_teacher_no_overlap" EXCLUDE USING gist ("teacher_id" WITH =, daterange("start_date", "end_date", '[]') WITH &&) WHERE ("status" <> 'cancelled'), CONSTRAINT "PK_bee6805982cc1e248e94ce94957" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "bookings_teacher_id" ON "bookings"  ("teacher_id") `);
    await queryRunner.query(`CREATE INDEX "bookings_enterprise_status" ON "bookings"  ("enterprise_id", "status") `);
    await queryRunner.query(`CREATE INDEX "bookings_school_id" ON "bookings"  ("school_id") `);
    await queryRunner.query(`CREATE INDEX "bookings_slot_id" ON "bookings"  ("slot_id") `);
    await queryRunner.query(
      `CREATE TABLE "practice_days" ("slot_id" uuid NOT NULL, "day" date NOT NULL, "taken" integer NOT NULL, CONSTRAINT "practice_days_taken" CHECK ("taken" >= 0), CONSTRAINT "PK_5cb4263f35d4ea76e3d32016aae" PRIMARY KEY ("slot_id", "day"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "practice_days"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_slot_id"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_school_id"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_enterprise_status"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_teacher_id"`);
    await queryRunner.query(`DROP TABLE "bookings"`);
  }
}
