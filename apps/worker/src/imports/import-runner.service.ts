import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Import, ImportStatus, UNFINISHED_IMPORT_STATUSES, run, runCount, runOne } from '@skillbridge/db';
import { recordEvent } from '@skillbridge/notifications';
import { refreshQuotas, rulesForYear } from '@skillbridge/quotas';
import {
  Actor,
  HeadcountImportRow,
  ImportKind,
  MajorImportRow,
  ImportRowError,
  ImportRowValidator,
  MAX_IMPORT_ROWS,
  MAX_REPORTED_ERRORS,
  StudentImportRow,
  TeacherImportRow,
  remitOf,
  sortImportErrors,
  today,
  visibleText,
} from '@skillbridge/domain';
import { once } from 'events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { finished } from 'stream/promises';
import { DataSource, QueryRunner } from 'typeorm';
import { WorkerConfig } from '../config/worker.config';
import { CopyValue, copyLine } from './copy-text';
import {
  ACCOUNTS_NOT_WRITTEN,
  ANALYZE_STAGING,
  CLAIM_IMPORT,
  ENTERPRISES_BY_YEAR,
  FAIL_IMPORT,
  HEADCOUNTS_STAGING,
  IMPORT_CREATOR,
  IMPORT_DONE,
  IMPORT_FILE,
  IMPORT_HEARTBEAT,
  IMPORT_PROGRESS,
  INSERT_ACCOUNTS,
  INSERT_ACTIVATIONS,
  INSERT_STUDENTS,
  INSERT_TEACHERS,
  MATCH_ENTERPRISES,
  MAJORS_STAGING,
  MAJOR_NAMES_TAKEN,
  MAJOR_RENAMES,
  PARK_RENAMED_MAJORS,
  REJECT_IMPORT,
  RENAME_SLOT_MAJOR,
  UNKNOWN_MAJORS,
  UPSERT_MAJORS,
  REQUEUE_IMPORT,
  START_IMPORTING,
  STUDENTS_STAGING,
  Staging,
  TAKEN_EMAILS,
  TEACHERS_STAGING,
  UNKNOWN_ENTERPRISES,
  UPSERT_HEADCOUNTS,
  remitParameters,
} from './imports.statements';
import { UnreadableFile, readSpreadsheet } from './read-spreadsheet';
import { uuidV7Factory } from './uuid-v7';

/** How each kind of file is staged: its temporary table and COPY, and a validated row as that COPY's values. */
interface KindPlan {
  staging: Staging<CopyValue[]>;
  /** `id`: a new account's id, for the kinds that create accounts. */
  values(row: unknown, line: number, id: () => string): CopyValue[];
}

/** A plan whose values are typed by its COPY's columns. */
const plan = <Row extends CopyValue[]>(staging: Staging<Row>, values: (row: unknown, line: number, id: () => string) => Row): KindPlan => ({
  staging,
  values,
});

const PLANS: Record<ImportKind, KindPlan> = {
  students: plan(STUDENTS_STAGING, (row, line, id) => {
    const r = row as StudentImportRow;
    return [line, id(), r.name, r.email, r.major, r.enrolmentYear, r.dateOfBirth, r.skills, r.certificates];
  }),
  teachers: plan(TEACHERS_STAGING, (row, line, id) => {
    const r = row as TeacherImportRow;
    return [line, id(), r.name, r.email, r.specialty, r.specialtyCourseTeacher, r.dualQualified];
  }),
  headcounts: plan(HEADCOUNTS_STAGING, (row, line) => {
    const r = row as HeadcountImportRow;
    return [line, r.uscc, r.year, r.employees];
  }),
  majors: plan(MAJORS_STAGING, (row, line) => {
    const r = row as MajorImportRow;
    return [line, r.code, r.nameZh, r.nameEn, r.level, r.category];
  }),
};

