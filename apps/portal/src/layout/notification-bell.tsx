import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { notificationsApi } from '../api/notifications.api';
import { queryKeys } from '../api/query-keys';

/** Polling interval of the unread count: the worker delivers inbox entries a moment after each action. */
export const UNREAD_POLL_MS = 30_000;

/** The header's bell: the unread count, polled and refreshed when the window regains focus; opens the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const unread = useQuery({
    queryKey: queryKeys.unreadCount,
    queryFn: notificationsApi.unreadCount,
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
  const count = unread.data?.unread ?? 0;

  // New entries arrived: the inbox list shown anywhere is out of date.
  const previous = useRef(count);
  useEffect(() => {
    if (count > previous.current) void queryClient.invalidateQueries({ queryKey: ['notifications', 'inbox'] });
    previous.current = count;
  }, [count, queryClient]);

  return (
    <Tooltip title={count > 0 ? t('notifications.unreadCount', { n: count }) : t('notifications.title')}>
      <Badge count={count} overflowCount={99} size="small" offset={[-4, 4]} data-testid="unread-badge" data-count={count}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('notifications.title')}
          onClick={() => navigate('/notifications')}
          data-testid="notification-bell"
        />
      </Badge>
    </Tooltip>
  );
}
