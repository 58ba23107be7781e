import type {
  AgreementContact,
  AgreementStatus,
  AgreementSummary,
  AgreementVerification,
  AgreementView,
  GuardianAgreementView,
  GuardianContactRequest,
  GuardianSignRequest,
  Page,
  SetInsuranceRequest,
  SignAgreementRequest,
} from '@skillbridge/contracts';
import { api } from './client';

const agreement = (id: string) => `/agreements/${encodeURIComponent(id)}`;

export interface AgreementFilter {
  status?: AgreementStatus;
  placementId?: string;
  cursor?: string;
}

/** Where the guardian's one-time link went: an e-mail, or the webhook channel (an SMS) when only a phone is known. */
export interface GuardianLinkSent {
  channel: 'email' | 'webhook';
  expiresAt: string;
}

/** The tripartite agreements (三方协议, issue 18): each party its own; the guardian and `/verify` without an account. */
export const agreementsApi = {
  list: (filter: AgreementFilter) => api.get<Page<AgreementSummary>>('/agreements', { ...filter }),
  get: (id: string) => api.get<AgreementView>(agreement(id)),
  ofPlacement: (placementId: string) => api.get<AgreementView>(`/placements/${encodeURIComponent(placementId)}/agreement`),
  pdf: (id: string, version?: number) => api.download('GET', `${agreement(id)}/pdf`, { version }),
  setInsurance: (id: string, body: SetInsuranceRequest) => api.put<AgreementView>(`${agreement(id)}/insurance`, body),
  sendSigningCode: (id: string) => api.post<{ expiresAt: string }>(`${agreement(id)}/signing-codes`),
  sign: (id: string, body: SignAgreementRequest) => api.post<AgreementView>(`${agreement(id)}/signatures`, body),
  setGuardian: (studentId: string, body: GuardianContactRequest) =>
    api.put<AgreementContact>(`/students/${encodeURIComponent(studentId)}/guardian`, body),
  sendGuardianLink: (id: string) => api.post<GuardianLinkSent>(`${agreement(id)}/guardian-link`),

  // Without an account: the guardian's link (its secret in the body, never in a URL) and the check of a PDF.
  guardianView: (token: string) => api.post<GuardianAgreementView>('/guardian-signatures/view', { token }, { anonymous: true }),
  guardianPdf: (token: string) => api.post<Blob>('/guardian-signatures/pdf', { token }, { anonymous: true, blob: true }),
  guardianSign: (body: GuardianSignRequest) => api.post<{ signedAt: string }>('/guardian-signatures', body, { anonymous: true }),
  verify: (pdf: Blob) =>
    api.post<AgreementVerification>('/agreements/verify', new Blob([pdf], { type: 'application/pdf' }), { anonymous: true }),
};
