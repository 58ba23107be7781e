import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { activationCode, hashActivationCode } from '@skillbridge/accounts';
import type { ImportView, Page } from '@skillbridge/contracts';
import { Import, run, runOne } from '@skillbridge/db';
import { Actor, DomainError, ImportKind, csvLine, importYear, notFound, templateHeaders, today, now } from '@skillbridge/domain';
import { JobProducer, jobId } from '@skillbridge/jobs';
import { DataSource, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { UUID } from '../common/ids';
import { SortKey, paginateRows } from '../common/pagination';
import { ValidationFailed } from '../common/validation';
import { importsPolicy, reportsHeadcounts } from '../policies/imports.policy';
import { OrganisationAccess } from '../policies/organisation-access.service';
import { organisationsPolicy } from '../policies/organisations.policy';
import { ListImportsQuery } from './dto/import.dto';
import { ACCOUNTS_TO_ACTIVATE, CODES_ISSUED, PENDING_ACTIVATIONS, SET_ACTIVATION_CODES } from './imports.statements';
import { importView } from './import.view';
import { Upload } from './upload';

/** A headcount upload's `year` field: absent, or a year the file's year column could hold (the domain's rule). */
function uploadYear(given: string | undefined): number | null {
  if (given === undefined || given.trim() === '') return null;
  const year = importYear(given.trim(), today());
  if (typeof year !== 'number')
    throw new ValidationFailed([{ field: 'year', message: `year must be a year from 2000 to ${Number(today().slice(0, 4)) + 1}` }]);
  return year;
}

/** The kinds of import that make accounts (and so have activation codes). */
const makesAccounts = (kind: ImportKind): boolean => kind === 'students' || kind === 'teachers';

/** A page of imports is read as ids and their creation time to the microsecond (`at`): the cursor keeps it so. */
interface ImportKey {
  id: string;
  at: string;
}

/** Newest first: (created_at, id), over imports_school_created and imports_created_by. */
const NEWEST_FIRST: SortKey<ImportKey>[] = [
  { column: 'i.created_at', of: (r) => r.at, kind: 'timestamp' },
  { column: 'i.id', of: (r) => r.id, kind: 'uuid' },
];

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
    if (!reportsHeadcounts(actor)) {
      throw new DomainError('FORBIDDEN', 'forbidden', 'Headcounts are reported by the MIIT and SASAC officers');
    }
  }

  /** `year`, when given, is the one year the file is for: the worker refuses rows of any other. */
  async createHeadcounts(actor: Actor, upload: Upload): Promise<ImportView> {
    this.assertHeadcountReporter(actor);
    return this.create(actor, 'headcounts', null, upload, uploadYear(upload.fields.year));
  }

  /** The national major catalogue (职业教育专业目录): the platform admin's, all of it or none. */
  async createMajors(actor: Actor, upload: Upload): Promise<ImportView> {
    return this.create(actor, 'majors', null, upload);
  }

  async listMajors(actor: Actor, query: ListImportsQuery): Promise<Page<ImportView>> {
    return this.page(actor, query, (qb) => qb.andWhere(`i.kind = 'majors'`));
  }

  /**
   * The headcount file of one year, filled in for the officer: a line for every enterprise of the
   * remit (by name) with the headcount its quota counts today, blank when none is known. The
   * officer changes what has changed and uploads it back; the name column is only for the reader
   * (an import ignores columns it does not know).
   */
  async headcountTemplate(actor: Actor, year: number, language: 'zh-CN' | 'en'): Promise<string> {
    this.assertHeadcountReporter(actor);
    const remit = organisationsPolicy.visible(actor);
    const rows = await this.db
      .createQueryBuilder()
      .from('organisations', 'o')
      .leftJoin('quota_years', 'q', 'q.enterprise_id = o.id AND q.year = :year', { year })
      .select(['o.uscc AS uscc', 'o.name AS name', 'q.employees AS employees'])
      .where(`o.kind IN ('enterprise', 'training_base') AND o.uscc IS NOT NULL AND o.verification = 'verified'`)
      .andWhere(remit.where, remit.params)
      .orderBy('o.name')
      .addOrderBy('o.id')
      .getRawMany<{ uscc: string; name: string; employees: number | null }>();
    const [uscc, yearHeader, employees] = templateHeaders('headcounts', language);
    // A byte-order mark so that Excel opens the Chinese names as UTF-8.
    let csv = '\uFEFF' + csvLine([uscc, language === 'en' ? 'Enterprise name' : '企业名称', yearHeader, employees]);
    for (const r of rows) csv += csvLine([r.uscc, r.name, String(year), r.employees === null ? '' : String(r.employees)]);
    return csv;
  }

  private async create(
    actor: Actor,
    kind: ImportKind,
    schoolId: string | null,
    upload: Upload,
    year: number | null = null,
  ): Promise<ImportView> {
    const repository = this.db.getRepository(Import);
    const saved = await repository.save(
      repository.create({
        kind,
        schoolId,
        year,
        createdBy: actor.userId,
        fileName: upload.fileName,
        format: upload.format,
        file: upload.bytes,
        status: 'queued',
      }),
    );
    try {
      await this.enqueue(saved.id);
    } catch (error) {
      // Not queued, so never run: say so on the import rather than leave it waiting forever.
      await repository.update(
        { id: saved.id },
        { status: 'failed', failure: 'could not be queued', failureReason: 'NOT_QUEUED', file: null, finishedAt: now() },
      );
      throw error;
    }
    const row = await repository.findOneByOrFail({ id: saved.id });
    return importView(row);
  }

  private async enqueue(importId: string): Promise<void> {
    // A worker that dies mid-import leaves nothing written (one transaction): the job simply runs again.
    await this.jobs.add('import.run', { importId }, jobId('import.run', importId));
  }

  /** The import, if the actor may see it (the imports policy); else 404. */
  private async visible(actor: Actor, id: string): Promise<Import> {
    if (!UUID.test(id)) throw notFound('The import');
    const row = await this.db.getRepository(Import).findOneBy({ id });
    if (!row || !importsPolicy.can(actor, 'see', row)) throw notFound('The import');
    return row;
  }

  async get(actor: Actor, id: string): Promise<ImportView> {
    const row = await this.visible(actor, id);
    return importView(row, row.status === 'done' && makesAccounts(row.kind) ? await this.pending(row.id) : undefined);
  }

  private async pending(importId: string): Promise<number> {
    return (await runOne(this.db, PENDING_ACTIVATIONS, [importId]))?.n ?? 0;
  }

  async listForSchool(actor: Actor, schoolId: string, query: ListImportsQuery): Promise<Page<ImportView>> {
    await this.access.administrable(actor, schoolId, ['school']);
    return this.page(actor, query, (qb) => {
      qb.andWhere('i.school_id = :schoolId', { schoolId });
      if (query.kind) qb.andWhere('i.kind = :kind', { kind: query.kind });
    });
  }

  async listHeadcounts(actor: Actor, query: ListImportsQuery): Promise<Page<ImportView>> {
    return this.page(actor, query, (qb) => qb.andWhere(`i.created_by = :createdBy AND i.kind = 'headcounts'`, { createdBy: actor.userId }));
  }

  /** Newest first, of the imports the actor sees, narrowed by `filter`; the cursor keeps created_at to the microsecond. */
  private async page(
    actor: Actor,
    query: ListImportsQuery,
    filter: (qb: SelectQueryBuilder<ObjectLiteral>) => void,
  ): Promise<Page<ImportView>> {
    const visible = importsPolicy.visible(actor);
    const qb = this.db
      .createQueryBuilder()
      .from('imports', 'i')
      .select('i.id AS id')
      .addSelect(`to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'at')
      .where(visible.where, visible.params);
    filter(qb);
    const page = await paginateRows(qb, query, NEWEST_FIRST, 'DESC');
    const found = page.items.length ? await this.db.getRepository(Import).findBy({ id: In(page.items.map((r) => r.id)) }) : [];
    const byId = new Map(found.map((row) => [row.id, row]));
    return { items: page.items.map((r) => importView(byId.get(r.id) as Import)), nextCursor: page.nextCursor };
  }

  /**
   * New one-time codes for every account of a finished import that has not been activated yet,
   * as a CSV (姓名, 邮箱, 激活码). Codes exist only in this answer: the database keeps their
   * SHA-256. Asking again gives new codes and voids the earlier ones (a lost download is not lost).
   */
  async activationCodes(actor: Actor, id: string): Promise<{ fileName: string; csv: string }> {
    const row = await this.visible(actor, id);
    if (!importsPolicy.can(actor, 'issue-codes', row))
      throw new DomainError('FORBIDDEN', 'forbidden', 'You may not hand out this import’s activation codes');
    if (!makesAccounts(row.kind) || row.status !== 'done') {
      throw new DomainError('IMPORT_NOT_DONE', 'conflict', 'Activation codes exist only for a finished import of students or teachers');
    }
    return this.db.transaction(async (tx) => {
      const accounts = await run(tx, ACCOUNTS_TO_ACTIVATE, [row.id]);
      const codes = accounts.map(() => activationCode());
      await run(tx, SET_ACTIVATION_CODES, [accounts.map((a) => a.user_id), codes.map(hashActivationCode)]);
      await run(tx, CODES_ISSUED, [row.id]);
      // A byte-order mark so that Excel opens the Chinese names as UTF-8; csvLine keeps a name or
      // e-mail that Excel would run as a formula (`=HYPERLINK(…)`) text.
      let csv = '\uFEFF' + csvLine(['姓名', '邮箱', '激活码']);
      accounts.forEach((a, i) => (csv += csvLine([a.name, a.email, codes[i].replace(/(.{5})/, '$1-')])));
      return { fileName: `activation-codes-${row.id.slice(0, 8)}.csv`, csv };
    });
  }
}
