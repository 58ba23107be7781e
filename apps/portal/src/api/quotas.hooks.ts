import type { QuotaStatus } from '@skillbridge/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MutationEvents } from './mutation-events';
import { quotasApi, type QuotaFilter } from './quotas.api';

/** TanStack Query keys under `quotas`: a reminder or a new headcount refreshes every view of them. */
export const quotaKeys = {
  all: ['quotas'] as const,
  list: (filter: QuotaFilter, cursor?: string) => ['quotas', 'list', { ...filter, cursor }] as const,
  summary: (year: number) => ['quotas', 'summary', year] as const,
  own: (enterpriseId: string, year: number) => ['quotas', 'own', enterpriseId, year] as const,
  // The drill-down's slots are of every year.
  drillSlots: (enterpriseId: string) => ['quotas', 'drill', enterpriseId, 0, 'slots'] as const,
  drillPlacements: (enterpriseId: string, year: number, cursor?: string) =>
    ['quotas', 'drill', enterpriseId, year, 'placements', cursor ?? 'first'] as const,
};

/** Rows of the dashboard's table. */
const ROWS = 20;

export function useQuotaSummary(year: number) {
  return useQuery({ queryKey: quotaKeys.summary(year), queryFn: () => quotasApi.summary(year), placeholderData: keepPreviousData });
}

export function useQuotaRows(filter: QuotaFilter, cursor?: string) {
  return useQuery({
    queryKey: quotaKeys.list(filter, cursor),
    queryFn: () => quotasApi.list({ ...filter, cursor, limit: ROWS }),
    placeholderData: keepPreviousData,
  });
}

/** An enterprise's own line of the year. */
export function useOwnQuota(enterpriseId: string, year: number) {
  return useQuery({ queryKey: quotaKeys.own(enterpriseId, year), queryFn: () => quotasApi.own(enterpriseId, year) });
}

/** The drill-down: one enterprise's slots in every state. */
export function useDrillSlots(enterpriseId: string) {
  return useQuery({ queryKey: quotaKeys.drillSlots(enterpriseId), queryFn: () => quotasApi.slotsOf(enterpriseId) });
}

/** The drill-down: one enterprise's placements of the year, a page at a time. */
export function useDrillPlacements(enterpriseId: string, year: number, cursor?: string) {
  return useQuery({
    queryKey: quotaKeys.drillPlacements(enterpriseId, year, cursor),
    queryFn: () => quotasApi.placementsOf(enterpriseId, year, cursor),
    placeholderData: keepPreviousData,
  });
}

export interface Reminder {
  year: number;
  /** Every enterprise of the remit in this status is reminded, each at most once a day. */
  status: QuotaStatus;
}

export function useRemindEnterprises(events: MutationEvents<{ reminded: number; skipped: number }, Reminder> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, status }: Reminder) => quotasApi.remind(year, status),
    onSuccess: (outcome, reminder) => {
      events.onSuccess?.(outcome, reminder);
      void queryClient.invalidateQueries({ queryKey: quotaKeys.all });
    },
    onError: events.onError,
  });
}
