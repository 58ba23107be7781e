import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Page, QuotaRow, QuotaStatus, QuotaSummary } from '@skillbridge/contracts';
import { decodeCursor, encodeCursor, recordEvent, remitSql } from '@skillbridge/db';
import { Actor, DomainError, QUOTA_STATUSES, csvLine, quotaStatusOnSql, quotaStatusWhereSql, remitOf, xlsxRow, yearElapsed, today } from '@skillbridge/domain';
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'stream';
import { DataSource } from 'typeorm';
import { OrganisationAccess } from '../tenancy/organisation-access.service';
import { ListQuotasQuery } from './dto/quota.dto';
import { UUID } from '../common/ids';

const thisYear = () => Number(today().slice(0, 4));

interface Row {
  enterprise_id: string;
  name: string;
  uscc: string;
  ownership: QuotaRow['ownership'];
  industry: string | null;
  district: string;
  year: number;
  employees: number | null;
  required: number;
  hosted: number;
  cap: number;
  status: QuotaStatus;
}

const toView = (r: Row): QuotaRow => ({
  enterpriseId: r.enterprise_id,
  name: r.name,
  uscc: r.uscc,
  ownership: r.ownership,
  industry: r.industry ?? '',
  district: r.district,
  year: r.year,
  employees: r.employees,
  required: r.required,
  hosted: r.hosted,
  remaining: Math.max(r.required - r.hosted, 0),
  cap: r.cap,
  status: r.status,
});

/** 中文表头 for the export, in column order. */
const EXPORT_COLUMNS: Array<[string, (r: QuotaRow) => string | number | null]> = [
  ['企业名称', (r) => r.name],
  ['统一社会信用代码', (r) => r.uscc],
  ['所有制', (r) => ({ municipal_soe: '市属国有', central_soe: '央企', private: '民营', foreign: '外资', other: '其他' })[r.ownership]],
  ['行业', (r) => r.industry],
  ['区县', (r) => r.district],
  ['年度', (r) => r.year],
  ['职工总数', (r) => r.employees],
  ['应接收实习生', (r) => r.required],
  ['已接收实习生', (r) => r.hosted],
  ['尚需接收', (r) => r.remaining],
  ['同时在岗上限', (r) => r.cap],
  ['状态', (r) => ({ met: '已达标', on_track: '进度正常', at_risk: '有风险', behind: '落后' })[r.status]],
];

/**
 * The bureaus' quota monitoring (§13). Every query is scoped to the officer's remit (MIIT: all but
 * municipal SOEs; SASAC: municipal SOEs) and reads the maintained `quota_years` rows, which carry
 * the organisation's facts; the status is computed on read from the share of the year passed, by
 * the thresholds stored with each row (libs/domain quota.ts quotaThresholds).
 */
