import type { Locale, NotificationLanguageView, NotificationPreferenceView } from '@skillbridge/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MutationEvents } from './mutation-events';
import { notificationsApi, type InboxQuery, type PreferenceChoice } from './notifications.api';

/** Polling interval of the inbox and its unread count: the worker delivers entries a moment after each action. */
export const UNREAD_POLL_MS = 30_000;

/** TanStack Query keys of the inbox, the channel preferences and the dead deliveries. */
export const notificationKeys = {
  all: ['notifications'] as const,
  inboxes: ['notifications', 'inbox'] as const,
  inbox: (query: InboxQuery, lang: string) => ['notifications', 'inbox', query, lang] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
  preferences: ['notification-preferences'] as const,
  language: ['notification-language'] as const,
  deadLetters: ['dead-letters'] as const,
};

/** The unread count, polled and asked again when the window regains focus; not asked while `enabled` is false. */
export function useUnreadCount(enabled = true): number {
  const queryClient = useQueryClient();
  const unread = useQuery({
    enabled,
    queryKey: notificationKeys.unreadCount,
    queryFn: notificationsApi.unreadCount,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
  const count = unread.data?.unread ?? 0;
  // New entries arrived: the inbox list shown anywhere is out of date.
  const previous = useRef(count);
  useEffect(() => {
    if (count > previous.current) void queryClient.invalidateQueries({ queryKey: notificationKeys.inboxes });
    previous.current = count;
  }, [count, queryClient]);
  return count;
}

/**
 * A page of the inbox, newest first, polled like the unread count; in the portal's language (part of the
 * key: switching language asks again, and the entries read in the new one).
 */
export function useInbox(query: InboxQuery) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return useQuery({
    queryKey: notificationKeys.inbox(query, lang),
    queryFn: () => notificationsApi.inbox(query, lang),
    placeholderData: keepPreviousData,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

/** Reading entries changes the inbox and its unread count. */
function useRefreshInbox() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

export function useMarkRead(events: MutationEvents<void, string> = {}) {
  const refresh = useRefreshInbox();
  return useMutation({
    mutationFn: (id: string) => notificationsApi.markRead(id),
    onSuccess: (done, id) => {
      refresh();
      events.onSuccess?.(done, id);
    },
    onError: events.onError,
  });
}

export function useMarkAllRead(events: MutationEvents<void, void> = {}) {
  const refresh = useRefreshInbox();
  return useMutation({
    mutationFn: () => notificationsApi.markAllRead(),
    onSuccess: (done, variables) => {
      refresh();
      events.onSuccess?.(done, variables);
    },
    onError: events.onError,
  });
}

export function useNotificationPreferences() {
  return useQuery({ queryKey: notificationKeys.preferences, queryFn: notificationsApi.preferences });
}

/** Saves the changed choices; the answer is every kind's preference, shown as it is. */
export function useSavePreferences(events: MutationEvents<NotificationPreferenceView[], PreferenceChoice[]> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choices: PreferenceChoice[]) => notificationsApi.setPreferences(choices),
    onSuccess: (saved, choices) => {
      queryClient.setQueryData(notificationKeys.preferences, saved);
      events.onSuccess?.(saved, choices);
    },
    onError: events.onError,
  });
}

/** The language the person's e-mails are written in. */
export function useNotificationLanguage() {
  return useQuery({ queryKey: notificationKeys.language, queryFn: notificationsApi.language });
}

export function useSetNotificationLanguage(events: MutationEvents<NotificationLanguageView, Locale> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => notificationsApi.setLanguage(locale),
    onSuccess: (saved, locale) => {
      queryClient.setQueryData(notificationKeys.language, saved);
      events.onSuccess?.(saved, locale);
    },
    onError: events.onError,
  });
}

export function useDeadLetters() {
  return useQuery({ queryKey: notificationKeys.deadLetters, queryFn: notificationsApi.deadLetters });
}

/** Retries a dead delivery; either way the list is asked again (another admin may have retried it). */
export function useRetryDeadLetter(events: MutationEvents<void, string> = {}) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.deadLetters });
  return useMutation({
    mutationFn: (id: string) => notificationsApi.retryDeadLetter(id),
    onSuccess: (done, id) => {
      events.onSuccess?.(done, id);
      refresh();
    },
    onError: (error, id) => {
      events.onError?.(error, id);
      refresh();
    },
  });
}
