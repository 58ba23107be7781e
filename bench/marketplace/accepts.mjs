// @ts-check
// What the two accept runs (4, spread; 5, hot) share: sending each offer's accept once, counting
// what the database recorded, and checking afterwards that no slot was oversold.
import { performance } from 'node:perf_hooks';
import { runLoad } from '../lib/load.mjs';
import { int } from '../lib/report.mjs';
import { withCpu } from './measure.mjs';
import { delay, note } from './progress.mjs';

/** @typedef {{ id: string, token: string }} QueuedOffer  an application to accept, and its student's token */
/** @typedef {{ status: number, code: string | null }} Outcome  the answer to an accept, with its problem code */
/** @typedef {Awaited<ReturnType<typeof acceptRun>>['result']} AcceptRunResult */
/** @typedef {Awaited<ReturnType<typeof verifyAccepts>>} AcceptVerification */

/**
 * POST /applications/:id/accept for each offer of `queue` once, in order, over `connections`;
 * either for `duration` seconds or all of them (`amount`), stopped after `maxSeconds` anyway.
 * @param {import('./setup.mjs').MarketplaceRun} run
 * @param {import('./api.mjs').Target} target
 * @param {QueuedOffer[]} queue
 * @param {{ duration?: number, amount?: number, maxSeconds?: number }} length
 */
export async function acceptRun(run, target, queue, { duration, amount, maxSeconds }) {
  /** @type {Map<string, Outcome>} */
  const outcomes = new Map();
  /** @type {string[]} */
  const sent = [];
  let next = 0;
  /** @type {import('../lib/load.mjs').LoadRequest} */
  const request = {
    method: 'POST',
    setupRequest(req, context) {
      const offer = queue[next++];
      if (offer) sent.push(offer.id);
      context.label = 'accept';
      // Out of offers (not expected): an unknown id, answered 404 and reported.
      context.id = offer?.id ?? null;
      const id = offer?.id ?? '00000000-0000-4000-8000-000000000000';
      return {
        ...req,
        path: `/api/v1/applications/${id}/accept`,
        headers: { ...req.headers, authorization: `Bearer ${(offer ?? queue[0]).token}` },
      };
    },
    onResponse(status, body, context) {
      if (typeof context.id !== 'string') return;
      /** @type {string | null} */
      let code = null;
      if (status !== 200) {
        try {
          code = JSON.parse(body).code ?? null;
        } catch {
          /* not JSON */
        }
      }
      outcomes.set(context.id, { status, code });
    },
  };
  const started = performance.now();
  const measured = await withCpu(target.pids, () => runLoad({ url: target.base, duration, amount, maxSeconds, requests: [request] }));
  const loadSeconds = (performance.now() - started) / 1000 - (measured.drainSeconds ?? 0);
  const waited = await waitForQuiet(run);
  // Accepts the database recorded for this run's offers, over the run and the time the API took to
  // finish what was in flight: the figure when responses came too late to be counted.
  /** @type {number} */
  const n = (await run.db.query(`SELECT count(*)::int AS n FROM applications WHERE status = 'accepted' AND id = ANY($1::uuid[])`, [sent]))
    .rows[0].n;
  const dbSeconds = loadSeconds + (measured.drainSeconds ?? 0) + waited;
  /** @type {Record<string, number>} */
  const codes = {};
  for (const { status, code } of outcomes.values()) {
    const key = code ? `${status} ${code}` : String(status);
    codes[key] = (codes[key] ?? 0) + 1;
  }
  const result = {
    ...measured,
    dbAccepted: n,
    dbSeconds,
    dbAcceptsPerSecond: n / dbSeconds,
    offersSent: Math.min(next, queue.length),
    offersRanOut: next > queue.length,
    waitedForInFlightSeconds: waited,
    drained: waited < run.options.seconds.quiet, // false: the API was still finishing accepts when the checks ran
    codes,
  };
  return { result, outcomes, sent };
}

