import type { BookingView } from '@skillbridge/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MutationEvents } from './mutation-events';
import { practiceApi, type BookingsQuery, type CompleteBookingRequest, type PracticeSlotsQuery } from './practice.api';
import { slotKeys } from './slots.hooks';

/** TanStack Query keys of teacher practice, all under `practice` so that one invalidation refreshes every view of it. */
export const practiceKeys = {
  all: ['practice'] as const,
  slots: (query: PracticeSlotsQuery) => ['practice', 'slots', query] as const,
  slot: (id: string) => ['practice', 'slot', id] as const,
  calendar: (slotId: string, from: string, to: string) => ['practice', 'calendar', slotId, from, to] as const,
  bookings: (query: BookingsQuery) => ['practice', 'bookings', query] as const,
  myCompliance: (year: number) => ['practice', 'compliance', 'me', year] as const,
  schoolCompliance: (schoolId: string, year: number) => ['practice', 'compliance', 'school', schoolId, year] as const,
  schoolsCompliance: (year: number) => ['practice', 'compliance', 'schools', year] as const,
};

export function usePracticeSlots(query: PracticeSlotsQuery) {
  return useQuery({ queryKey: practiceKeys.slots(query), queryFn: () => practiceApi.slots(query), placeholderData: keepPreviousData });
}

/** One practice slot, when it is not on the page of slots shown (a link, a reload). */
export function usePracticeSlot(id: string | null, enabled: boolean) {
  return useQuery({ queryKey: practiceKeys.slot(id ?? ''), queryFn: () => practiceApi.slot(id ?? ''), enabled: !!id && enabled });
}

/** Teachers booked and free places per day of a slot, `from`–`to` inclusive. */
export function usePracticeCalendar(slotId: string, from: string, to: string) {
  return useQuery({
    queryKey: practiceKeys.calendar(slotId, from, to),
    queryFn: () => practiceApi.calendar(slotId, from, to),
    placeholderData: keepPreviousData,
  });
}

/** The asker's bookings: a teacher's own, an enterprise's, a school's teachers'. */
export function useBookings() {
  return useQuery({ queryKey: practiceKeys.bookings({}), queryFn: () => practiceApi.bookings() });
}

export function useMyCompliance(year: number) {
  return useQuery({ queryKey: practiceKeys.myCompliance(year), queryFn: () => practiceApi.myCompliance(year) });
}

export function useSchoolCompliance(schoolId: string, year: number) {
  return useQuery({
    queryKey: practiceKeys.schoolCompliance(schoolId, year),
    queryFn: () => practiceApi.schoolCompliance(schoolId, year),
    enabled: !!schoolId,
    placeholderData: keepPreviousData,
  });
}

/** Every school's summary (EDU officers, the platform admin). */
export function useSchoolsCompliance(year: number) {
  return useQuery({
    queryKey: practiceKeys.schoolsCompliance(year),
    queryFn: () => practiceApi.schoolsCompliance(year),
    placeholderData: keepPreviousData,
  });
}

/** A booking's move changes bookings, calendars and compliance alike: every view of practice is asked again. */
function usePracticeMove<TVariables>(
  move: (variables: TVariables) => Promise<BookingView>,
  events: MutationEvents<BookingView, TVariables>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: move,
    onSuccess: (booking, variables) => {
      void queryClient.invalidateQueries({ queryKey: practiceKeys.all });
      events.onSuccess?.(booking, variables);
    },
    onError: events.onError,
  });
}

export interface BookingRange {
  startDate: string;
  endDate: string;
}

/** Books a month of a slot; the marketplace's slot lists (their `taken` counts) change too. */
export function useBookPractice(slotId: string, events: MutationEvents<BookingView, BookingRange> = {}) {
  const queryClient = useQueryClient();
  return usePracticeMove((range: BookingRange) => practiceApi.book(slotId, range), {
    ...events,
    onSuccess: (booking, range) => {
      void queryClient.invalidateQueries({ queryKey: slotKeys.all });
      events.onSuccess?.(booking, range);
    },
  });
}

/** The enterprise confirms a teacher's booking. */
export function useConfirmBooking(events: MutationEvents<BookingView, string> = {}) {
  return usePracticeMove((id: string) => practiceApi.confirm(id), events);
}

/** The teacher cancels before the practice starts; its days are freed. */
export function useCancelBooking(events: MutationEvents<BookingView, string> = {}) {
  return usePracticeMove((id: string) => practiceApi.cancel(id), events);
}

export interface BookingCompletion {
  id: string;
  body: CompleteBookingRequest;
}

/** The enterprise records the days served, once the practice has begun. */
export function useCompleteBooking(events: MutationEvents<BookingView, BookingCompletion> = {}) {
  return usePracticeMove(({ id, body }: BookingCompletion) => practiceApi.complete(id, body), events);
}
