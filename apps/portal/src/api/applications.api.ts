import type {
  ApplicationFilterOptions,
  ApplicationStatus,
  ApplicationView,
  BulkApproveRequest,
  BulkApproveResult,
  Page,
  SendBackRequest,
} from '@skillbridge/contracts';
import { api } from './client';

export interface ListApplicationsQuery {
  cursor?: string;
  limit?: number;
  slotId?: string;
  status?: ApplicationStatus;
  /** School admins: only those still waiting for the school's approval. */
  awaitingApproval?: boolean;
  /** School admins: by the applicant's major and class, by the enterprise applied to. */
  major?: string;
  className?: string;
  enterpriseId?: string;
}

const application = (id: string) => `/applications/${encodeURIComponent(id)}`;

/** Applications: each side sees its own (a student's, an enterprise's slots', a school's students'). */
export const applicationsApi = {
  list: (query: ListApplicationsQuery) =>
    api.get<Page<ApplicationView>>('/applications', { ...query, awaitingApproval: query.awaitingApproval ? 'true' : undefined }),
  get: (id: string) => api.get<ApplicationView>(application(id)),
  // The student
  apply: (slotId: string, motivation?: string) =>
    api.post<ApplicationView>(`/slots/${encodeURIComponent(slotId)}/applications`, motivation ? { motivation } : {}),
  accept: (id: string) => api.post<ApplicationView>(`${application(id)}/accept`),
  decline: (id: string) => api.post<ApplicationView>(`${application(id)}/decline`),
  withdraw: (id: string) => api.post<ApplicationView>(`${application(id)}/withdraw`),
  // The slot's enterprise
  shortlist: (id: string) => api.post<ApplicationView>(`${application(id)}/shortlist`),
  offer: (id: string, respondBy: string) => api.post<ApplicationView>(`${application(id)}/offer`, { respondBy }),
  reject: (id: string) => api.post<ApplicationView>(`${application(id)}/reject`),
  // The student's school: its approval (the agreement is drafted on the accept), and a guardian's consent for a minor
  approve: (id: string, guardianConsent: boolean) =>
    api.post<ApplicationView>(`${application(id)}/approve`, guardianConsent ? { guardianConsent: true } : {}),
  /** Many at once: each either moves or comes back with its reason. */
  approveMany: (applicationIds: string[]) =>
    api.post<BulkApproveResult>('/applications/approvals', { applicationIds } satisfies BulkApproveRequest),
  sendBack: (id: string, reason: string) => api.post<ApplicationView>(`${application(id)}/send-back`, { reason } satisfies SendBackRequest),
  filterOptions: () => api.get<ApplicationFilterOptions>('/applications/filter-options'),
};
