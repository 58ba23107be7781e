import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bureaus' quota table and every organisation list are ordered by (name, id): with this index a
 * page is read in order and stops at its last row, instead of sorting 10^5 enterprises per request.
 */
export class OrganisationsByName1796400000000 implements MigrationInterface {
  name = 'OrganisationsByName1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "organisations_name" ON "organisations" ("name", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."organisations_name"`);
  }
}
