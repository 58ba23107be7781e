import type { CreateMatchRoundRequest, MatchApplicantsView, MatchRoundView, SecondRoundRequest } from '@skillbridge/contracts';
import type { MatchRoundMove } from '@skillbridge/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { MutationEvents } from './mutation-events';
import { roundsApi } from './rounds.api';

/** TanStack Query keys of match rounds, all under `rounds`. */
export const roundKeys = {
  all: ['rounds'] as const,
  list: ['rounds', 'list'] as const,
  one: (id: string) => ['rounds', 'one', id] as const,
  applicants: (id: string, slotId: string) => ['rounds', 'applicants', id, slotId] as const,
  // A new run or the publishing is a new result: its pages are not those of the last one.
  result: (round: Pick<MatchRoundView, 'id' | 'lastRunId' | 'status'>, offset: number, limit: number) =>
    ['rounds', 'result', round.id, offset, limit, round.lastRunId, round.status] as const,
  openSlots: (q: string | undefined) => ['rounds', 'open-slots', { q }] as const,
};

/** How often a round is asked for while the worker runs it, until the draft result is there. */
const RUNNING_POLL_MS = 1000;

export function useRounds() {
  return useQuery({ queryKey: roundKeys.list, queryFn: roundsApi.list });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: roundKeys.one(id),
    queryFn: () => roundsApi.get(id),
    // Asked again while the worker runs it, or drafts the agreements of its published result (issue 18).
    refetchInterval: (query) => {
      const round = query.state.data;
      return round?.running || (round?.agreementDrafting && !round.agreementDrafting.done) ? RUNNING_POLL_MS : false;
    },
  });
}

/** A page of the latest run's lines; not asked for while a run is under way. */
export function useRoundResult(round: MatchRoundView, offset: number, limit: number) {
  return useQuery({
    queryKey: roundKeys.result(round, offset, limit),
    queryFn: () => roundsApi.result(round.id, offset, limit),
    enabled: !round.running,
    placeholderData: keepPreviousData,
  });
}

/** The students who listed one of the enterprise's slots, its ranking and the automatic order. */
export function useRoundApplicants(roundId: string, slotId: string) {
  return useQuery({ queryKey: roundKeys.applicants(roundId, slotId), queryFn: () => roundsApi.applicants(roundId, slotId) });
}

/** Open slots the owner may put in a new round, by words. */
export function useOpenSlotsForRound(q: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: roundKeys.openSlots(q),
    queryFn: () => roundsApi.openSlots({ q }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The round as answered, shown at once. A publish answers without the slot list (thousands): the one shown stays until the refetch. */
function showRound(queryClient: QueryClient, updated: MatchRoundView): void {
  queryClient.setQueryData<MatchRoundView>(roundKeys.one(updated.id), (shown) => ({ ...updated, slots: updated.slots ?? shown?.slots }));
}

/** The owner's moves: open, close, run, publish, cancel. */
export function useMoveRound(roundId: string, events: MutationEvents<MatchRoundView, MatchRoundMove> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (move: MatchRoundMove) => roundsApi.move(roundId, move),
    onSuccess: (updated, move) => {
      showRound(queryClient, updated);
      void queryClient.invalidateQueries({ queryKey: roundKeys.all });
      events.onSuccess?.(updated, move);
    },
    onError: events.onError,
  });
}

/** A new round over chosen slots; the list of rounds changes. */
export function useCreateRound(events: MutationEvents<MatchRoundView, CreateMatchRoundRequest> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMatchRoundRequest) => roundsApi.create(body),
    onSuccess: (created, body) => {
      void queryClient.invalidateQueries({ queryKey: roundKeys.all });
      events.onSuccess?.(created, body);
    },
    onError: events.onError,
  });
}

/** A second round over the seats and students a published round left. */
export function useCreateSecondRound(roundId: string, events: MutationEvents<MatchRoundView, SecondRoundRequest> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecondRoundRequest) => roundsApi.secondRound(roundId, body),
    onSuccess: (created, body) => {
      void queryClient.invalidateQueries({ queryKey: roundKeys.all });
      events.onSuccess?.(created, body);
    },
    onError: events.onError,
  });
}

/** A student's rank-order list, most preferred first. */
export function useSavePreferences(roundId: string, events: MutationEvents<MatchRoundView, string[]> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slotIds: string[]) => roundsApi.preferences(roundId, slotIds),
    onSuccess: (updated, slotIds) => {
      showRound(queryClient, updated);
      events.onSuccess?.(updated, slotIds);
    },
    onError: events.onError,
  });
}

/** A slot's ranking as answered, shown at once; the round's slot list says which slots are ranked by hand. */
function useSlotRanked(roundId: string, slotId: string) {
  const queryClient = useQueryClient();
  return (view: MatchApplicantsView) => {
    queryClient.setQueryData(roundKeys.applicants(roundId, slotId), view);
    void queryClient.invalidateQueries({ queryKey: roundKeys.one(roundId) });
  };
}

/** An enterprise's ranking of its slot: student ids, best first. */
export function useRankSlot(roundId: string, slotId: string, events: MutationEvents<MatchApplicantsView, string[]> = {}) {
  const ranked = useSlotRanked(roundId, slotId);
  return useMutation({
    mutationFn: (studentIds: string[]) => roundsApi.rank(roundId, slotId, studentIds),
    onSuccess: (view, studentIds) => {
      ranked(view);
      events.onSuccess?.(view, studentIds);
    },
    onError: events.onError,
  });
}

/** The slot goes back to the automatic order (wanted major, wanted skills, the round's lottery). */
export function useRankSlotAutomatically(roundId: string, slotId: string, events: MutationEvents<MatchApplicantsView, void> = {}) {
  const ranked = useSlotRanked(roundId, slotId);
  return useMutation({
    mutationFn: () => roundsApi.automatic(roundId, slotId),
    onSuccess: (view, variables) => {
      ranked(view);
      events.onSuccess?.(view, variables);
    },
    onError: events.onError,
  });
}
