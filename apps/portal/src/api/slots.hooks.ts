import type { CreateSlotRequest, SlotView } from '@skillbridge/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MutationEvents } from './mutation-events';
import { slotsApi, type OwnSlotsQuery, type SearchSlotsQuery, type UpdateSlotRequest } from './slots.api';

/** TanStack Query keys of slots, all under `slots`: a change of one slot's seats or state refreshes every list of them. */
export const slotKeys = {
  all: ['slots'] as const,
  one: (id: string) => ['slots', 'one', id] as const,
  search: (query: SearchSlotsQuery) => ['slots', 'search', query] as const,
  ofEnterprise: (enterpriseId: string, query: OwnSlotsQuery) => ['slots', 'enterprise', enterpriseId, query] as const,
  recommended: ['slots', 'recommended'] as const,
};

/** How many recommendations the student is shown. */
const RECOMMENDED = 20;

/** The marketplace: open slots of every enterprise. */
export function useSlotSearch(query: SearchSlotsQuery) {
  return useQuery({ queryKey: slotKeys.search(query), queryFn: () => slotsApi.search(query), placeholderData: keepPreviousData });
}

/** An enterprise's own slots, in every state. */
export function useEnterpriseSlots(enterpriseId: string, query: OwnSlotsQuery) {
  return useQuery({
    queryKey: slotKeys.ofEnterprise(enterpriseId, query),
    queryFn: () => slotsApi.ofEnterprise(enterpriseId, query),
    placeholderData: keepPreviousData,
    enabled: !!enterpriseId,
  });
}

export function useRecommendedSlots() {
  return useQuery({ queryKey: slotKeys.recommended, queryFn: () => slotsApi.recommended(RECOMMENDED) });
}

export function useSlot(id: string) {
  return useQuery({ queryKey: slotKeys.one(id), queryFn: () => slotsApi.get(id) });
}

/** A saved slot is shown as answered at once; the lists are asked again. */
function useSlotSaved() {
  const queryClient = useQueryClient();
  return (saved: SlotView) => {
    queryClient.setQueryData(slotKeys.one(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: slotKeys.all });
  };
}

/** A new draft, or changed terms of an existing slot. */
export type SlotChange = { slotId?: undefined; body: CreateSlotRequest } | { slotId: string; body: UpdateSlotRequest };

export function useSaveSlot(events: MutationEvents<SlotView, SlotChange> = {}) {
  const saved = useSlotSaved();
  return useMutation({
    mutationFn: (change: SlotChange) =>
      change.slotId === undefined ? slotsApi.create(change.body) : slotsApi.update(change.slotId, change.body),
    onSuccess: (slot, change) => {
      saved(slot);
      events.onSuccess?.(slot, change);
    },
    onError: events.onError,
  });
}

export function usePublishSlot(slotId: string, events: MutationEvents<SlotView, void> = {}) {
  const saved = useSlotSaved();
  return useMutation({
    mutationFn: () => slotsApi.publish(slotId),
    onSuccess: (slot, variables) => {
      saved(slot);
      events.onSuccess?.(slot, variables);
    },
    onError: events.onError,
  });
}

/** Closes an open slot, or cancels a draft. */
export function useCloseSlot(slotId: string, events: MutationEvents<SlotView, void> = {}) {
  const saved = useSlotSaved();
  return useMutation({
    mutationFn: () => slotsApi.close(slotId),
    onSuccess: (slot, variables) => {
      saved(slot);
      events.onSuccess?.(slot, variables);
    },
    onError: events.onError,
  });
}
