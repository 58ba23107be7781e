import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox keeps each message's kind and facts, rendered in the reader's language when read. Entries written
 * before keep their words (title, body); those whose facts are whole in their event's payload (an import's file
 * name and counts) get them too, so they follow the reader's language from now on. Every row holds facts or words.
 */
export class InboxFacts1798200000000 implements MigrationInterface {
  name = 'InboxFacts1798200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" ADD "facts" jsonb`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "title" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "body" DROP NOT NULL`);
    await queryRunner.query(
      `UPDATE "notifications" n SET "facts" = e."payload"
         FROM "outbox_events" e
        WHERE e."id" = n."event_id" AND n."kind" IN ('import.done', 'import.rejected') AND n."facts" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_facts_or_words" CHECK ("facts" IS NOT NULL OR ("title" IS NOT NULL AND "body" IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "notifications_facts_or_words"`);
    // Entries kept only as facts have no words to go back to: they leave with the column.
    await queryRunner.query(`DELETE FROM "notifications" WHERE "title" IS NULL OR "body" IS NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "body" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" ALTER COLUMN "title" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP COLUMN "facts"`);
  }
}
