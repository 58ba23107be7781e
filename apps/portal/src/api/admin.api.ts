import type { AccessLogEntryView, RuleChangeView } from '@skillbridge/contracts';
import type { YearRules } from '@skillbridge/domain';
import { api, saveFile } from './client';

/** The platform admin's pages: the year's rules with their history, and the personal-data access log. */

export type RuleNumbers = Omit<YearRules, 'year'>;

/** The access log's filters, the same for the page and its export. */
export interface AccessLogFilter {
  actor?: string;
  subject?: string;
  actorRole?: string;
  what?: string;
  from?: string;
  to?: string;
}

export const adminApi = {
  rules: (year: number) => api.get<YearRules>(`/rules/${year}`),
  saveRules: (year: number, rules: RuleNumbers) => api.put<YearRules>(`/rules/${year}`, rules),
  ruleHistory: (year: number) => api.get<RuleChangeView[]>(`/rules/${year}/history`),
  accessLog: (filter: AccessLogFilter, before?: number) =>
    api.get<{ items: AccessLogEntryView[] }>('/admin/access-log', { ...filter, before, limit: PAGE }),
  exportAccessLog: async (filter: AccessLogFilter, language: 'zh-CN' | 'en') =>
    saveFile(
      await api.download('GET', '/admin/access-log/export', { ...filter, language }),
      language === 'en' ? 'access-log.csv' : '个人信息访问记录.csv',
    ),
};

/** Entries a page of the access log shows. */
export const PAGE = 50;
