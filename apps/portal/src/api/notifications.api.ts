import type {
  Channel,
  DeadLetterView,
  Locale,
  NotificationLanguageView,
  NotificationMode,
  NotificationPreferenceView,
  NotificationView,
  Page,
} from '@skillbridge/contracts';
import { api } from './client';

export interface InboxQuery {
  cursor?: string;
  limit?: number;
  unread?: boolean;
  /** Only entries of this event kind. */
  kind?: string;
}

export type Inbox = Page<NotificationView> & { unread: number };

export interface PreferenceChoice {
  kind: string;
  channels: Channel[];
  mode: NotificationMode;
}

/** The inbox, channel preferences, and (platform admins) the dead deliveries. */
export const notificationsApi = {
  /** Rendered by the API in `lang`: the entries keep their facts, so a change of language changes them. */
  inbox: (query: InboxQuery, lang: string) =>
    api.get<Inbox>('/notifications', { ...query, unread: query.unread ? 'true' : undefined, lang }),
  unreadCount: () => api.get<{ unread: number }>('/notifications/unread-count'),
  markRead: (id: string) => api.post<void>(`/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<void>('/notifications/read-all'),
  preferences: () => api.get<NotificationPreferenceView[]>('/me/notification-preferences'),
  setPreferences: (preferences: PreferenceChoice[]) =>
    api.put<NotificationPreferenceView[]>('/me/notification-preferences', { preferences }),
  language: () => api.get<NotificationLanguageView>('/me/notification-language'),
  setLanguage: (locale: Locale) => api.put<NotificationLanguageView>('/me/notification-language', { locale }),
  deadLetters: () => api.get<DeadLetterView[]>('/admin/dead-letters'),
  retryDeadLetter: (id: string) => api.post<void>(`/admin/dead-letters/${encodeURIComponent(id)}/retry`),
};
