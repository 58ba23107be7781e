import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 撮合轮次 — match rounds: the round and its slots (with the seats the round may fill), students'
 * rank-order lists, enterprises' rankings, and every run with its inputs, seed, algorithm version and
 * output kept as compact arrays, so that anyone can re-run a round and compare.
 */
export class MatchRounds1796200000000 implements MigrationInterface {
  name = 'MatchRounds1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "match_rounds" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "name" text NOT NULL,
      "owner_organisation_id" uuid,
      "owner_authority" text,
      "created_by" uuid NOT NULL,
      "status" text NOT NULL DEFAULT 'draft',
      "preference_deadline" TIMESTAMP WITH TIME ZONE NOT NULL,
      "seed" text NOT NULL,
      "criteria" jsonb NOT NULL DEFAULT '["major", "skills", "lottery"]',
      "algorithm_version" text,
      "parent_round_id" uuid,
      "run_request" integer NOT NULL DEFAULT 0,
      "run_requested_at" TIMESTAMP WITH TIME ZONE,
      "last_run_id" uuid,
      "run_error" text,
      "published_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "match_rounds_status" CHECK ("status" IN ('draft', 'collecting', 'ranking', 'ran', 'published', 'cancelled')),
      CONSTRAINT "match_rounds_owner" CHECK (("owner_organisation_id" IS NULL) <> ("owner_authority" IS NULL)),
      CONSTRAINT "match_rounds_authority" CHECK ("owner_authority" IS NULL OR "owner_authority" = 'EDU'),
      CONSTRAINT "PK_match_rounds" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "match_rounds_owner_organisation" ON "match_rounds" ("owner_organisation_id")`);
    // The worker's sweep closes collecting rounds whose deadline has passed.
    await queryRunner.query(
      `CREATE INDEX "match_rounds_collecting_deadline" ON "match_rounds" ("preference_deadline") WHERE "status" = 'collecting'`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_rounds" ADD CONSTRAINT "FK_match_rounds_owner" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_rounds" ADD CONSTRAINT "FK_match_rounds_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_rounds" ADD CONSTRAINT "FK_match_rounds_parent" FOREIGN KEY ("parent_round_id") REFERENCES "match_rounds"("id") ON DELETE RESTRICT`,
    );

    await queryRunner.query(`CREATE TABLE "match_round_slots" (
      "round_id" uuid NOT NULL,
      "slot_id" uuid NOT NULL,
      "capacity" integer NOT NULL,
      CONSTRAINT "match_round_slots_capacity" CHECK ("capacity" >= 0),
      CONSTRAINT "PK_match_round_slots" PRIMARY KEY ("round_id", "slot_id"))`);
    // An enterprise finds the rounds its slots are in.
    await queryRunner.query(`CREATE INDEX "match_round_slots_slot" ON "match_round_slots" ("slot_id")`);
    await queryRunner.query(
      `ALTER TABLE "match_round_slots" ADD CONSTRAINT "FK_match_round_slots_round" FOREIGN KEY ("round_id") REFERENCES "match_rounds"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_round_slots" ADD CONSTRAINT "FK_match_round_slots_slot" FOREIGN KEY ("slot_id") REFERENCES "slots"("id") ON DELETE RESTRICT`,
    );

    await queryRunner.query(`CREATE TABLE "match_preferences" (
      "round_id" uuid NOT NULL,
      "student_id" uuid NOT NULL,
      "slot_ids" uuid array NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "match_preferences_length" CHECK (cardinality("slot_ids") BETWEEN 1 AND 10),
      CONSTRAINT "PK_match_preferences" PRIMARY KEY ("round_id", "student_id"))`);
    await queryRunner.query(`CREATE INDEX "match_preferences_student" ON "match_preferences" ("student_id")`);
    // The applicants of a slot: the lists that name it.
    await queryRunner.query(`CREATE INDEX "match_preferences_slot_ids" ON "match_preferences" USING gin ("slot_ids")`);
    await queryRunner.query(
      `ALTER TABLE "match_preferences" ADD CONSTRAINT "FK_match_preferences_round" FOREIGN KEY ("round_id") REFERENCES "match_rounds"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_preferences" ADD CONSTRAINT "FK_match_preferences_student" FOREIGN KEY ("student_id") REFERENCES "users"("id") ON DELETE CASCADE`,
    );

    await queryRunner.query(`CREATE TABLE "match_rankings" (
      "round_id" uuid NOT NULL,
      "slot_id" uuid NOT NULL,
      "student_ids" uuid array NOT NULL,
      "ranked_by" uuid,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_match_rankings" PRIMARY KEY ("round_id", "slot_id"))`);
    await queryRunner.query(
      `ALTER TABLE "match_rankings" ADD CONSTRAINT "FK_match_rankings_round_slot" FOREIGN KEY ("round_id", "slot_id") REFERENCES "match_round_slots"("round_id", "slot_id") ON DELETE CASCADE`,
    );

    await queryRunner.query(`CREATE TABLE "match_runs" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "round_id" uuid NOT NULL,
      "request" integer NOT NULL,
      "seed" text NOT NULL,
      "algorithm_version" text NOT NULL,
      "criteria" jsonb NOT NULL,
      "student_ids" uuid array NOT NULL,
      "slot_ids" uuid array NOT NULL,
      "capacity" integer array NOT NULL,
      "choice_start" integer array NOT NULL,
      "choice_slot" integer array NOT NULL,
      "rank_start" integer array NOT NULL,
      "ranked_student" integer array NOT NULL,
      "automatic_slots" integer array NOT NULL,
      "excluded_pairs" integer NOT NULL,
      "inputs_sha256" text NOT NULL,
      "assignment" integer array NOT NULL,
      "choice" integer array NOT NULL,
      "stable" boolean NOT NULL,
      "blocking_pairs" integer NOT NULL,
      "problems" integer NOT NULL,
      "figures" jsonb NOT NULL,
      "run_ms" integer NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_match_runs" PRIMARY KEY ("id"))`);
    // One run per request: a job delivered twice writes it once.
    await queryRunner.query(`CREATE UNIQUE INDEX "match_runs_round_request" ON "match_runs" ("round_id", "request")`);
    await queryRunner.query(
      `ALTER TABLE "match_runs" ADD CONSTRAINT "FK_match_runs_round" FOREIGN KEY ("round_id") REFERENCES "match_rounds"("id") ON DELETE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "match_runs"`);
    await queryRunner.query(`DROP TABLE "match_rankings"`);
    await queryRunner.query(`DROP TABLE "match_preferences"`);
    await queryRunner.query(`DROP TABLE "match_round_slots"`);
    await queryRunner.query(`DROP TABLE "match_rounds"`);
  }
}
