import {
  QUOTA_EXPORT_LABELS,
  type Locale,
  type Page,
  type PlacementView,
  type QuotaRow,
  type QuotaStatus,
  type QuotaSummary,
  type SlotView,
} from '@skillbridge/contracts';
import { api, saveFile } from './client';

/** 实习生配额 (§13): the bureaus' monitoring of every enterprise's 2 % and an enterprise's own line. */

export interface QuotaFilter {
  year: number;
  district?: string;
  industry?: string;
  status?: QuotaStatus;
}

const enterprise = (id: string) => `/enterprises/${encodeURIComponent(id)}`;

export const quotasApi = {
  list: (filter: QuotaFilter & { cursor?: string; limit?: number }) => api.get<Page<QuotaRow>>('/quotas', { ...filter }),
  summary: (year: number) => api.get<QuotaSummary>('/quotas/summary', { year }),
  /** Reminds every enterprise of the remit in that status; each at most once a day. */
  remind: (year: number, status: QuotaStatus) => api.post<{ reminded: number; skipped: number }>('/quotas/reminders', { year, status }),
  /** The table as a file: the filters in view apply, the headers and labels in the screen's language. */
  export: async (filter: QuotaFilter, format: 'csv' | 'xlsx', lang: Locale) =>
    saveFile(
      await api.download('GET', '/quotas/export', { ...filter, format, lang }),
      `${QUOTA_EXPORT_LABELS[lang].sheet}-${filter.year}.${format}`,
    ),
  own: (enterpriseId: string, year: number) => api.get<QuotaRow>(`${enterprise(enterpriseId)}/quota`, { year }),
  /** The drill-down: one enterprise's slots in every state and its placements of the year. */
  slotsOf: (enterpriseId: string) => api.get<Page<SlotView>>('/slots', { enterpriseId, limit: 100 }),
  placementsOf: (enterpriseId: string, year: number, cursor?: string) =>
    api.get<Page<PlacementView>>('/placements', { enterpriseId, year, cursor }),
};
