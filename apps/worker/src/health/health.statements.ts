import { statement } from '@skillbridge/db';

/** A round trip to PostgreSQL and nothing else: the health check's and the heartbeat job's proof that the database answers. */
export const PING = statement<[], { ok: number }>('worker-health.ping', 'SELECT 1 AS ok');
