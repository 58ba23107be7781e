import { today } from '@skillbridge/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { draftAgreements } from '@skillbridge/agreements';
import { run } from '@skillbridge/db';
import { currentTraceparent } from '@skillbridge/runtime';
import { Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { ACCEPT_APPLICATIONS, AcceptOutcome } from './accept.statements';
import { nextBatch } from './next-batch';

/** One student's accept, waiting for its statement. */
interface WaitingAccept {
  applicationId: string;
  studentId: string;
  traceparent: string | null;
  resolve(outcome: AcceptOutcome): void;
  reject(error: unknown): void;
}

/** Accept statements running at once: the rest of the pool stays free for every other request. */
const STATEMENTS_AT_ONCE = 4;
/** The most accepts one statement takes. */
const MOST_PER_STATEMENT = 64;

/**
 * Accepts go to the database together: while statements are running, the accepts that arrive wait
 * and then go in one statement (ACCEPT_APPLICATIONS), which costs the database a fifth of the CPU per accept
 * of one statement each (bench/results/2026-12-02-findings.md). An accept that arrives when no
 * statement is running goes at once, alone: batching adds no wait. Each caller gets its own outcome.
 */
@Injectable()
export class AcceptBatches {
  private readonly queue: WaitingAccept[] = [];
  private running = 0;
  private sizes: Histogram | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Counts the accepts per statement in the API's metrics (`skillbridge_accepts_per_statement`). */
  measureIn(registry: Registry): void {
    this.sizes = new Histogram({
      name: 'skillbridge_accepts_per_statement',
      help: 'Accepts taken to the database in one statement.',
      buckets: [1, 2, 4, 8, 16, 32, 64],
      registers: [registry],
    });
  }

  /** Resolves with what the statement found for this application, or rejects with its error. */
  accept(applicationId: string, studentId: string): Promise<AcceptOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ applicationId, studentId, traceparent: currentTraceparent(), resolve, reject });
      this.startStatements();
    });
  }

  private startStatements(): void {
    while (this.running < STATEMENTS_AT_ONCE && this.queue.length > 0) {
      const batch = nextBatch(this.queue, MOST_PER_STATEMENT);
      this.running += 1;
      void this.run(batch).finally(() => {
        this.running -= 1;
        this.startStatements();
      });
    }
  }

  private async run(batch: WaitingAccept[], again = false): Promise<void> {
    this.sizes?.observe(batch.length);
    let outcomes: AcceptOutcome[];
    try {
      // Each placement taken gets its drafted tripartite agreement in the same transaction (issue 18).
      outcomes = await this.db.transaction(async (tx) => {
        const rows = await run(tx, ACCEPT_APPLICATIONS, [
          batch.map((w) => w.applicationId),
          batch.map((w) => w.studentId),
          today(),
          batch.map((w) => w.traceparent),
        ]);
        await draftAgreements(
          tx,
          rows.flatMap((r) => (r.placement_id ? [r.placement_id] : [])),
        );
        return rows;
      });
    } catch (error) {
      // Two accepts of one student inserting overlapping placements at once can deadlock on the exclusion
      // constraint (each waits for the other's row): the one PostgreSQL aborts goes once more, and then finds the
      // other's placement (PLACEMENT_OVERLAP) instead of failing with an internal error.
      if (batch.length === 1 && !again && (error as { driverError?: { code?: string } }).driverError?.code === '40P01') {
        return this.run(batch, true);
      }
      if (batch.length === 1) return batch[0].reject(error);
      // One accept's failure (a placement overlapping one taken meanwhile, a deadlock) undoes the
      // whole statement: each goes again on its own, and only that one fails.
      await Promise.all(batch.map((waiting) => this.run([waiting])));
      return;
    }
    const byApplication = new Map(outcomes.map((outcome) => [outcome.request_id, outcome]));
    for (const waiting of batch) {
      const outcome = byApplication.get(waiting.applicationId);
      if (outcome) waiting.resolve(outcome);
      else waiting.reject(new Error(`the accept statement gave no row for application ${waiting.applicationId}`));
    }
  }
}
