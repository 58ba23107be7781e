// @ts-check
// --republish (bench/rounds.mjs): the round of the last run back to 'ran', its publish undone
// (placements, applications, events, taken seats), so that the publish alone can be measured again.
import { ROUND_NAME, say } from './context.mjs';

/**
 * @param {import('./context.mjs').RoundsRun} run
 * @param {import('./context.mjs').OfficerCall} call
 * @returns {Promise<{ roundId: string, result: import('./context.mjs').RoundResult }>}
 */
export async function undoLastPublish({ db }, call) {
  const { rows } = await db.query(`SELECT id FROM match_rounds WHERE name = $1 AND status IN ('ran', 'published')`, [ROUND_NAME]);
  /** @type {string} */
  const roundId = rows[0].id;
  say('removing the last publish');
  await db.query(`DELETE FROM placements WHERE slot_id IN (SELECT slot_id FROM match_round_slots WHERE round_id = $1)`, [roundId]);
  await db.query(`DELETE FROM applications WHERE slot_id IN (SELECT slot_id FROM match_round_slots WHERE round_id = $1)`, [roundId]);
  await db
    .query(`DELETE FROM deliveries WHERE event_id IN (SELECT id FROM outbox_events WHERE subject_id = $1)`, [roundId])
    .catch(() => undefined);
  await db
    .query(`DELETE FROM notifications WHERE event_id IN (SELECT id FROM outbox_events WHERE subject_id = $1)`, [roundId])
    .catch(() => undefined);
  await db.query(`DELETE FROM outbox_events WHERE subject_id = $1`, [roundId]);
  await db.query(`UPDATE slots SET taken = 0 WHERE id IN (SELECT slot_id FROM match_round_slots WHERE round_id = $1)`, [roundId]);
  await db.query(`UPDATE match_rounds SET status = 'ran', published_at = NULL WHERE id = $1`, [roundId]);
  await db.query('VACUUM ANALYZE placements, applications, outbox_events, slots');
  const result = /** @type {import('./context.mjs').RoundResult} */ ((await call('GET', `/match-rounds/${roundId}/result?limit=1`)).reply);
  return { roundId, result };
}
