import { BellOutlined } from '@ant-design/icons';
import type { NotificationView } from '@skillbridge/contracts';
import { subjectLink } from '@skillbridge/domain';
import { Badge, Button, Drawer, Empty, Popover, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useInbox, useMarkRead, useUnreadCount } from '../api/notifications.hooks';
import { useMe } from '../auth/session';
import { useAfterFirstPaint } from '../components/use-after-first-paint';
import { useIsPhone } from '../components/use-is-phone';

/** How many of the latest entries the bell shows. */
const LATEST = 5;

/**
 * The header's bell: the unread count (polled, and asked again when the window regains focus); pressed, the
 * latest few entries in the reader's language, each opening its subject, and the way to the whole inbox — in a
 * popover under the bell, or on a phone in a drawer the width of the screen.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  // The count is asked once the page has shown (and polled from then on), not beside the page's own requests.
  const count = useUnreadCount(useAfterFirstPaint());
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const bell = (
    <Badge count={count} overflowCount={99} size="small" offset={[-4, 4]} data-testid="unread-badge" data-count={count}>
      <Button
        type="text"
        shape="circle"
        icon={<BellOutlined style={{ fontSize: 18 }} />}
        aria-label={count > 0 ? `${t('notifications.title')} · ${t('notifications.unreadCount', { n: count })}` : t('notifications.title')}
        aria-expanded={open}
        data-testid="notification-bell"
        onClick={isPhone ? () => setOpen(true) : undefined}
      />
    </Badge>
  );
  if (isPhone) {
    return (
      <>
        {bell}
        <Drawer open={open} onClose={close} placement="right" size="100%" title={t('notifications.title')}>
          {open ? <LatestEntries close={close} /> : null}
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      title={t('notifications.title')}
      content={open ? <LatestEntries close={close} /> : null}
    >
      {bell}
    </Popover>
  );
}

function LatestEntries({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const { role } = useMe();
  const inbox = useInbox({ limit: LATEST });
  const markRead = useMarkRead();
  const opened = (entry: NotificationView) => {
    if (!entry.readAt) markRead.mutate(entry.id);
    close();
  };
  const items = inbox.data?.items ?? [];

  return (
    <div className="sb-bell-panel" data-testid="bell-panel">
      {inbox.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul className="sb-bell-list">
          {items.map((entry) => {
            const link = subjectLink(entry, role) ?? '/notifications';
            return (
              <li key={entry.id}>
                <Link
                  to={link}
                  onClick={() => opened(entry)}
                  className={entry.readAt ? 'sb-bell-entry' : 'sb-bell-entry sb-unread'}
                  data-testid="bell-entry"
                  data-kind={entry.kind}
                  data-unread={!entry.readAt}
                >
                  {entry.title}
                  <span className="sb-bell-entry-body">{entry.body}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 8 }}>
        <Link to="/notifications" onClick={close} data-testid="bell-all">
          {t('inbox.seeAll')}
        </Link>
        <Link to="/notification-settings" onClick={close}>
          <Typography.Text type="secondary">{t('menu.notificationSettings')}</Typography.Text>
        </Link>
      </div>
    </div>
  );
}