/**
 * Waits until the API has finished what was in flight when the load stopped (its statements end).
 * @param {import('./setup.mjs').MarketplaceRun} run
 * @returns {Promise<number>} the seconds it waited
 */
async function waitForQuiet({ db, options }) {
  const start = performance.now();
  let quietReads = 0;
  /** @type {string | null} */
  let last = null;
  while (performance.now() - start < options.seconds.quiet * 1000) {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND state NOT IN ('idle') AND pid <> pg_backend_pid() AND backend_type = 'client backend')::int AS active,
              (SELECT count(*) FROM applications WHERE status = 'accepted')::int AS accepted`,
    );
    const now = `${rows[0].active}/${rows[0].accepted}`;
    quietReads = rows[0].active === 0 && now === last ? quietReads + 1 : 0;
    last = now;
    if (quietReads >= 3) break;
    await delay(200);
  }
  return (performance.now() - start) / 1000;
}

/**
 * The checks after an accept run, against the whole database: no slot over capacity, taken = accepted
 * = placements, one outbox event each, every answer consistent with the rows; on the hot slot, exactly
 * capacity accepts when every offer was answered.
 * @param {import('./setup.mjs').MarketplaceRun} run
 * @param {string} bench  its name in the lines printed
 * @param {{ outcomes: Map<string, Outcome>, sent: string[], timeouts: number }} answered
 * @param {{ slotId: string, offers: number, completed: boolean } | null} hot
 */
export async function verifyAccepts({ db, options }, bench, { outcomes, sent: sentIds, timeouts }, hot) {
  const { connections } = options;
  const sent = [...outcomes.keys()];
  const [r] = (
    await db.query(
      `WITH r AS (SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[]) AS r(id, http, code))
       SELECT count(*) FILTER (WHERE r.http = 200)::int AS ok,
              count(*) FILTER (WHERE r.http = 200 AND a.status <> 'accepted')::int AS ok_not_accepted,
              count(*) FILTER (WHERE r.http = 409)::int AS conflicts,
              count(*) FILTER (WHERE r.http = 409
                                 AND (r.code IS DISTINCT FROM 'SLOT_FULL' OR a.status <> 'offered' OR s.taken < s.capacity))::int AS conflict_not_full,
              count(*) FILTER (WHERE r.http NOT IN (200, 409))::int AS other
         FROM r JOIN applications a ON a.id = r.id JOIN slots s ON s.id = a.slot_id`,
      [sent, sent.map((id) => outcomes.get(id)?.status), sent.map((id) => outcomes.get(id)?.code)],
    )
  ).rows;
  const [whole] = (
    await db.query(
      `SELECT count(*) FILTER (WHERE s.taken > s.capacity)::int AS over_capacity,
              count(*) FILTER (WHERE s.taken <> coalesce(a.accepted, 0))::int AS taken_mismatch,
              count(*) FILTER (WHERE s.taken <> coalesce(p.placed, 0))::int AS placement_mismatch,
              count(*)::int AS slots, sum(s.taken)::int AS taken,
              (SELECT count(*) FROM applications WHERE status = 'accepted')::int AS accepted,
              (SELECT count(*) FROM placements)::int AS placements,
              (SELECT count(*) FROM outbox_events WHERE kind = 'application.accepted')::int AS events
         FROM slots s
         LEFT JOIN (SELECT slot_id, count(*) AS accepted FROM applications WHERE status = 'accepted' GROUP BY slot_id) a ON a.slot_id = s.id
         LEFT JOIN (SELECT slot_id, count(*) AS placed FROM placements GROUP BY slot_id) p ON p.slot_id = s.id`,
    )
  ).rows;
  // Accepted by this run: the offers it sent that are now accepted (some answered after the run stopped).
  /** @type {number} */
  const acceptedHere = (
    await db.query(`SELECT count(*)::int AS accepted_here FROM applications WHERE status = 'accepted' AND id = ANY($1::uuid[])`, [sentIds])
  ).rows[0].accepted_here;
  /** @type {Array<[string, boolean, string]>} */
  const checks = [];
  /** @type {{ capacity: number, taken: number, accepted: number, placements: number } | null} */
  let slot = null;
  if (hot) {
    [slot] = (
      await db.query(
        `SELECT s.capacity, s.taken, (SELECT count(*)::int FROM applications WHERE slot_id = s.id AND status = 'accepted') AS accepted,
                (SELECT count(*)::int FROM placements WHERE slot_id = s.id) AS placements FROM slots s WHERE s.id = $1`,
        [hot.slotId],
      )
    ).rows;
    const s = /** @type {NonNullable<typeof slot>} */ (slot);
    if (hot.completed) {
      checks.push(
        [
          `exactly capacity (${s.capacity}) accepts succeed`,
          r.ok === s.capacity && s.taken === s.capacity && s.accepted === s.capacity && s.placements === s.capacity,
          `${int(r.ok)} × 200; slot taken ${s.taken}/${s.capacity}, ${s.accepted} accepted, ${s.placements} placements`,
        ],
        [
          `all the others get 409 SLOT_FULL`,
          r.conflicts === hot.offers - s.capacity && r.conflict_not_full === 0,
          `${int(r.conflicts)} × 409 of ${int(hot.offers - s.capacity)} expected`,
        ],
      );
    } else {
      checks.push([
        `run stopped before all ${int(hot.offers)} offers were answered: the slot is not overbooked`,
        s.taken <= s.capacity && s.taken === s.accepted && s.accepted === s.placements,
        `${int(r.ok)} × 200 recorded; slot taken ${s.taken}/${s.capacity}, ${s.accepted} accepted, ${s.placements} placements`,
      ]);
    }
  }
  checks.push(
    [`taken ≤ capacity on every slot`, whole.over_capacity === 0, `${int(whole.over_capacity)} of ${int(whole.slots)} slots over capacity`],
    [
      `taken = accepted applications, on every slot`,
      whole.taken_mismatch === 0,
      `${int(whole.taken_mismatch)} slots differ; Σ taken ${int(whole.taken)}, accepted ${int(whole.accepted)}`,
    ],
    [
      `placements = accepted applications (and = taken on every slot)`,
      whole.placements === whole.accepted && whole.placement_mismatch === 0,
      `${int(whole.placements)} placements, ${int(whole.accepted)} accepted, ${int(whole.placement_mismatch)} slots differ`,
    ],
    [`one application.accepted outbox event per placement`, whole.events === whole.placements, `${int(whole.events)} events`],
    [`every HTTP 200 is an accepted application`, r.ok_not_accepted === 0, `${int(r.ok)} × 200, ${int(r.ok_not_accepted)} not accepted`],
    [
      `every 409 is SLOT_FULL on a full slot`,
      r.conflict_not_full === 0,
      `${int(r.conflicts)} × 409, ${int(r.conflict_not_full)} otherwise`,
    ],
    [`no other status`, r.other === 0, `${int(r.other)} other responses`],
    [
      `accepted with no response recorded ≤ connections + client timeouts (in flight when the run stopped or timed out)`,
      acceptedHere - r.ok >= 0 && acceptedHere - r.ok <= connections + timeouts,
      `${int(acceptedHere - r.ok)} of ${int(sentIds.length - sent.length)} sent but unanswered (${connections} connections, ${int(timeouts)} timeouts)`,
    ],
  );
  for (const [name, ok, detail] of checks) note(`${ok ? '✓' : '✗'} ${bench}: ${name} — ${detail}`);
  return {
    ok: checks.every(([, ok]) => ok),
    checks: checks.map(([name, ok, detail]) => ({ name, ok, detail })),
    whole,
    responses: r,
    acceptedHere,
    slot,
  };
}
