import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C traceparent of the request that recorded an event, so that the worker's fan-out and
 * deliveries join the request's trace. Nullable: events recorded without tracing carry none.
 */
export class OutboxTraceparent1796300000000 implements MigrationInterface {
  name = 'OutboxTraceparent1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_events" ADD "traceparent" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_events" DROP COLUMN "traceparent"`);
  }
}
