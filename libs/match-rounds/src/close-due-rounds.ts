import { runCount } from '@skillbridge/db';
import { DataSource, EntityManager } from 'typeorm';
import { CLOSE_DUE_ROUNDS } from './match-rounds.statements';

/** Closes collecting in every round whose preference deadline has passed at `now` (the clock's); returns how many. */
export async function closeDueRounds(db: DataSource | EntityManager, now: Date): Promise<number> {
  return runCount(db, CLOSE_DUE_ROUNDS, [now]);
}
