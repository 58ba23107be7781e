import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795939922110 implements MigrationInterface {
  name = 'Notifications1795939922110';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" bigint NOT NULL, "user_id" uuid NOT NULL, "channel" text NOT NULL, "status" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "deliveries_status" CHECK ("status" IN ('sending', 'sent', 'failed', 'dead', 'digest')), CONSTRAINT "deliveries_channel" CHECK ("channel" IN ('inbox', 'email', 'webhook')), CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "deliveries_digest" ON "deliveries"  ("user_id") WHERE "status" = 'digest'`);
    await queryRunner.query(`CREATE INDEX "deliveries_dead" ON "deliveries"  ("updated_at") WHERE "status" = 'dead'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "deliveries_event_user_channel" ON "deliveries"  ("event_id", "user_id", "channel") `);
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "event_id" bigint NOT NULL, "kind" text NOT NULL, "subject_id" uuid NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "notifications_user_unread" ON "notifications"  ("user_id") WHERE "read_at" IS NULL`);
    await queryRunner.query(`CREATE INDEX "notifications_user_created" ON "notifications"  ("user_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "notifications_event_user" ON "notifications"  ("event_id", "user_id") `);
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "kind" text NOT NULL, "channels" text array NOT NULL, "mode" text NOT NULL DEFAULT 'immediate', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_preferences_channels" CHECK ("channels" <@ ARRAY['inbox', 'email', 'webhook']::text[]), CONSTRAINT "notification_preferences_mode" CHECK ("mode" IN ('immediate', 'digest')), CONSTRAINT "PK_4beeeb46feaf58d75e124c8ba58" PRIMARY KEY ("user_id", "kind"))`,
    );
    await queryRunner.query(`ALTER TABLE "outbox_events" ADD "dedupe_key" text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "outbox_events_dedupe_key" ON "outbox_events"  ("dedupe_key") WHERE "dedupe_key" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."outbox_events_dedupe_key"`);
    await queryRunner.query(`ALTER TABLE "outbox_events" DROP COLUMN "dedupe_key"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_event_user"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_unread"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_event_user_channel"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_dead"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_digest"`);
    await queryRunner.query(`DROP TABLE "deliveries"`);
  }
}
