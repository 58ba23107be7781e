import type {
  EnterpriseView,
  Ownership,
  Page,
  RegisterEnterpriseRequest,
  RegisterEnterpriseResponse,
  VerificationStatus,
} from '@skillbridge/contracts';
import { api } from './client';

export interface ListEnterprisesQuery {
  cursor?: string;
  limit?: number;
  q?: string;
  district?: string;
  industry?: string;
  ownership?: Ownership;
  verification?: VerificationStatus;
}

export const enterprisesApi = {
  register: (body: RegisterEnterpriseRequest) => api.post<RegisterEnterpriseResponse>('/enterprises', body, { anonymous: true }),
  list: (query: ListEnterprisesQuery) => api.get<Page<EnterpriseView>>('/enterprises', { ...query }),
  get: (id: string) => api.get<EnterpriseView>(`/enterprises/${encodeURIComponent(id)}`),
  verify: (id: string) => api.post<EnterpriseView>(`/enterprises/${encodeURIComponent(id)}/verify`),
  setHeadcount: (id: string, year: number, employees: number) =>
    api.put<EnterpriseView>(`/enterprises/${encodeURIComponent(id)}/headcounts/${year}`, { employees }),
};
