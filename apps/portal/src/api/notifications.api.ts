import type { Channel, DeadLetterView, NotificationMode, NotificationPreferenceView, NotificationView, Page } from '@skillbridge/contracts';
import { api } from './client';

export interface InboxQuery {
  cursor?: string;
  limit?: number;
  unread?: boolean;
}

export type Inbox = Page<NotificationView> & { unread: number };

export interface PreferenceChoice {
  kind: string;
  channels: Channel[];
  mode: NotificationMode;
}

/** The inbox, channel preferences, and (platform admins) the dead deliveries. */
export const notificationsApi = {
  inbox: (query: InboxQuery) => api.get<Inbox>('/notifications', { ...query, unread: query.unread ? 'true' : undefined }),
  unreadCount: () => api.get<{ unread: number }>('/notifications/unread-count'),
  markRead: (id: string) => api.post<void>(`/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => api.post<void>('/notifications/read-all'),
  preferences: () => api.get<NotificationPreferenceView[]>('/me/notification-preferences'),
  setPreferences: (preferences: PreferenceChoice[]) =>
    api.put<NotificationPreferenceView[]>('/me/notification-preferences', { preferences }),
  deadLetters: () => api.get<DeadLetterView[]>('/admin/dead-letters'),
  retryDeadLetter: (id: string) => api.post<void>(`/admin/dead-letters/${encodeURIComponent(id)}/retry`),
};
