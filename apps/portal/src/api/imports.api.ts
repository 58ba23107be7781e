import type { ImportView, LoginResponse, Page, PeopleImportKind } from '@skillbridge/contracts';
import { api } from './client';

export const importsApi = {
  start: (schoolId: string, kind: PeopleImportKind, file: File) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    return api.upload<ImportView>(`/schools/${encodeURIComponent(schoolId)}/imports`, form);
  },
  get: (id: string) => api.get<ImportView>(`/imports/${encodeURIComponent(id)}`),
  list: (schoolId: string) => api.get<Page<ImportView>>(`/schools/${encodeURIComponent(schoolId)}/imports`, { limit: 10 }),
  template: (kind: PeopleImportKind, lang: string) => api.download('GET', `/imports/templates/${kind}`, { lang }),
  /** §13: the MIIT and SASAC officers' headcounts of their remit's enterprises for one year (rows of another year are refused). */
  startHeadcounts: (year: number, file: File) => {
    const form = new FormData();
    form.append('year', String(year));
    form.append('file', file, file.name);
    return api.upload<ImportView>('/headcount-imports', form);
  },
  listHeadcounts: () => api.get<Page<ImportView>>('/headcount-imports', { limit: 10 }),
  /** The year's file filled in with every enterprise of the officer's remit and its current headcount. */
  headcountTemplate: (year: number, lang: string) => api.download('GET', '/headcount-imports/template', { year, lang }),
  activationCodes: (id: string) => api.download('POST', `/imports/${encodeURIComponent(id)}/activation-codes`),
  activate: (body: { email: string; code: string; password: string }) =>
    api.post<LoginResponse>('/auth/activate', body, { anonymous: true }),
};
