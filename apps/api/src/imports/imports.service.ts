import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportView, Page } from '@skillbridge/contracts';
import { Import, JobProducer, activationCode, decodeCursor, encodeCursor, hashActivationCode, jobId, remitSql } from '@skillbridge/db';
import { Actor, DomainError, ImportKind, csvLine, importYear, notFound, remitOf, templateHeaders, today } from '@skillbridge/domain';
import { DataSource } from 'typeorm';
import { UUID } from '../common/ids';
import { ValidationFailed } from '../common/validation';
import { OrganisationAccess } from '../tenancy/organisation-access.service';
import { ListImportsQuery } from './dto/import.dto';
import { importView } from './import.view';
import { Upload } from './upload';

/** A headcount upload's `year` field: absent, or a year the file's year column could hold (the domain's rule). */
function uploadYear(given: string | undefined): number | null {
  if (given === undefined || given.trim() === '') return null;
  const year = importYear(given.trim(), today());
  if (typeof year !== 'number') throw new ValidationFailed([{ field: 'year', message: `year must be a year from 2000 to ${Number(today().slice(0, 4)) + 1}` }]);
  return year;
}

/**
 * Bulk imports: the API stores the file and queues it; the worker validates every row and writes
 * all of them or none (apps/worker/src/imports). One path for every size of file.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: OrganisationAccess,
    private readonly jobs: JobProducer,
  ) {}

  /** Whether the actor may import into the school: asked before the upload is read, so another school's admin learns nothing from it. */
  async mayImportInto(actor: Actor, schoolId: string): Promise<void> {
    await this.access.administrable(actor, schoolId, ['school']);
  }

  async createForSchool(actor: Actor, schoolId: string, kind: string | undefined, upload: Upload): Promise<ImportView> {
    await this.mayImportInto(actor, schoolId);
    if (kind !== 'students' && kind !== 'teachers') {
      throw new ValidationFailed([{ field: 'kind', message: 'kind must be one of: students, teachers' }]);
    }
    return this.create(actor, kind, schoolId, upload);
  }

  /** §13: MIIT and SASAC officers report the headcounts of the enterprises of their remit. */
  private assertHeadcountReporter(actor: Actor): void {
    if (actor.role !== 'platform_admin' && !(actor.role === 'bureau_officer' && (actor.authority === 'MIIT' || actor.authority === 'SASAC'))) {
      throw new DomainError('FORBIDDEN', 'forbidden', 'Headcounts are reported by the MIIT and SASAC officers');
    }
  }

  /** `year`, when given, is the one year the file is for: the worker refuses rows of any other. */
  async createHeadcounts(actor: Actor, upload: Upload): Promise<ImportView> {
    this.assertHeadcountReporter(actor);
    return this.create(actor, 'headcounts', null, upload, uploadYear(upload.fields.year));
  }

  /**
   * The headcount file of one year, filled in for the officer: a line for every enterprise of the
   * remit (by name) with the headcount its quota counts today, blank when none is known. The
   * officer changes what has changed and uploads it back; the name column is only for the reader
   * (an import ignores columns it does not know).
   */
  async headcountTemplate(actor: Actor, year: number, language: 'zh-CN' | 'en'): Promise<string> {
    this.assertHeadcountReporter(actor);
    const params: unknown[] = [year];
    const rows: Array<{ uscc: string; name: string; employees: number | null }> = await this.db.query(
      `SELECT o.uscc, o.name, q.employees FROM organisations o
         LEFT JOIN quota_years q ON q.enterprise_id = o.id AND q.year = $1
        WHERE o.kind IN ('enterprise', 'training_base') AND o.uscc IS NOT NULL AND o.verification = 'verified' AND ${remitSql(remitOf(actor), 'o', params)}
        ORDER BY o.name, o.id`,
      params,
    );
    const [uscc, yearHeader, employees] = templateHeaders('headcounts', language);
    // A byte-order mark so that Excel opens the Chinese names as UTF-8.
    let csv = '\uFEFF' + csvLine([uscc, language === 'en' ? 'Enterprise name' : '企业名称', yearHeader, employees]);
    for (const r of rows) csv += csvLine([r.uscc, r.name, String(year), r.employees === null ? '' : String(r.employees)]);
    return csv;
  }

  private async create(actor: Actor, kind: ImportKind, schoolId: string | null, upload: Upload, year: number | null = null): Promise<ImportView> {
    const repository = this.db.getRepository(Import);
    const saved = await repository.save(
      repository.create({ kind, schoolId, year, createdBy: actor.userId, fileName: upload.fileName, format: upload.format, file: upload.bytes, status: 'queued' }),
    );
    try {
      await this.enqueue(saved.id);
    } catch (error) {
      // Not queued, so never run: say so on the import rather than leave it waiting forever.
      await repository.update({ id: saved.id }, { status: 'failed', failure: 'could not be queued', failureReason: 'NOT_QUEUED', file: null, finishedAt: new Date() });
      throw error;
    }
    const row = await repository.findOneByOrFail({ id: saved.id });
    return importView(row);
  }

  private async enqueue(importId: string): Promise<void> {
    // A worker that dies mid-import leaves nothing written (one transaction): the job simply runs again.
    await this.jobs.add('import.run', { importId }, jobId('import.run', importId));
  }

  /** The import, if the actor may see it: its school's admins, its creator, the platform admin. */
  private async visible(actor: Actor, id: string): Promise<Import> {
    if (!UUID.test(id)) throw notFound('The import');
    const row = await this.db.getRepository(Import).findOneBy({ id });
    if (!row) throw notFound('The import');
    if (row.createdBy === actor.userId || actor.role === 'platform_admin') return row;
    if (row.schoolId && actor.role === 'school_admin' && actor.organisationId === row.schoolId) return row;
    throw notFound('The import');
  }

  async get(actor: Actor, id: string): Promise<ImportView> {
    const row = await this.visible(actor, id);
    return importView(row, row.status === 'done' && row.kind !== 'headcounts' ? await this.pending(row.id) : undefined);
  }

  private async pending(importId: string): Promise<number> {
    const [{ n }] = await this.db.query(
      `SELECT count(*)::int AS n FROM account_activations a JOIN users u ON u.id = a.user_id AND u.password_hash IS NULL WHERE a.import_id = $1`,
      [importId],
    );
    return n;
  }

  async listForSchool(actor: Actor, schoolId: string, query: ListImportsQuery): Promise<Page<ImportView>> {
    await this.access.administrable(actor, schoolId, ['school']);
    return this.page(query, 'school_id = $1', [schoolId, ...(query.kind ? [query.kind] : [])], query.kind ? ' AND kind = $2' : '');
  }

  async listHeadcounts(actor: Actor, query: ListImportsQuery): Promise<Page<ImportView>> {
    return this.page(query, `created_by = $1 AND kind = 'headcounts'`, [actor.userId], '');
  }

  /** Newest first, keyset on (created_at, id); the cursor keeps created_at to the microsecond. */
  private async page(query: ListImportsQuery, where: string, params: unknown[], extra: string): Promise<Page<ImportView>> {
    const limit = query.limit ?? 50;
    let condition = where + extra;
    if (query.cursor) {
      const key = decodeCursor(query.cursor, ['timestamp', 'uuid']);
      if (!key) throw new DomainError('INVALID_CURSOR', 'invalid', 'The cursor is not one this API gave out');
      params.push(key[0], key[1]);
      condition += ` AND (created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    const rows: Array<{ id: string; at: string }> = await this.db.query(
      `SELECT id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at FROM imports WHERE ${condition} ORDER BY created_at DESC, id DESC LIMIT ${limit + 1}`,
      params,
    );
    const page = rows.slice(0, limit);
    const found = page.length ? await this.db.getRepository(Import).findBy(page.map((r) => ({ id: r.id }))) : [];
    const byId = new Map(found.map((row) => [row.id, row]));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => importView(byId.get(r.id) as Import)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.at, last.id]) : null,
    };
  }

  /**
   * New one-time codes for every account of a finished import that has not been activated yet,
   * as a CSV (姓名, 邮箱, 激活码). Codes exist only in this answer: the database keeps their
   * SHA-256. Asking again gives new codes and voids the earlier ones (a lost download is not lost).
   */
  async activationCodes(actor: Actor, id: string): Promise<{ fileName: string; csv: string }> {
    const row = await this.visible(actor, id);
    if (row.kind === 'headcounts' || row.status !== 'done') {
      throw new DomainError('IMPORT_NOT_DONE', 'conflict', 'Activation codes exist only for a finished import of students or teachers');
    }
    return this.db.transaction(async (tx) => {
      const accounts: Array<{ user_id: string; name: string; email: string }> = await tx.query(
        `SELECT a.user_id, u.name, u.email FROM account_activations a JOIN users u ON u.id = a.user_id
          WHERE a.import_id = $1 ORDER BY u.name, u.email FOR UPDATE OF a`,
        [row.id],
      );
      const codes = accounts.map(() => activationCode());
      await tx.query(
        `UPDATE account_activations a SET code_hash = v.hash FROM unnest($1::uuid[], $2::text[]) AS v(user_id, hash) WHERE a.user_id = v.user_id`,
        [accounts.map((a) => a.user_id), codes.map(hashActivationCode)],
      );
      await tx.query(`UPDATE imports SET codes_issued_at = now() WHERE id = $1`, [row.id]);
      // A byte-order mark so that Excel opens the Chinese names as UTF-8; csvLine keeps a name or
      // e-mail that Excel would run as a formula (`=HYPERLINK(…)`) text.
      let csv = '\uFEFF' + csvLine(['姓名', '邮箱', '激活码']);
      accounts.forEach((a, i) => (csv += csvLine([a.name, a.email, codes[i].replace(/(.{5})/, '$1-')])));
      return { fileName: `activation-codes-${row.id.slice(0, 8)}.csv`, csv };
    });
  }
}
