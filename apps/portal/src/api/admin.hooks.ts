import type { YearRules } from '@skillbridge/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminApi, type AccessLogFilter, type RuleNumbers } from './admin.api';
import type { MutationEvents } from './mutation-events';

/** TanStack Query keys under `admin` (and `quotas`, which a change of the rules recomputes). */
export const adminKeys = {
  rules: (year: number) => ['admin', 'rules', year] as const,
  history: (year: number) => ['admin', 'rules', year, 'history'] as const,
  accessLog: (filter: AccessLogFilter, before?: number) => ['admin', 'access-log', { ...filter, before }] as const,
};

export function useYearRules(year: number) {
  return useQuery({ queryKey: adminKeys.rules(year), queryFn: () => adminApi.rules(year), placeholderData: keepPreviousData });
}

export function useRuleHistory(year: number) {
  return useQuery({ queryKey: adminKeys.history(year), queryFn: () => adminApi.ruleHistory(year) });
}

/** Saves the year's rules; the rules, their history and every quota figure are read again. */
export function useSaveRules(events: MutationEvents<YearRules, { year: number; rules: RuleNumbers }> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, rules }: { year: number; rules: RuleNumbers }) => adminApi.saveRules(year, rules),
    onSuccess: (saved, variables) => {
      queryClient.setQueryData(adminKeys.rules(variables.year), saved);
      void queryClient.invalidateQueries({ queryKey: adminKeys.history(variables.year) });
      void queryClient.invalidateQueries({ queryKey: ['quotas'] });
      events.onSuccess?.(saved, variables);
    },
    onError: events.onError,
  });
}

/** A page of the access log: the filter's entries before `before` (the newest when absent). */
export function useAccessLog(filter: AccessLogFilter, before?: number) {
  return useQuery({
    queryKey: adminKeys.accessLog(filter, before),
    queryFn: () => adminApi.accessLog(filter, before),
    placeholderData: keepPreviousData,
  });
}
