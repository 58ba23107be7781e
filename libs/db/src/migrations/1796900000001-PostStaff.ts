import { MigrationInterface, QueryRunner } from 'typeorm';

/** A slot may state its post's regular staff: interns in one post are capped at 20 % of them (postInternCapRate). */
export class PostStaff1796900000001 implements MigrationInterface {
  name = 'PostStaff1796900000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "slots" ADD "post_staff" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "slots" DROP COLUMN "post_staff"`);
  }
}
