import { CheckOutlined, SettingOutlined } from '@ant-design/icons';
import type { NotificationView, Role } from '@skillbridge/contracts';
import { App, Badge, Button, Card, Empty, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useInbox, useMarkAllRead, useMarkRead } from '../../api/notifications.hooks';
import { useMe } from '../../auth/session';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { eventKindLabel, formatDateTime } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';

dayjs.extend(relativeTime);

const LIMIT = 20;

/** Where an entry leads, for the reader's role: the page that shows what it is about. */
export function pageOf(kind: string, role: Role): string | null {
  if (kind.startsWith('application.')) {
    if (role === 'student') return '/applications';
    if (role === 'school_admin') return '/approvals';
    if (role === 'enterprise_admin') return '/slots';
  }
  if (kind.startsWith('placement.') && (role === 'student' || role === 'enterprise_admin')) return '/placements';
  if (kind.startsWith('slot.') && role === 'enterprise_admin') return '/slots';
  return null;
}

/** 消息通知: the inbox, newest first; unread entries in bold; mark one or all read. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { role } = useMe();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const pager = useCursorPager();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const query = { cursor: pager.cursor, limit: LIMIT, unread: filter === 'unread' };
  const inbox = useInbox(query);
  const refused = (error: Error) => void message.error(problemText(error));
  const markRead = useMarkRead({ onError: refused });
  const markAll = useMarkAllRead({ onSuccess: () => void message.success(t('notifications.allRead')), onError: refused });

  const open = (entry: NotificationView) => {
    if (!entry.readAt) markRead.mutate(entry.id);
    const target = pageOf(entry.kind, role);
    if (target) navigate(target);
  };
  const unread = inbox.data?.unread ?? 0;

  return (
    <div data-testid="notifications-page">
      <PageTitle
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle')}
        extra={
          <>
            <Button icon={<SettingOutlined />} onClick={() => navigate('/notification-settings')}>
              {t('menu.notificationSettings')}
            </Button>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={unread === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
              data-testid="mark-all-read"
            >
              {t('notifications.markAllRead')}
            </Button>
          </>
        }
      />
      <Card>
        <Space style={{ marginBottom: 8 }} size="middle">
          <Segmented<'all' | 'unread'>
            value={filter}
            onChange={(value) => {
              setFilter(value);
              pager.reset();
            }}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'unread', label: t('notifications.unreadOnly') },
            ]}
          />
          <Typography.Text type="secondary" data-testid="inbox-unread">
            {t('notifications.unreadCount', { n: unread })}
          </Typography.Text>
        </Space>
        {inbox.error && <ProblemAlert error={inbox.error} />}
        {inbox.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (inbox.data?.items.length ?? 0) === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={filter === 'unread' ? t('notifications.noneUnread') : t('notifications.empty')}
          />
        ) : (
          <ul className="sb-inbox" data-testid="inbox">
            {inbox.data?.items.map((entry) => {
              const isUnread = !entry.readAt;
              return (
                <li
                  key={entry.id}
                  className={isUnread ? 'sb-notification sb-unread' : 'sb-notification'}
                  data-testid="notification"
                  data-kind={entry.kind}
                  data-unread={isUnread}
                >
                  <Badge status={isUnread ? 'processing' : 'default'} className="sb-notification-dot" />
                  <div className="sb-notification-main">
                    <Space size={8} wrap>
                      <a onClick={() => open(entry)} className="sb-notification-title" data-testid="notification-title">
                        {entry.title}
                      </a>
                      <Tag>{eventKindLabel(t, entry.kind)}</Tag>
                    </Space>
                    <div className="sb-notification-body">{entry.body}</div>
                    <Typography.Text type="secondary" title={formatDateTime(entry.createdAt)} style={{ fontSize: 12 }}>
                      {dayjs(entry.createdAt).fromNow()} · {formatDateTime(entry.createdAt)}
                    </Typography.Text>
                  </div>
                  <div className="sb-notification-action">
                    {isUnread ? (
                      <Button size="small" type="link" onClick={() => markRead.mutate(entry.id)} data-testid="mark-read">
                        {t('notifications.markRead')}
                      </Button>
                    ) : (
                      <Typography.Text type="secondary">{t('notifications.read')}</Typography.Text>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        <CursorPager pager={pager} nextCursor={inbox.data?.nextCursor} loading={inbox.isFetching} />
      </Card>
    </div>
  );
}
