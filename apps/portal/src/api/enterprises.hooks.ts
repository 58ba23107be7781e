import type { EnterpriseView, RegisterEnterpriseRequest } from '@skillbridge/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { enterprisesApi, type ListEnterprisesQuery } from './enterprises.api';
import type { MutationEvents } from './mutation-events';

type PendingQuery = Parameters<typeof enterprisesApi.pending>[0];

/** TanStack Query keys of enterprises: the remit's lists, the verification queue, one enterprise. */
export const enterpriseKeys = {
  all: ['enterprises'] as const,
  lists: ['enterprises', 'list'] as const,
  list: (query: ListEnterprisesQuery) => ['enterprises', 'list', query] as const,
  pending: (query: PendingQuery) => ['enterprises', 'pending', query] as const,
  one: (id: string) => ['enterprises', id] as const,
};

export interface CorrectedProfile {
  name: string;
  industry: string;
  district: string;
}

export function useEnterprises(query: ListEnterprisesQuery) {
  return useQuery({ queryKey: enterpriseKeys.list(query), queryFn: () => enterprisesApi.list(query), placeholderData: keepPreviousData });
}

/** The platform admin's queue of enterprises awaiting verification. */
export function usePendingEnterprises(query: PendingQuery) {
  return useQuery({
    queryKey: enterpriseKeys.pending(query),
    queryFn: () => enterprisesApi.pending(query),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: string) {
  return useQuery({ queryKey: enterpriseKeys.one(id), queryFn: () => enterprisesApi.get(id), enabled: !!id });
}

/** Self-registration: nothing of the portal's changes until the e-mailed link is followed. */
export function useRegisterEnterprise(events: MutationEvents<void, RegisterEnterpriseRequest> = {}) {
  return useMutation({
    mutationFn: (body: RegisterEnterpriseRequest) => enterprisesApi.register(body),
    onSuccess: events.onSuccess,
    onError: events.onError,
  });
}

/** The year's staff count: the enterprise as answered, and the lists showing its headcount. */
export function useSetHeadcount(enterpriseId: string, year: number, events: MutationEvents<EnterpriseView, number> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (employees: number) => enterprisesApi.setHeadcount(enterpriseId, year, employees),
    onSuccess: (saved, employees) => {
      queryClient.setQueryData(enterpriseKeys.one(enterpriseId), saved);
      void queryClient.invalidateQueries({ queryKey: enterpriseKeys.lists });
      events.onSuccess?.(saved, employees);
    },
    onError: events.onError,
  });
}

/** A refused enterprise corrects its profile, which submits it for verification again. */
export function useCorrectEnterprise(enterpriseId: string, events: MutationEvents<EnterpriseView, CorrectedProfile> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profile: CorrectedProfile) => enterprisesApi.update(enterpriseId, profile),
    onSuccess: (updated, profile) => {
      queryClient.setQueryData(enterpriseKeys.one(updated.id), updated);
      events.onSuccess?.(updated, profile);
    },
    onError: events.onError,
  });
}

/** A verification decision moves the enterprise between every list of enterprises. */
function useRefreshEnterprises() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
}

export function useVerifyEnterprise(enterpriseId: string, events: MutationEvents<EnterpriseView, void> = {}) {
  const refresh = useRefreshEnterprises();
  return useMutation({
    mutationFn: () => enterprisesApi.verify(enterpriseId),
    onSuccess: (verified, variables) => {
      refresh();
      events.onSuccess?.(verified, variables);
    },
    onError: events.onError,
  });
}

export function useRefuseEnterprise(enterpriseId: string, events: MutationEvents<EnterpriseView, string> = {}) {
  const refresh = useRefreshEnterprises();
  return useMutation({
    mutationFn: (reason: string) => enterprisesApi.refuse(enterpriseId, reason),
    onSuccess: (refused, reason) => {
      refresh();
      events.onSuccess?.(refused, reason);
    },
    onError: events.onError,
  });
}
