import type {
  ConfirmRegistrationRequest,
  EnterpriseView,
  LoginResponse,
  PendingEnterpriseView,
  Ownership,
  Page,
  RegisterEnterpriseRequest,
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
  /** Answers the same whether or not the e-mail has an account: the rest comes by e-mail. */
  register: (body: RegisterEnterpriseRequest) => api.post<void>('/enterprises', body, { anonymous: true }),
  /** The e-mailed link's secret and the admin's password: the enterprise and its admin, signed in. */
  confirm: (body: ConfirmRegistrationRequest) => api.post<LoginResponse>('/enterprises/confirm', body, { anonymous: true }),
  list: (query: ListEnterprisesQuery) => api.get<Page<EnterpriseView>>('/enterprises', { ...query }),
  get: (id: string) => api.get<EnterpriseView>(`/enterprises/${encodeURIComponent(id)}`),
  verify: (id: string) => api.post<EnterpriseView>(`/enterprises/${encodeURIComponent(id)}/verify`),
  /** The platform admin's queue, each with the organisations sharing its name or credit code. */
  pending: (query: { cursor?: string; limit?: number }) => api.get<Page<PendingEnterpriseView>>('/enterprises/pending', { ...query }),
  refuse: (id: string, reason: string) => api.post<EnterpriseView>(`/enterprises/${encodeURIComponent(id)}/refuse`, { reason }),
  /** Correcting a refused enterprise's profile submits it again. */
  update: (id: string, body: { name?: string; industry?: string; district?: string }) =>
    api.patch<EnterpriseView>(`/enterprises/${encodeURIComponent(id)}`, body),
  setHeadcount: (id: string, year: number, employees: number) =>
    api.put<EnterpriseView>(`/enterprises/${encodeURIComponent(id)}/headcounts/${year}`, { employees }),
};
