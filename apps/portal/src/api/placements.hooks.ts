import type { PlacementView } from '@skillbridge/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MutationEvents } from './mutation-events';
import { placementsApi, type CompletePlacementRequest } from './placements.api';

/** TanStack Query keys of placements, all under `placements`. */
export const placementKeys = {
  all: ['placements'] as const,
  list: (year: number | undefined, cursor?: string) => ['placements', 'list', year ?? 'all', cursor ?? 'first'] as const,
};

/** The asker's side's placements, of one year or all. */
export function usePlacements(year: number | undefined, cursor?: string) {
  return useQuery({
    queryKey: placementKeys.list(year, cursor),
    queryFn: () => placementsApi.list(year, cursor),
    placeholderData: keepPreviousData,
  });
}

function useRefreshPlacements() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: placementKeys.all });
}

export interface PlacementActivation {
  id: string;
  insurancePolicyNo: string;
}

export function useActivatePlacement(events: MutationEvents<PlacementView, PlacementActivation> = {}) {
  const refresh = useRefreshPlacements();
  return useMutation({
    mutationFn: ({ id, insurancePolicyNo }: PlacementActivation) => placementsApi.activate(id, insurancePolicyNo),
    onSuccess: (placement, activation) => {
      refresh();
      events.onSuccess?.(placement, activation);
    },
    onError: events.onError,
  });
}

export interface PlacementCompletion {
  id: string;
  body: CompletePlacementRequest;
}

export function useCompletePlacement(events: MutationEvents<PlacementView, PlacementCompletion> = {}) {
  const refresh = useRefreshPlacements();
  return useMutation({
    mutationFn: ({ id, body }: PlacementCompletion) => placementsApi.complete(id, body),
    onSuccess: (placement, completion) => {
      refresh();
      events.onSuccess?.(placement, completion);
    },
    onError: events.onError,
  });
}
