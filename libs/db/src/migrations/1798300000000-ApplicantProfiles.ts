import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: an applicant as HR reads it — the student's class and self-introduction — and the school's
 * sending back of an application with its reason.
 */
export class ApplicantProfiles1798300000000 implements MigrationInterface {
  name = 'ApplicantProfiles1798300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "students" ADD "class_name" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "students" ADD "self_introduction" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "applications" ADD "school_sent_back_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "applications" ADD "school_sent_back_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "applications" DROP COLUMN "school_sent_back_reason"`);
    await queryRunner.query(`ALTER TABLE "applications" DROP COLUMN "school_sent_back_at"`);
    await queryRunner.query(`ALTER TABLE "students" DROP COLUMN "self_introduction"`);
    await queryRunner.query(`ALTER TABLE "students" DROP COLUMN "class_name"`);
  }
}