@Injectable()
export class QuotasService {
  /** The last summary per (remit, year, day), with the snapshot it holds for (see summary()). */
  private readonly summaries = new Map<string, { snapshot: string; summary: QuotaSummary }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: OrganisationAccess,
  ) {}

  /**
   * Quotas are MIIT's and SASAC's to monitor (§13; api.md). The education bureau's remit holds the
   * training bases, which have quota rows too: without this it could list and remind them.
   */
  assertMonitor(actor: Actor): void {
    if (actor.role === 'bureau_officer' && actor.authority !== 'MIIT' && actor.authority !== 'SASAC') {
      throw new DomainError('FORBIDDEN', 'forbidden', 'Intern quotas are monitored by the Industry and IT Bureau and the SASAC');
    }
  }

  /**
   * One year's rows of the actor's remit, on quota_years alone (alias `q`: it carries the
   * organisation's kind, ownership, district, industry, name and verification), and today's day of
   * that year. Verified enterprises only (domain.md §3): the table's indexes hold no other rows.
   */
  private scope(actor: Actor, year: number, params: unknown[]): { where: string; day: string } {
    this.assertMonitor(actor);
    const elapsed = yearElapsed(year, today());
    const where = `q.year = $${params.push(year)} AND q.verified AND ${remitSql(remitOf(actor), 'q', params, 'enterprise_id')}`;
    return { where, day: `$${params.push(elapsed.day)}::int` };
  }

  /** The table's columns, with the status on `day` from the stored thresholds. */
  private static columns(day: string): string {
    return `q.enterprise_id, q.name, o.uscc, q.ownership, q.industry, q.district, q.year, q.employees, q.required, q.hosted, q.cap,
            ${quotaStatusOnSql('q.on_track_until', 'q.at_risk_until', day)} AS status`;
  }

  async list(actor: Actor, query: ListQuotasQuery): Promise<Page<QuotaRow>> {
    const params: unknown[] = [];
    const { where, day } = this.scope(actor, query.year ?? thisYear(), params);
    const conditions = [where];
    const param = (value: unknown): string => `$${params.push(value)}`;
    if (query.district) conditions.push(`q.district = ${param(query.district)}`);
    if (query.industry) conditions.push(`q.industry = ${param(query.industry)}`);
    if (query.status) conditions.push(quotaStatusWhereSql(query.status, 'q.on_track_until', 'q.at_risk_until', day));
    if (query.cursor) {
      const key = decodeCursor(query.cursor, ['text', 'uuid']);
      if (!key || !UUID.test(String(key[1]))) throw new DomainError('INVALID_CURSOR', 'invalid', 'The cursor is not one this API gave out');
      conditions.push(`(q.name, q.enterprise_id) > (${param(key[0])}, ${param(key[1])}::uuid)`);
    }
    const limit = query.limit ?? 50;
    // Read in (name, id) order from quota_years_by_name / _by_district / _by_industry, stopping after the page.
    const rows: Row[] = await this.db.query(
      `SELECT ${QuotasService.columns(day)} FROM quota_years q JOIN organisations o ON o.id = q.enterprise_id
        WHERE ${conditions.join(' AND ')} ORDER BY q.name, q.enterprise_id LIMIT ${limit + 1}`,
      params,
    );
    const items = rows.slice(0, limit).map(toView);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.enterpriseId]) : null };
  }

  /**
   * Counts by status, district × status and industry × status. Reading them means a pass over every
   * row of the remit, so the answer is kept per (remit, year, day) with the snapshot it was read in,
   * and given again only when no row of that year was written, and none deleted, by a transaction
   * that snapshot did not see (quota_years.changed_xid, quota_year_removals): exactly what a fresh
   * read would answer, at the cost of an index probe. The day in the key moves the statuses on.
   */
  async summary(actor: Actor, year = thisYear()): Promise<QuotaSummary> {
    this.assertMonitor(actor);
    const key = JSON.stringify([remitOf(actor), year, yearElapsed(year, today()).day]);
    const known = this.summaries.get(key);
    if (known) {
      const [check]: Array<{ snapshot: string; changed: boolean }> = await this.db.query(
        `SELECT pg_current_snapshot()::text AS snapshot,
                EXISTS (SELECT 1 FROM quota_years WHERE changed_xid >= $2 AND year = $3 AND NOT pg_visible_in_snapshot(changed_xid::text::xid8, $1::pg_snapshot))
                OR EXISTS (SELECT 1 FROM quota_year_removals WHERE xid >= $2 AND NOT pg_visible_in_snapshot(xid::text::xid8, $1::pg_snapshot)) AS changed`,
        [known.snapshot, known.snapshot.split(':')[0], year],
      );
      if (!check.changed) {
        known.snapshot = check.snapshot; // nothing changed in between: the answer holds for the newer snapshot too
        return known.summary;
      }
    }
    const { summary, snapshot } = await this.readSummary(actor, year);
    this.summaries.delete(key);
    this.summaries.set(key, { snapshot, summary });
    if (this.summaries.size > 64) this.summaries.delete(this.summaries.keys().next().value as string);
    return summary;
  }

  private async readSummary(actor: Actor, year: number): Promise<{ summary: QuotaSummary; snapshot: string }> {
    const params: unknown[] = [];
    const { where, day } = this.scope(actor, year, params);
    // One pass grouping by (district, industry, status) — at most a few hundred groups — then the
    // totals over those; the snapshot of this very statement goes with the answer.
    const rows: Array<{ district: string | null; industry: string | null; status: QuotaStatus | null; enterprises: number; required: number; hosted: number; g: number; snapshot: string }> = await this.db.query(
      `WITH groups AS (
         SELECT q.district, q.industry, ${quotaStatusOnSql('q.on_track_until', 'q.at_risk_until', day)} AS status,
                count(*) AS enterprises, sum(q.required) AS required, sum(q.hosted) AS hosted
           FROM quota_years q WHERE ${where}
          GROUP BY 1, 2, 3)
       SELECT district, industry, status, coalesce(sum(enterprises), 0)::int AS enterprises, coalesce(sum(required), 0)::int AS required, coalesce(sum(hosted), 0)::int AS hosted,
              GROUPING(district, industry, status)::int AS g, pg_current_snapshot()::text AS snapshot
         FROM groups
        GROUP BY GROUPING SETS ((), (status), (district, status), (industry, status))`,
      params,
    );
    const zero = () => Object.fromEntries(QUOTA_STATUSES.map((s) => [s, 0])) as Record<QuotaStatus, number>;
    const total = rows.find((r) => r.g === 7);
    const byStatus = zero();
    const districts = new Map<string, QuotaSummary['byDistrict'][number]>();
    const industries = new Map<string, QuotaSummary['byIndustry'][number]>();
    for (const r of rows) {
      if (r.g === 6 && r.status) byStatus[r.status] = r.enterprises;
      if (r.g === 2 && r.district !== null && r.status) {
        const d = districts.get(r.district) ?? { district: r.district, enterprises: 0, required: 0, hosted: 0, ...zero() };
        d.enterprises += r.enterprises;
        d.required += r.required;
        d.hosted += r.hosted;
        d[r.status] = r.enterprises;
        districts.set(r.district, d);
      }
      if (r.g === 4 && r.status) {
        const key = r.industry ?? '';
        const d = industries.get(key) ?? { industry: key, enterprises: 0, required: 0, hosted: 0, ...zero() };
        d.enterprises += r.enterprises;
        d.required += r.required;
        d.hosted += r.hosted;
        d[r.status] = r.enterprises;
        industries.set(key, d);
      }
    }
    const summary: QuotaSummary = {
      year,
      enterprises: total?.enterprises ?? 0,
      required: total?.required ?? 0,
      hosted: total?.hosted ?? 0,
      byStatus,
      byDistrict: [...districts.values()].sort((a, b) => b.enterprises - a.enterprises),
      byIndustry: [...industries.values()].sort((a, b) => b.enterprises - a.enterprises),
    };
    return { summary, snapshot: total?.snapshot ?? rows[0].snapshot };
  }

  /** An enterprise's own line: its admin and the officers of its remit. */
  async own(actor: Actor, enterpriseId: string, year = thisYear()): Promise<QuotaRow> {
    await this.access.visible(actor, enterpriseId, ['enterprise', 'training_base']);
    const [row]: Row[] = await this.db.query(
      `SELECT ${QuotasService.columns('$3::int')} FROM quota_years q JOIN organisations o ON o.id = q.enterprise_id
        WHERE q.enterprise_id = $1 AND q.year = $2`,
      [enterpriseId, year, yearElapsed(year, today()).day],
    );
    if (!row) throw new DomainError('NO_QUOTA_YET', 'not_found', `No quota figures for ${year} yet: state the headcount first`);
    return toView(row);
  }

  /** Notifies every enterprise of the remit in that status, at most once a day each; answers how many. */
  async remind(actor: Actor, year: number, status: QuotaStatus): Promise<{ reminded: number; skipped: number }> {
    const params: unknown[] = [];
    const { where, day } = this.scope(actor, year, params);
    const rows: Row[] = await this.db.query(
      `SELECT ${QuotasService.columns(day)} FROM quota_years q JOIN organisations o ON o.id = q.enterprise_id
        WHERE ${where} AND ${quotaStatusWhereSql(status, 'q.on_track_until', 'q.at_risk_until', day)}`,
      params,
    );
    const on = today();
    let reminded = 0;
    await this.db.transaction(async (tx) => {
      for (const r of rows) {
        const added = await recordEvent(
          tx,
          'quota.reminder',
          r.enterprise_id,
          { adminsOf: [r.enterprise_id] },
          { year, required: r.required, hosted: r.hosted, authority: actor.authority },
          `quota.reminder:${r.enterprise_id}:${year}:${on}`,
        );
        if (added) reminded++;
      }
    });
    return { reminded, skipped: rows.length - reminded };
  }

  /**
   * The table as CSV or XLSX with Chinese headers, streamed in keyset batches: memory stays flat
   * however many rows the remit holds.
   */
  exportStream(actor: Actor, year: number, format: 'csv' | 'xlsx'): Readable {
    const batches = this.batches(actor, year);
    if (format === 'csv') {
      // Enterprises name themselves: csvLine (and xlsxRow below) keep a name Excel would run as a formula text.
      const line = (r: QuotaRow) => csvLine(EXPORT_COLUMNS.map(([, f]) => f(r)));
      return Readable.from(
        (async function* () {
          yield '\ufeff' + csvLine(EXPORT_COLUMNS.map(([h]) => h)); // BOM: Excel opens UTF-8 Chinese correctly
          for await (const rows of batches) yield rows.map(line).join('');
        })(),
      );
    }
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet(`${year} 实习生配额`);
    sheet.columns = EXPORT_COLUMNS.map(([header]) => ({ header, width: header.length > 6 ? 22 : 14 }));
    void (async () => {
      try {
        for await (const rows of batches) for (const r of rows) sheet.addRow(xlsxRow(EXPORT_COLUMNS.map(([, f]) => f(r)))).commit();
        sheet.commit();
        await workbook.commit();
      } catch (error) {
        out.destroy(error as Error);
      }
    })();
    return out;
  }

  private async *batches(actor: Actor, year: number): AsyncGenerator<QuotaRow[]> {
    let cursor: string | undefined;
    do {
      const page = await this.list(actor, { year, limit: 200, cursor } as ListQuotasQuery);
      if (page.items.length) yield page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
}
