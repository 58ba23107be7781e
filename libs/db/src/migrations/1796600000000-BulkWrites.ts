import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper bulk writes for publishing a match round (10^5 students in one transaction, issue 7).
 *
 * - Each slot of a round keeps how many students listed it, counted when the round runs (lists are
 *   closed by then): the round's view (also the publish's reply) read it by unnesting every list,
 *   10^6 slot ids at 10^5 students, about a second each time.
 * - `slots` pages keep half their room free, so that taking seats (`taken`, `updated_at`: in no index)
 *   is a HOT update: no new entry in the slot's five indexes, the search GIN among them. A publish
 *   takes seats on every slot of the round in one transaction, where nothing can be pruned, so a page
 *   needs room for a second version of each of its rows: 50. The table is small beside applications
 *   and placements (one row per posted slot). Pages written before this keep 100 until the table is
 *   rewritten (`VACUUM FULL slots` in a quiet hour).
 * - A placement's slot and enterprise are checked together, by one foreign key to the slot's
 *   (enterprise, id), instead of one key each: a row-by-row check fewer per placement, and a placement
 *   can no longer name an enterprise other than its slot's. The enterprise itself stays guarded
 *   through the slot (`slots.enterprise_id` references organisations, ON DELETE RESTRICT). The unique
 *   (enterprise_id, id) that the key needs replaces the index on enterprise_id alone, which it serves.
 */
export class BulkWrites1796600000000 implements MigrationInterface {
  name = 'BulkWrites1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "match_round_slots" ADD "applicants" integer`);
    // Rounds that ran before this: counted once here.
    await queryRunner.query(
      `UPDATE match_round_slots rs SET applicants = 0 FROM match_rounds r WHERE r.id = rs.round_id AND r.status IN ('ran', 'published')`,
    );
    await queryRunner.query(`
      UPDATE match_round_slots rs SET applicants = l.n
        FROM (SELECT p.round_id, x.slot_id, count(*)::int AS n
                FROM match_preferences p JOIN match_rounds r ON r.id = p.round_id AND r.status IN ('ran', 'published'), unnest(p.slot_ids) AS x(slot_id)
               GROUP BY p.round_id, x.slot_id) l
       WHERE rs.round_id = l.round_id AND rs.slot_id = l.slot_id`);
    await queryRunner.query(`ALTER TABLE "slots" SET (fillfactor = 50)`);
    await queryRunner.query(`ALTER TABLE "slots" ADD CONSTRAINT "slots_enterprise_slot" UNIQUE ("enterprise_id", "id")`);
    await queryRunner.query(`DROP INDEX "public"."slots_enterprise_id"`);
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "FK_64912572c416193a4fae253d4b0"`);
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "FK_9c4c31040101ead593466694604"`);
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "placements_slot_of_enterprise" FOREIGN KEY ("enterprise_id", "slot_id") REFERENCES "slots"("enterprise_id", "id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placements" DROP CONSTRAINT "placements_slot_of_enterprise"`);
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "FK_9c4c31040101ead593466694604" FOREIGN KEY ("enterprise_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placements" ADD CONSTRAINT "FK_64912572c416193a4fae253d4b0" FOREIGN KEY ("slot_id") REFERENCES "slots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "slots_enterprise_id" ON "slots" ("enterprise_id") `);
    await queryRunner.query(`ALTER TABLE "slots" DROP CONSTRAINT "slots_enterprise_slot"`);
    await queryRunner.query(`ALTER TABLE "slots" RESET (fillfactor)`);
    await queryRunner.query(`ALTER TABLE "match_round_slots" DROP COLUMN "applicants"`);
  }
}
