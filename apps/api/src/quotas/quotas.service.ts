import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  QUOTA_EXPORT_COLUMNS,
  QUOTA_EXPORT_LABELS,
  type Locale,
  type Page,
  type QuotaExportColumn,
  type QuotaExportLabels,
  type QuotaRow,
  type QuotaStatus,
  type QuotaSummary,
} from '@skillbridge/contracts';
import { runOne } from '@skillbridge/db';
import {
  Actor,
  DomainError,
  QUOTA_STATUSES,
  csvLine,
  displayWidth,
  ownValue,
  quotaStatusOnSql,
  quotaStatusWhereSql,
  xlsxRow,
  yearElapsed,
  today,
} from '@skillbridge/domain';
import { recordEvent } from '@skillbridge/notifications';
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'stream';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { SortKey, paginateRows } from '../common/pagination';
import { OrganisationAccess } from '../policies/organisation-access.service';
import { monitorsQuotas, quotasPolicy } from '../policies/quotas.policy';
import { ListQuotasQuery } from './dto/quota.dto';
import { SUMMARY_UNCHANGED } from './quotas.statements';

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

/** The status on the day of the year held by the `:day` parameter, from the thresholds stored with each line. */
const STATUS = quotaStatusOnSql('q.on_track_until', 'q.at_risk_until', ':day::int');
const inStatus = (status: QuotaStatus): string => quotaStatusWhereSql(status, 'q.on_track_until', 'q.at_risk_until', ':day::int');

/** The table's order: read in (name, id) order from quota_years_by_name / _by_district / _by_industry, stopping after the page. */
const BY_NAME: SortKey<Row>[] = [
  { column: 'q.name', of: (r) => r.name },
  { column: 'q.enterprise_id', of: (r) => r.enterprise_id, kind: 'uuid' },
];

