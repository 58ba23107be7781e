import type {
  AgreementContact,
  AgreementVerification,
  AgreementView,
  GuardianContactRequest,
  SetInsuranceRequest,
  SignAgreementRequest,
} from '@skillbridge/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { agreementsApi, type AgreementFilter, type GuardianLinkSent } from './agreements.api';
import type { MutationEvents } from './mutation-events';
import { placementKeys } from './placements.hooks';

/** TanStack Query keys of agreements, all under `agreements`. */
export const agreementKeys = {
  all: ['agreements'] as const,
  list: (filter: AgreementFilter) => ['agreements', 'list', filter] as const,
  one: (id: string) => ['agreements', 'one', id] as const,
  ofPlacement: (placementId: string) => ['agreements', 'placement', placementId] as const,
  guardian: (token: string) => ['agreements', 'guardian', token] as const,
};

/** The reader's agreements (each side its own), newest start date last, a page at a time. */
export function useAgreements(filter: AgreementFilter) {
  return useQuery({ queryKey: agreementKeys.list(filter), queryFn: () => agreementsApi.list(filter), placeholderData: keepPreviousData });
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementKeys.one(id), queryFn: () => agreementsApi.get(id) });
}

/** A placement's agreement (the activation dialog says what it still waits for); none yet is a 404, not retried. */
export function usePlacementAgreement(placementId: string | null) {
  return useQuery({
    queryKey: agreementKeys.ofPlacement(placementId ?? ''),
    queryFn: () => agreementsApi.ofPlacement(placementId!),
    enabled: !!placementId,
    retry: false,
  });
}

/** An agreement changed (a new version, a signature): shown at once, and every list and placement asked again. */
function changed(queryClient: QueryClient, view: AgreementView): void {
  queryClient.setQueryData(agreementKeys.one(view.id), view);
  void queryClient.invalidateQueries({
    queryKey: agreementKeys.all,
    predicate: (q) => q.queryKey[1] !== 'one' || q.queryKey[2] !== view.id,
  });
  void queryClient.invalidateQueries({ queryKey: placementKeys.all });
}

export interface InsuranceEntry {
  id: string;
  body: SetInsuranceRequest;
}

export function useSetInsurance(events: MutationEvents<AgreementView, InsuranceEntry> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: InsuranceEntry) => agreementsApi.setInsurance(id, body),
    onSuccess: (view, entry) => {
      changed(queryClient, view);
      events.onSuccess?.(view, entry);
    },
    onError: events.onError,
  });
}

/** A one-time code e-mailed to the signer. */
export function useSendSigningCode(events: MutationEvents<{ expiresAt: string }, string> = {}) {
  return useMutation({
    mutationFn: (id: string) => agreementsApi.sendSigningCode(id),
    onSuccess: events.onSuccess,
    onError: events.onError,
  });
}

export interface Signing {
  id: string;
  body: SignAgreementRequest;
}

export function useSignAgreement(events: MutationEvents<AgreementView, Signing> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: Signing) => agreementsApi.sign(id, body),
    onSuccess: (view, signing) => {
      changed(queryClient, view);
      events.onSuccess?.(view, signing);
    },
    onError: events.onError,
  });
}

/** Reads the agreement again (after a refusal that says the version shown is no longer the current one). */
export function useReloadAgreement() {
  const queryClient = useQueryClient();
  return (id: string) => queryClient.refetchQueries({ queryKey: agreementKeys.one(id) });
}

export interface GuardianEntry {
  studentId: string;
  body: GuardianContactRequest;
}

/** The school's record of a student's guardian: the unsigned agreements get a new version with it. */
export function useSetGuardian(events: MutationEvents<AgreementContact, GuardianEntry> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ studentId, body }: GuardianEntry) => agreementsApi.setGuardian(studentId, body),
    onSuccess: (contact, entry) => {
      void queryClient.invalidateQueries({ queryKey: agreementKeys.all });
      events.onSuccess?.(contact, entry);
    },
    onError: events.onError,
  });
}

export function useSendGuardianLink(events: MutationEvents<GuardianLinkSent, string> = {}) {
  return useMutation({
    mutationFn: (id: string) => agreementsApi.sendGuardianLink(id),
    onSuccess: events.onSuccess,
    onError: events.onError,
  });
}

/** The PDF of the agreement (the signed one with its signature page once every party signed), to save. */
export function useAgreementPdf(events: MutationEvents<Blob, { id: string; version?: number }> = {}) {
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version?: number }) => agreementsApi.pdf(id, version),
    onSuccess: events.onSuccess,
    onError: events.onError,
  });
}

/** What the guardian's link shows; opening it is recorded (the guardian must have seen it to sign), so asked once. */
export function useGuardianAgreement(token: string | null) {
  return useQuery({
    queryKey: agreementKeys.guardian(token ?? ''),
    queryFn: () => agreementsApi.guardianView(token!),
    enabled: !!token,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useGuardianPdf(events: MutationEvents<Blob, string> = {}) {
  return useMutation({
    mutationFn: (token: string) => agreementsApi.guardianPdf(token),
    onSuccess: events.onSuccess,
    onError: events.onError,
  });
}

export function useGuardianSign(
  events: MutationEvents<{ signedAt: string }, { token: string; version: number; termsSha256: string }> = {},
) {
  return useMutation({
    mutationFn: (body: { token: string; version: number; termsSha256: string }) => agreementsApi.guardianSign(body),
    onSuccess: events.onSuccess,
    onError: events.onError,
  });
}

/** Whether a PDF is an unchanged signed agreement (no sign-in). */
export function useVerifyAgreementPdf(events: MutationEvents<AgreementVerification, Blob> = {}) {
  return useMutation({ mutationFn: (pdf: Blob) => agreementsApi.verify(pdf), onSuccess: events.onSuccess, onError: events.onError });
}
