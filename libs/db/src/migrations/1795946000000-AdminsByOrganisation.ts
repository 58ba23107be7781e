import { MigrationInterface, QueryRunner } from 'typeorm';

/** Event recipients read an organisation's admins; indexing only them keeps that lookup off a school's million students. */
export class AdminsByOrganisation1795946000000 implements MigrationInterface {
  name = 'AdminsByOrganisation1795946000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "users_admins_by_organisation" ON "users" ("organisation_id") WHERE "role" IN ('enterprise_admin', 'school_admin')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."users_admins_by_organisation"`);
  }
}
