/**
 * 撮合轮次 — match rounds' logic shared by the API and the worker: a round's inputs loaded as a dense
 * instance, the run (deferred acceptance and its audit) stored as the round's latest, a stored run read
 * back, and the sweep that closes collecting at the deadline.
 */
export * from './close-due-rounds';
export * from './round-instance';
export * from './run-match-round';
export * from './solve-round';
export * from './publish-round.statements';
export * from './publish-run';
