import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AccessLogEntryView } from '@skillbridge/contracts';
import { csvLine } from '@skillbridge/domain';
import { Readable } from 'stream';
import { DataSource } from 'typeorm';
import { AccessLogFilter, AccessLogQuery } from './dto/access-log.dto';

/** One read of a person's data, as the platform admin searches them. */
export type AccessLogEntry = Omit<AccessLogEntryView, 'at'> & { at: Date };

/** A file holds at most this many entries; a wider search is narrowed first (by dates, reader or person). */
export const EXPORT_LIMIT = 100_000;
const EXPORT_BATCH = 1_000;

const like = (text: string) => `%${text.trim().replace(/[%_\\]/g, '\\$&')}%`;

/** The export's columns, headed in the language the admin reads the page in (the page's own labels). */
const EXPORT_COLUMNS: Array<[zh: string, en: string, cell: (e: AccessLogEntry) => string | number]> = [
  ['时间', 'Time', (e) => lanzhouTime(e.at)],
  ['读取人', 'Reader', (e) => e.actorName ?? ''],
  ['读取人邮箱', 'Reader e-mail', (e) => e.actorEmail],
  ['读取人角色', 'Reader role', (e) => e.actorRole],
  ['被读取人', 'Person read', (e) => e.subjectName ?? ''],
  ['被读取人编号', 'Person id', (e) => e.subjectId],
  ['读取内容', 'What was read', (e) => e.what],
  ['用途', 'Purpose', (e) => e.why],
];

/** A timestamp as Lanzhou's wall-clock time, 2027-03-01 09:30:05. */
const lanzhouTime = (at: Date) => new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/** Who read whose personal data (the access log), newest first, paged back in time by id. */
@Injectable()
export class AccessLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async search(query: AccessLogQuery): Promise<{ items: AccessLogEntry[] }> {
    const qb = this.filtered(query);
    if (query.before) qb.andWhere('l.id < :before', { before: query.before });
    const items = await qb
      .orderBy('l.id', 'DESC')
      .limit(query.limit ?? 100)
      .getRawMany<AccessLogEntry>();
    return { items };
  }

  /**
   * The entries the filter finds, newest first, as CSV through the one formula-safe writer (`csvLine`):
   * names and e-mails came from outside. Streamed in batches; at most EXPORT_LIMIT entries.
   */
  exportCsv(filter: AccessLogFilter, language: 'zh-CN' | 'en'): Readable {
    const search = (query: AccessLogQuery) => this.search(query);
    return Readable.from(
      (async function* () {
        yield '\ufeff' + csvLine(EXPORT_COLUMNS.map(([zh, en]) => (language === 'en' ? en : zh))); // BOM: Excel reads UTF-8
        let before: number | undefined;
        let written = 0;
        while (written < EXPORT_LIMIT) {
          const { items } = await search({ ...filter, before, limit: Math.min(EXPORT_BATCH, EXPORT_LIMIT - written) } as AccessLogQuery);
          if (items.length === 0) return;
          yield items.map((e) => csvLine(EXPORT_COLUMNS.map(([, , cell]) => cell(e)))).join('');
          written += items.length;
          before = items[items.length - 1].id;
        }
      })(),
    );
  }

  /** The log with the filter's conditions, every value a named parameter. */
  private filtered(filter: AccessLogFilter) {
    const qb = this.db
      .createQueryBuilder()
      .from('access_log', 'l')
      .innerJoin('users', 'a', 'a.id = l.actor_id')
      .leftJoin('users', 's', 's.id = l.subject_id')
      .select([
        'l.id::int AS id',
        'l.actor_id AS "actorId"',
        'a.email AS "actorEmail"',
        'a.name AS "actorName"',
        'l.actor_role AS "actorRole"',
        'l.subject_id AS "subjectId"',
      ])
      .addSelect(['s.name AS "subjectName"', 'l.what AS what', 'l.why AS why', 'l.at AS at']);
    if (filter.subjectId) qb.andWhere('l.subject_id = :subjectId', { subjectId: filter.subjectId });
    if (filter.actorId) qb.andWhere('l.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.actor?.trim()) qb.andWhere('(a.name ILIKE :actor OR a.email ILIKE :actor)', { actor: like(filter.actor) });
    if (filter.subject?.trim()) qb.andWhere('s.name ILIKE :subject', { subject: like(filter.subject) });
    if (filter.actorRole) qb.andWhere('l.actor_role = :actorRole', { actorRole: filter.actorRole });
    if (filter.what) qb.andWhere('l.what = :what', { what: filter.what });
    // Days are Lanzhou's: from its midnight to the next one after `to`.
    if (filter.from) qb.andWhere(`l.at >= CAST(:from AS date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, { from: filter.from });
    if (filter.to) qb.andWhere(`l.at < (CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, { to: filter.to });
    return qb;
  }
}
