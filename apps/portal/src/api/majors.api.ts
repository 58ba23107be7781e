import type { ImportView, MajorLevel, MajorView, Page } from '@skillbridge/contracts';
import { api } from './client';

export const majorsApi = {
  /** Majors of the catalogue by a fragment of their code, Chinese or English name. */
  find: (q: string, level?: MajorLevel, limit = 20) => api.get<MajorView[]>('/majors', { q: q || undefined, level, limit }),
  /** The platform admin's import of the catalogue: all rows or none. */
  startImport: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ImportView>('/major-imports', form);
  },
  listImports: () => api.get<Page<ImportView>>('/major-imports', { limit: 10 }),
  template: (lang: string) => api.download('GET', '/imports/templates/majors', { lang }),
};
