import type { ApplicationView, BulkApproveResult } from '@skillbridge/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { applicationsApi, type ListApplicationsQuery } from './applications.api';
import type { MutationEvents } from './mutation-events';
import { placementKeys } from './placements.hooks';
import { slotKeys } from './slots.hooks';

/** TanStack Query keys of applications, all under `applications`. */
export const applicationKeys = {
  all: ['applications'] as const,
  list: (query: ListApplicationsQuery) => ['applications', 'list', query] as const,
  awaitingApprovalCount: ['applications', 'awaiting-approval-count'] as const,
  mineForSlot: (slotId: string) => ['applications', 'slot', slotId] as const,
  filterOptions: ['applications', 'filter-options'] as const,
};

/** The school's badge counts up to this many applications awaiting its approval. */
const AWAITING_COUNTED = 100;
/** A student has at most a few applications to one slot (one live, the rest finished). */
const MINE_FOR_SLOT = 10;

/** A page of the asker's side's applications: an enterprise's applicants, a school's students'. */
export function useApplications(query: ListApplicationsQuery) {
  return useQuery({ queryKey: applicationKeys.list(query), queryFn: () => applicationsApi.list(query), placeholderData: keepPreviousData });
}

/** One application, read afresh (an enterprise's read of its applicant is logged in the access log). */
export function useApplication(id: string | null) {
  return useQuery({
    queryKey: ['applications', 'one', id] as const,
    queryFn: () => applicationsApi.get(id ?? ''),
    enabled: !!id,
  });
}

/** A page of the student's own applications; an offer or the school's approval may arrive while it is open. */
export function useMyApplications(query: ListApplicationsQuery) {
  return useQuery({
    queryKey: applicationKeys.list(query),
    queryFn: () => applicationsApi.list(query),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

/** How many applications of the school's students wait for its approval (up to 100). */
export function useAwaitingApprovalCount() {
  return useQuery({
    queryKey: applicationKeys.awaitingApprovalCount,
    queryFn: () => applicationsApi.list({ awaitingApproval: true, limit: AWAITING_COUNTED }),
    select: (page) => page.items.length,
  });
}

/** How many of the student's applications mark the slots they appear on (a student has a few; the API's page is at most 200). */
const MARKED = 200;

/**
 * The slots the student has applied to, each with the latest status of an application to it: search
 * results and recommendations mark them. The newest application of a slot wins (the list is newest first).
 */
export function useMyAppliedSlots(enabled = true) {
  return useQuery({
    queryKey: applicationKeys.list({ limit: MARKED }),
    queryFn: () => applicationsApi.list({ limit: MARKED }),
    enabled,
    select: (page) => {
      const bySlot = new Map<string, ApplicationView['status']>();
      for (const application of page.items) if (!bySlot.has(application.slot.id)) bySlot.set(application.slot.id, application.status);
      return bySlot;
    },
  });
}

/** The student's applications to one slot, to tell whether one is live. */
export function useMyApplicationsToSlot(slotId: string) {
  return useQuery({ queryKey: applicationKeys.mineForSlot(slotId), queryFn: () => applicationsApi.list({ slotId, limit: MINE_FOR_SLOT }) });
}

/** What a move of an application can change: the applications, the slots' seats taken, the placements. */
function useRefreshAfterMove() {
  const queryClient = useQueryClient();
  return () =>
    [applicationKeys.all, slotKeys.all, placementKeys.all].forEach((queryKey) => void queryClient.invalidateQueries({ queryKey }));
}

/**
 * A move by the student or the enterprise. When it is refused, someone else may have moved the
 * application meanwhile: the lists are asked again, to show it as it is now beside the refusal.
 */
function useApplicationMove<TVariables>(
  move: (variables: TVariables) => Promise<ApplicationView>,
  events: MutationEvents<ApplicationView, TVariables>,
) {
  const queryClient = useQueryClient();
  const refresh = useRefreshAfterMove();
  return useMutation({
    mutationFn: move,
    onSuccess: (application, variables) => {
      refresh();
      events.onSuccess?.(application, variables);
    },
    onError: (error, variables) => {
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      events.onError?.(error, variables);
    },
  });
}

// ——— the student ———

export interface NewApplication {
  slotId: string;
  motivation?: string;
}

export function useApply(events: MutationEvents<ApplicationView, NewApplication> = {}) {
  const refresh = useRefreshAfterMove();
  return useMutation({
    mutationFn: ({ slotId, motivation }: NewApplication) => applicationsApi.apply(slotId, motivation),
    onSuccess: (application, variables) => {
      refresh();
      events.onSuccess?.(application, variables);
    },
    onError: events.onError,
  });
}

/** Takes a seat of the slot: a placement follows. */
export function useAcceptOffer(events: MutationEvents<ApplicationView, string> = {}) {
  return useApplicationMove((id: string) => applicationsApi.accept(id), events);
}

export function useDeclineOffer(events: MutationEvents<ApplicationView, string> = {}) {
  return useApplicationMove((id: string) => applicationsApi.decline(id), events);
}

export function useWithdrawApplication(events: MutationEvents<ApplicationView, string> = {}) {
  return useApplicationMove((id: string) => applicationsApi.withdraw(id), events);
}

// ——— the slot's enterprise ———

export interface Offer {
  id: string;
  /** The last day the student may answer (YYYY-MM-DD). */
  respondBy: string;
}

export function useShortlistApplication(events: MutationEvents<ApplicationView, string> = {}) {
  return useApplicationMove((id: string) => applicationsApi.shortlist(id), events);
}

export function useOfferApplication(events: MutationEvents<ApplicationView, Offer> = {}) {
  return useApplicationMove(({ id, respondBy }: Offer) => applicationsApi.offer(id, respondBy), events);
}

export function useRejectApplication(events: MutationEvents<ApplicationView, string> = {}) {
  return useApplicationMove((id: string) => applicationsApi.reject(id), events);
}

// ——— the student's school ———

export interface Approval {
  id: string;
  /** A guardian's consent for a student under 18, recorded with the approval or after it. */
  guardianConsent: boolean;
}

export function useApproveApplication(events: MutationEvents<ApplicationView, Approval> = {}) {
  const refresh = useRefreshAfterMove();
  return useMutation({
    mutationFn: ({ id, guardianConsent }: Approval) => applicationsApi.approve(id, guardianConsent),
    onSuccess: (application, approval) => {
      refresh();
      events.onSuccess?.(application, approval);
    },
    onError: events.onError,
  });
}

/** Approves many at once; the lists are asked again whatever the outcome (some may have moved meanwhile). */
export function useApproveApplications(events: MutationEvents<BulkApproveResult, string[]> = {}) {
  const queryClient = useQueryClient();
  const refresh = useRefreshAfterMove();
  return useMutation({
    mutationFn: (ids: string[]) => applicationsApi.approveMany(ids),
    onSuccess: (result, ids) => {
      refresh();
      events.onSuccess?.(result, ids);
    },
    onError: (error, ids) => {
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      events.onError?.(error, ids);
    },
  });
}

export interface SendBack {
  id: string;
  reason: string;
}

/** Sends an application back to the student with the school's reason; the student and the enterprise are told. */
export function useSendBackApplication(events: MutationEvents<ApplicationView, SendBack> = {}) {
  return useApplicationMove(({ id, reason }: SendBack) => applicationsApi.sendBack(id, reason), events);
}

/** What the school's applications can be filtered by. */
export function useApplicationFilterOptions() {
  return useQuery({ queryKey: applicationKeys.filterOptions, queryFn: () => applicationsApi.filterOptions(), staleTime: 60_000 });
}