interface SummaryRow {
  district: string | null;
  industry: string | null;
  status: QuotaStatus | null;
  enterprises: number;
  required: number;
  hosted: number;
  /** GROUPING(district, industry, status): which grouping set the row totals. */
  g: number;
  snapshot: string;
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

/** Each column's cell, in the words of the file's language (QUOTA_EXPORT_LABELS: the screen's words). */
const exportCell = (labels: QuotaExportLabels, column: QuotaExportColumn, r: QuotaRow): string | number | null => {
  switch (column) {
    case 'ownership':
      return labels.ownership[r.ownership];
    case 'status':
      return labels.status[r.status];
    case 'district':
      return ownValue<string>(labels.district, r.district) ?? r.district;
    default:
      return r[column];
  }
};

/** The officer's filters in view, which the export applies as the table does. */
export interface QuotaFilters {
  district?: string;
  industry?: string;
  status?: QuotaStatus;
}

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
    if (!monitorsQuotas(actor)) {
      throw new DomainError('FORBIDDEN', 'forbidden', 'Intern quotas are monitored by the Industry and IT Bureau and the SASAC');
    }
  }

  /**
   * One year's lines of the actor's remit, on quota_years alone (alias `q`: it carries the
   * organisation's kind, ownership, district, industry, name and verification), with today's day of
   * that year as `:day`. Verified enterprises only (domain.md §3): the table's indexes hold no other rows.
   */
  private scope(actor: Actor, year: number): SelectQueryBuilder<ObjectLiteral> {
    this.assertMonitor(actor);
    const visible = quotasPolicy.visible(actor);
    return this.db
      .createQueryBuilder()
      .from('quota_years', 'q')
      .where('q.year = :year AND q.verified', { year, day: yearElapsed(year, today()).day })
      .andWhere(visible.where, visible.params);
  }

  /** The table's columns, with the status on `:day`. */
  private static lines(qb: SelectQueryBuilder<ObjectLiteral>): SelectQueryBuilder<ObjectLiteral> {
    return qb
      .innerJoin('organisations', 'o', 'o.id = q.enterprise_id')
      .select([
        'q.enterprise_id AS enterprise_id',
        'q.name AS name',
        'o.uscc AS uscc',
        'q.ownership AS ownership',
        'q.industry AS industry',
      ])
      .addSelect([
        'q.district AS district',
        'q.year AS year',
        'q.employees AS employees',
        'q.required AS required',
        'q.hosted AS hosted',
        'q.cap AS cap',
      ])
      .addSelect(STATUS, 'status');
  }

  async list(actor: Actor, query: ListQuotasQuery): Promise<Page<QuotaRow>> {
    const qb = QuotasService.filtered(QuotasService.lines(this.scope(actor, query.year ?? thisYear())), query);
    const page = await paginateRows(qb, query, BY_NAME);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  /** The table's filters: district, industry, status. */
  private static filtered(qb: SelectQueryBuilder<ObjectLiteral>, filters: QuotaFilters): SelectQueryBuilder<ObjectLiteral> {
    if (filters.district) qb.andWhere('q.district = :district', { district: filters.district });
    if (filters.industry) qb.andWhere('q.industry = :industry', { industry: filters.industry });
    if (filters.status) qb.andWhere(inStatus(filters.status));
    return qb;
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
    const remit = quotasPolicy.visible(actor);
    const key = JSON.stringify([remit.where, remit.params, year, yearElapsed(year, today()).day]);
    const known = this.summaries.get(key);
    if (known) {
      const check = await runOne(this.db, SUMMARY_UNCHANGED, [known.snapshot, known.snapshot.split(':')[0], year]);
      if (check && !check.changed) {
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
    // One pass grouping by (district, industry, status) — at most a few hundred groups — then the
    // totals over those; the snapshot of this very statement goes with the answer.
    const groups = this.scope(actor, year)
      .select(['q.district AS district', 'q.industry AS industry'])
      .addSelect(STATUS, 'status')
      .addSelect(['count(*) AS enterprises', 'sum(q.required) AS required', 'sum(q.hosted) AS hosted'])
      .groupBy('1, 2, 3');
    const rows = await this.db
      .createQueryBuilder()
      .addCommonTableExpression(groups, 'groups')
      .from('groups', 'groups')
      .select([
        'district',
        'industry',
        'status',
        'coalesce(sum(enterprises), 0)::int AS enterprises',
        'coalesce(sum(required), 0)::int AS required',
      ])
      .addSelect([
        'coalesce(sum(hosted), 0)::int AS hosted',
        'GROUPING(district, industry, status)::int AS g',
        'pg_current_snapshot()::text AS snapshot',
      ])
      .groupBy('GROUPING SETS ((), (status), (district, status), (industry, status))')
      .getRawMany<SummaryRow>();
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
    const row = await QuotasService.lines(this.db.createQueryBuilder().from('quota_years', 'q'))
      .where('q.enterprise_id = :enterpriseId AND q.year = :year', { enterpriseId, year, day: yearElapsed(year, today()).day })
      .getRawOne<Row>();
    if (!row) throw new DomainError('NO_QUOTA_YET', 'not_found', `No quota figures for ${year} yet: state the headcount first`);
    return toView(row);
  }

  /** Notifies every enterprise of the remit in that status, at most once a day each; answers how many. */
  async remind(actor: Actor, year: number, status: QuotaStatus): Promise<{ reminded: number; skipped: number }> {
    const rows = await QuotasService.lines(this.scope(actor, year)).andWhere(inStatus(status)).getRawMany<Row>();
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
   * The table as CSV or XLSX, with the filters in view and the screen's words in its language (the
   * headers, status, ownership and district labels of QUOTA_EXPORT_LABELS), streamed in keyset batches:
   * memory stays flat however many rows the remit holds. Every cell goes through the one formula-safe
   * writer (csvLine, xlsxRow). The XLSX's columns are as wide as their longest text (a Chinese character
   * counts two), measured in one pass before the rows are written.
   */
  async exportStream(
    actor: Actor,
    year: number,
    format: 'csv' | 'xlsx',
    filters: QuotaFilters = {},
    locale: Locale = 'zh-CN',
  ): Promise<Readable> {
    this.assertMonitor(actor);
    const labels = QUOTA_EXPORT_LABELS[locale];
    const cells = (r: QuotaRow) => QUOTA_EXPORT_COLUMNS.map((column) => exportCell(labels, column, r));
    const headers = QUOTA_EXPORT_COLUMNS.map((column) => labels.columns[column]);
    if (format === 'csv') {
      const batches = this.batches(actor, year, filters);
      // Enterprises name themselves: csvLine (and xlsxRow below) keep a name Excel would run as a formula text.
      return Readable.from(
        (async function* () {
          yield '\ufeff' + csvLine(headers); // BOM: Excel opens UTF-8 Chinese correctly
          for await (const rows of batches) yield rows.map((r) => csvLine(cells(r))).join('');
        })(),
      );
    }
    const widths = await this.exportWidths(actor, year, filters, labels);
    const batches = this.batches(actor, year, filters);
    const out = new PassThrough();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    const sheet = workbook.addWorksheet(`${year} ${labels.sheet}`);
    sheet.columns = QUOTA_EXPORT_COLUMNS.map((column, i) => ({ header: headers[i], width: widths[column] }));
    void (async () => {
      try {
        for await (const rows of batches) for (const r of rows) sheet.addRow(xlsxRow(cells(r))).commit();
        sheet.commit();
        await workbook.commit();
      } catch (error) {
        out.destroy(error as Error);
      }
    })();
    return out;
  }

  /**
   * Each column's width in Excel's character widths: the widest of its header, its labels and (for the
   * names and industries people typed) the longest text in the rows to export, a Chinese character counting
   * two (in UTF-8 it takes three bytes, a Latin letter one: chars + (bytes − chars) / 2), plus a margin.
   */
  private async exportWidths(
    actor: Actor,
    year: number,
    filters: QuotaFilters,
    labels: QuotaExportLabels,
  ): Promise<Record<QuotaExportColumn, number>> {
    const longest = await QuotasService.filtered(this.scope(actor, year), filters)
      .select('coalesce(max(char_length(q.name) + (octet_length(q.name) - char_length(q.name)) / 2), 0)::int', 'name')
      .addSelect('coalesce(max(char_length(q.industry) + (octet_length(q.industry) - char_length(q.industry)) / 2), 0)::int', 'industry')
      .getRawOne<{ name: number; industry: number }>();
    const widest = (...texts: string[]) => Math.max(...texts.map(displayWidth));
    const data: Partial<Record<QuotaExportColumn, number>> = {
      name: longest?.name ?? 0,
      industry: longest?.industry ?? 0,
      uscc: 18,
      ownership: widest(...Object.values(labels.ownership)),
      status: widest(...Object.values(labels.status)),
      district: widest('兰州新区', ...Object.values(labels.district)),
      year: 4,
    };
    return Object.fromEntries(
      QUOTA_EXPORT_COLUMNS.map((column) => [column, Math.min(Math.max(displayWidth(labels.columns[column]), data[column] ?? 8) + 2, 80)]),
    ) as Record<QuotaExportColumn, number>;
  }

  private async *batches(actor: Actor, year: number, filters: QuotaFilters): AsyncGenerator<QuotaRow[]> {
    let cursor: string | undefined;
    do {
      const page = await this.list(actor, { ...filters, year, limit: 200, cursor } as ListQuotasQuery);
      if (page.items.length) yield page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
}
