import { LANZHOU_DISTRICTS_EN } from './districts';
import type { Locale, Ownership } from './index';
import type { QuotaStatus } from './index';

/** The quota table's columns, in the order of the screen (name … status) and then the file's extra columns. */
export const QUOTA_EXPORT_COLUMNS = [
  'name',
  'uscc',
  'ownership',
  'district',
  'industry',
  'year',
  'employees',
  'required',
  'hosted',
  'remaining',
  'cap',
  'status',
] as const;
export type QuotaExportColumn = (typeof QUOTA_EXPORT_COLUMNS)[number];

export interface QuotaExportLabels {
  columns: Record<QuotaExportColumn, string>;
  status: Record<QuotaStatus, string>;
  ownership: Record<Ownership, string>;
  /** District names are data in Chinese; the English file gives their English names, as the screen does. */
  district: Record<string, string>;
  sheet: string;
}

/**
 * The words of the officers' quota export (`GET /quotas/export?lang=`), the same as the screen's: the
 * portal's locales test fails when `quotas.column.*`, `quotas.status.*`, `ownership.*` or `district.*`
 * say something else.
 */
export const QUOTA_EXPORT_LABELS: Record<Locale, QuotaExportLabels> = {
  'zh-CN': {
    columns: {
      name: '企业名称',
      uscc: '统一社会信用代码',
      ownership: '企业性质',
      district: '区县',
      industry: '行业',
      year: '年度',
      employees: '职工人数',
      required: '应接收',
      hosted: '已接收',
      remaining: '尚需接收',
      cap: '同时在岗上限',
      status: '状态',
    },
    status: { met: '已达标', on_track: '进度正常', at_risk: '有风险', behind: '落后' },
    ownership: { municipal_soe: '市属国有企业', central_soe: '中央企业', private: '民营企业', foreign: '外资企业', other: '其他' },
    district: {},
    sheet: '实习生配额',
  },
  en: {
    columns: {
      name: 'Enterprise',
      uscc: 'Unified social credit code',
      ownership: 'Ownership',
      district: 'District',
      industry: 'Industry',
      year: 'Year',
      employees: 'Staff',
      required: 'Required',
      hosted: 'Hosted',
      remaining: 'Still to host',
      cap: 'Concurrent cap',
      status: 'Status',
    },
    status: { met: 'Met', on_track: 'On track', at_risk: 'At risk', behind: 'Behind' },
    ownership: {
      municipal_soe: 'Municipal SOE',
      central_soe: 'Central SOE',
      private: 'Private',
      foreign: 'Foreign-invested',
      other: 'Other',
    },
    district: LANZHOU_DISTRICTS_EN,
    sheet: 'Intern quotas',
  },
};
