import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useUnreadCount } from '../api/notifications.hooks';

/** The header's bell: the unread count, polled and refreshed when the window regains focus; opens the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const count = useUnreadCount();

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