/** Lines are sent to COPY in chunks of about this many characters. */
const CHUNK_CHARS = 256 * 1024;
/** Progress is written at most this often: the bar moves, the database is not flooded. */
const PROGRESS_EVERY_MS = 300;

/** Statuses a sweep may end; done, rejected and failed are final: no runner changes them again. */
const UNFINISHED = [...UNFINISHED_IMPORT_STATUSES];
/** Statuses of an import a runner holds: its updates apply only while the import is still in one. */
const RUNNING: ImportStatus[] = ['validating', 'importing'];

/** The import was ended (failed by the sweep) while this runner held it: what it did is rolled back. */
class Superseded extends Error {
  constructor() {
    super('the import was ended while it ran');
  }
}

class Rejected extends Error {
  constructor(
    readonly errors: ImportRowError[],
    readonly count = errors.length,
  ) {
    super('rejected');
  }
}

/**
 * Runs one import, all or nothing. One pass over the file validates each row (libs/domain) and
 * streams the good ones with COPY into a temporary table, inside one transaction; then the file's
 * rows are checked against the database (e-mails taken; enterprises unknown or out of remit).
 * Any error at all: the transaction is rolled back and the import is `rejected` with its report.
 * None: INSERT … SELECT writes every row, the import becomes `done` and the creator is told —
 * in the same transaction. Safe to run twice: a finished import is skipped, an unfinished one
 * left nothing behind. While it runs, a heartbeat keeps the import's updated_at fresh (the sweep ends
 * imports with none for IMPORT_STALE_AFTER_MS), and every status it writes is guarded: an import the
 * sweep ended stays `failed`, and a runner that finds it so rolls back what it did.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  /** A few heartbeats within the stale threshold, so that one late or lost write never gets a live import swept. */
  private readonly heartbeatMs: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: WorkerConfig,
  ) {
    this.heartbeatMs = Math.max(100, Math.min(30_000, Math.floor(config.IMPORT_STALE_AFTER_MS / 5)));
  }

  /** `lastAttempt`: a failure is final (`failed`); before that the import waits for its next attempt (`queued`). */
  async run(importId: string, lastAttempt = true): Promise<void> {
    const job = await this.db.getRepository(Import).findOneBy({ id: importId });
    if (!job || !UNFINISHED.includes(job.status as (typeof UNFINISHED)[number])) return;
    const stored = await runOne(this.db, IMPORT_FILE, [importId]);
    if (stored?.file == null) return;
    job.file = Buffer.from(stored.file, 'base64');
    // Taken up only while unfinished: a late retry of an import the sweep ended stops here.
    const claimed = await run(this.db, CLAIM_IMPORT, [job.id, UNFINISHED]);
    if (!claimed.length) return;
    const started = Date.now();
    const stopHeartbeat = this.heartbeat(job.id);
    const runner = this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      await runner.startTransaction();
      const phases: Record<string, number> = {};
      const outcome = await this.stageAndWrite(job, runner, client, phases);
      const at = Date.now();
      await runner.commitTransaction();
      phases.commitMs = Date.now() - at;
      this.logger.log({ importId: job.id, kind: job.kind, rows: outcome, ms: Date.now() - started, ...phases }, 'import done');
    } catch (error) {
      let failed = error; // what the import fails with: this error, or the one that kept a rejection from being recorded
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      if (error instanceof Superseded) {
        this.logger.warn({ importId: job.id, ms: Date.now() - started }, 'import ended while it ran (by the sweep): rolled back');
        return;
      }
      if (error instanceof Rejected || error instanceof UnreadableFile) {
        const rejected = error instanceof Rejected ? error : new Rejected([{ line: 0, field: null, reason: error.reason }]);
        try {
          await this.reject(job, rejected);
          this.logger.log({ importId: job.id, errors: rejected.count, ms: Date.now() - started }, 'import rejected');
          return;
        } catch (notRecorded) {
          failed = notRecorded; // the report could not be stored: the import fails below rather than stay unfinished
        }
      }
      // PostgreSQL's own words, for the operators; the uploader is shown the reason code.
      const failure = visibleText(String((failed as Error).message ?? failed).slice(0, 500));
      await runCount(this.db, lastAttempt ? FAIL_IMPORT : REQUEUE_IMPORT, [job.id, failure, RUNNING]);
      throw failed; // BullMQ tries again (nothing was written), or records the failure
    } finally {
      stopHeartbeat();
      await runner.release();
    }
  }

  /**
   * Keeps the import's updated_at fresh while this runner holds it, whatever it is doing (reading,
   * COPY, the checks, the INSERT … SELECT): a live import, however long, is never taken for a dead one.
   * Through the pool, not the import's transaction; a write still in flight is not doubled.
   */
  private heartbeat(importId: string): () => void {
    let inFlight = false;
    const timer = setInterval(() => {
      if (inFlight) return;
      inFlight = true;
      runCount(this.db, IMPORT_HEARTBEAT, [importId, RUNNING])
        .catch((error) => this.logger.warn({ importId, err: error }, 'import heartbeat not recorded'))
        .finally(() => (inFlight = false));
    }, this.heartbeatMs);
    return () => clearInterval(timer);
  }

  /** `phases` gets how long each step took (for the log line and the benchmark). */
  private async stageAndWrite(job: Import, runner: QueryRunner, client: PoolClient, phases: Record<string, number>): Promise<number> {
    let at = Date.now();
    const lap = (name: string) => {
      phases[name] = Date.now() - at;
      at = Date.now();
    };
    const plan = PLANS[job.kind];
    const records = readSpreadsheet(job.format, job.file as Buffer)[Symbol.asyncIterator]();
    const first = await records.next();
    if (first.done) throw new Rejected([{ line: 0, field: null, reason: 'EMPTY_FILE' }]);
    const validator = new ImportRowValidator(job.kind, first.value.cells, { today: today(), year: job.year });
    if (validator.headerErrors.length) throw new Rejected(validator.headerErrors);
    lap('readMs');

    await client.query(plan.staging.create);
    const copy = client.query(copyFrom(plan.staging.copy));
    const errors: ImportRowError[] = [];
    let errorCount = 0;
    let total = 0;
    let chunk = '';
    let lastProgress = Date.now();
    let tooManyAt = 0;
    const newId = uuidV7Factory();
    try {
      for (let next = await records.next(); !next.done; next = await records.next()) {
        const { line, cells } = next.value;
        if (ImportRowValidator.isBlank(cells)) continue;
        if (++total > MAX_IMPORT_ROWS) {
          tooManyAt = line; // stop reading, but end the COPY cleanly before refusing
          break;
        }
        const result = validator.validate(cells, line);
        if (result.row) chunk += copyLine(plan.values(result.row, line, newId));
        else {
          errorCount += result.errors.length;
          if (errors.length < MAX_REPORTED_ERRORS) errors.push(...result.errors);
        }
        if (chunk.length >= CHUNK_CHARS) {
          if (!copy.write(chunk)) await once(copy, 'drain');
          chunk = '';
          if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
            lastProgress = Date.now();
            await this.progress(job.id, total);
          }
        }
      }
      copy.end(chunk);
      await finished(copy);
    } catch (error) {
      copy.destroy(error as Error);
      throw error;
    } finally {
      await records.return?.(); // a file left half-read (too many rows, an error) is closed
    }
    if (tooManyAt) throw new Rejected([{ line: tooManyAt, field: null, reason: 'TOO_MANY_ROWS', value: String(MAX_IMPORT_ROWS) }]);
    if (total === 0) throw new Rejected([{ line: 0, field: null, reason: 'EMPTY_FILE' }]);
    lap('stageMs');
    const importing = await run(this.db, START_IMPORTING, [job.id, total, RUNNING]);
    if (!importing.length) throw new Superseded();

    // Against the database: only now are all the file's rows in one place to join.
    // A file of good rows goes straight to the insert, which finds taken e-mails itself (ON CONFLICT, then the
    // same report): a separate look-up of every e-mail (and the statistics for it) first cost about as much
    // again. A file already refused is checked here, so that its report also lists the taken e-mails.
    // Every student's major must be the catalogue's (a small table: one anti-join, whatever the file's size).
    if (job.kind === 'students') {
      const found = await this.unknownMajors(runner);
      errorCount += found.count;
      errors.push(...found.errors);
    }
    if (errorCount || job.kind === 'headcounts' || job.kind === 'majors') {
      await client.query(ANALYZE_STAGING);
      const found =
        job.kind === 'headcounts'
          ? await this.unknownEnterprises(job, runner)
          : job.kind === 'majors'
            ? await this.majorNamesTaken(runner)
            : await this.takenEmails(runner);
      errorCount += found.count;
      errors.push(...found.errors);
    }
    if (errorCount) throw new Rejected(sortImportErrors(errors, job.kind).slice(0, MAX_REPORTED_ERRORS), errorCount);
    lap('checkMs');

    const written =
      job.kind === 'headcounts'
        ? await this.writeHeadcounts(runner)
        : job.kind === 'majors'
          ? await this.writeMajors(runner)
          : await this.writePeople(job, runner, total, lap);
    // Done only if still importing: the row's lock then holds off the sweep until the commit; an import
    // the sweep has already ended stays failed, and every row written above is rolled back with this.
    const markedDone = await runCount(runner.manager, IMPORT_DONE, [job.id, total, written]);
    if (markedDone !== 1) throw new Superseded();
    await recordEvent(runner.manager, 'import.done', job.id, { users: [job.createdBy] }, { fileName: job.fileName, importedRows: written });
    lap('finishMs');
    return written;
  }

  private async progress(importId: string, processed: number): Promise<void> {
    await runCount(this.db, IMPORT_PROGRESS, [importId, processed, RUNNING]);
  }

  /** The first errors, and how many there are in all (counted before the limit). */
  private async takenEmails(runner: QueryRunner): Promise<{ errors: ImportRowError[]; count: number }> {
    const rows = await run(runner.manager, TAKEN_EMAILS, [MAX_REPORTED_ERRORS]);
    return {
      errors: rows.map((r) => ({ line: r.line, field: 'email', reason: 'EMAIL_TAKEN' as const, value: r.email })),
      count: rows[0]?.total ?? 0,
    };
  }

  /** Students whose major is not one of the catalogue's. */
  private async unknownMajors(runner: QueryRunner): Promise<{ errors: ImportRowError[]; count: number }> {
    const rows = await run(runner.manager, UNKNOWN_MAJORS, [MAX_REPORTED_ERRORS]);
    return {
      errors: rows.map((r) => ({ line: r.line, field: 'major', reason: 'UNKNOWN_MAJOR' as const, value: r.major })),
      count: rows[0]?.total ?? 0,
    };
  }

  /** Majors named like another code the file leaves as it is. */
  private async majorNamesTaken(runner: QueryRunner): Promise<{ errors: ImportRowError[]; count: number }> {
    const rows = await run(runner.manager, MAJOR_NAMES_TAKEN, [MAX_REPORTED_ERRORS]);
    return {
      errors: rows.map((r) => ({ line: r.line, field: 'nameZh', reason: 'MAJOR_NAME_TAKEN' as const, value: r.name_zh })),
      count: rows[0]?.total ?? 0,
    };
  }

  /** The catalogue upserted by code; a renamed major is renamed in the slots too (students follow by their foreign key). */
  private async writeMajors(runner: QueryRunner): Promise<number> {
    const renames = await run(runner.manager, MAJOR_RENAMES, []);
    await runCount(runner.manager, PARK_RENAMED_MAJORS, []);
    const written = await runCount(runner.manager, UPSERT_MAJORS, []);
    for (const { old_name, new_name } of renames) await runCount(runner.manager, RENAME_SLOT_MAJOR, [old_name, new_name]);
    return written;
  }

  /** Enterprises not found, or outside the officer's remit: the same answer, so as not to tell which. */
  private async unknownEnterprises(job: Import, runner: QueryRunner): Promise<{ errors: ImportRowError[]; count: number }> {
    const creator = await runOne(this.db, IMPORT_CREATOR, [job.createdBy]);
    if (!creator) throw new Error(`the creator ${job.createdBy} of import ${job.id} is gone`);
    const actor: Actor = { userId: creator.id, role: creator.role, organisationId: creator.organisation_id, authority: creator.authority };
    await runCount(runner.manager, MATCH_ENTERPRISES, remitParameters(remitOf(actor)));
    const rows = await run(runner.manager, UNKNOWN_ENTERPRISES, [MAX_REPORTED_ERRORS]);
    return {
      errors: rows.map((r) => ({ line: r.line, field: 'uscc', reason: 'UNKNOWN_ENTERPRISE' as const, value: r.uscc })),
      count: rows[0]?.total ?? 0,
    };
  }

  /** Ids are UUIDv7, in file order (see uuid-v7.ts); the staging table holds them already. */
  private async writePeople(job: Import, runner: QueryRunner, total: number, lap: (name: string) => void): Promise<number> {
    const role = job.kind === 'students' ? 'student' : 'teacher';
    // No password: the account is activated with a one-time code (account_activations).
    const accounts = await runCount(runner.manager, INSERT_ACCOUNTS, [role, job.schoolId]);
    if (accounts !== total) {
      // E-mails taken (before the import, or by someone meanwhile): report those lines, write nothing.
      const rows = await run(runner.manager, ACCOUNTS_NOT_WRITTEN, [MAX_REPORTED_ERRORS]);
      throw new Rejected(
        rows.map((r) => ({ line: r.line, field: 'email', reason: 'EMAIL_TAKEN' as const, value: r.email })),
        total - accounts,
      );
    }
    lap('usersMs');
    await runCount(runner.manager, job.kind === 'students' ? INSERT_STUDENTS : INSERT_TEACHERS, [job.schoolId]);
    lap('profilesMs');
    await runCount(runner.manager, INSERT_ACTIVATIONS, [job.id]);
    lap('activationsMs');
    return total;
  }

  /** §13: upserts the headcounts, then the quota figures of those enterprises for the years touched (and the two after, which inherit them). */
  private async writeHeadcounts(runner: QueryRunner): Promise<number> {
    const written = await runCount(runner.manager, UPSERT_HEADCOUNTS, []);
    const rows = await run(runner.manager, ENTERPRISES_BY_YEAR, []);
    const years = new Map<number, Set<string>>();
    for (const { year, ids } of rows) {
      for (const y of [year, year + 1, year + 2]) {
        const set = years.get(y) ?? new Set<string>();
        ids.forEach((id) => set.add(id));
        years.set(y, set);
      }
    }
    for (const [year, ids] of [...years].sort((a, b) => a[0] - b[0]))
      await refreshQuotas(runner.manager, await rulesForYear(this.db, year), [...ids], today());
    return written;
  }

  private async reject(job: Import, rejected: Rejected): Promise<void> {
    // Values as a report may store them: jsonb refuses a NUL even escaped (the validator shows such cells already).
    const errors = rejected.errors
      .slice(0, MAX_REPORTED_ERRORS)
      .map((e) => (e.value === undefined ? e : { ...e, value: visibleText(e.value) }));
    await this.db.transaction(async (tx) => {
      const ended = await run(tx, REJECT_IMPORT, [job.id, JSON.stringify(errors), rejected.count, RUNNING]);
      if (!ended.length) return; // ended meanwhile (by the sweep): it stays as it is
      await recordEvent(tx, 'import.rejected', job.id, { users: [job.createdBy] }, { fileName: job.fileName, errorCount: rejected.count });
    });
  }
}
