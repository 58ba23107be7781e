import { CheckOutlined, SettingOutlined } from '@ant-design/icons';
import type { NotificationView } from '@skillbridge/contracts';
import { subjectLink } from '@skillbridge/domain';
import { App, Badge, Button, Card, Empty, Segmented, Select, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useInbox, useMarkAllRead, useMarkRead, useNotificationPreferences } from '../../api/notifications.hooks';
import { useMe } from '../../auth/session';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { eventKindLabel, formatDateTime } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';

dayjs.extend(relativeTime);

const LIMIT = 20;

/**
 * 消息通知: the inbox, newest first, in the reader's language; unread entries in bold; each opens its subject;
 * filtered by unread and by kind (the filters live in the address); mark one or all read.
 */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { role } = useMe();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const pager = useCursorPager();
  const [params, setParams] = useSearchParams();
  const filter: 'all' | 'unread' = params.get('unread') === '1' ? 'unread' : 'all';
  const kind = params.get('kind') ?? undefined;
  const kinds = useNotificationPreferences().data?.map((p) => p.kind) ?? [];
  const query = { cursor: pager.cursor, limit: LIMIT, unread: filter === 'unread', kind };
  const inbox = useInbox(query);
  const refused = (error: Error) => void message.error(problemText(error));
  const markRead = useMarkRead({ onError: refused });
  const markAll = useMarkAllRead({ onSuccess: () => void message.success(t('notifications.allRead')), onError: refused });
  const setFilter = (name: 'unread' | 'kind', value: string | undefined) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
    pager.reset();
  };
  const opened = (entry: NotificationView) => {
    if (!entry.readAt) markRead.mutate(entry.id);
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
        <Space style={{ marginBottom: 8 }} size="middle" wrap>
          <Segmented<'all' | 'unread'>
            value={filter}
            onChange={(value) => setFilter('unread', value === 'unread' ? '1' : undefined)}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'unread', label: t('notifications.unreadOnly') },
            ]}
            data-testid="inbox-unread-filter"
          />
          <Select<string>
            allowClear
            value={kind}
            onChange={(value) => setFilter('kind', value)}
            placeholder={t('inbox.everyKind')}
            aria-label={t('inbox.kindFilter')}
            options={kinds.map((k) => ({ value: k, label: eventKindLabel(t, k) }))}
            popupMatchSelectWidth={false}
            style={{ minWidth: 160 }}
            data-testid="inbox-kind-filter"
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
            description={filter === 'unread' && !kind ? t('notifications.noneUnread') : t('notifications.empty')}
          />
        ) : (
          <ul className="sb-inbox" data-testid="inbox">
            {inbox.data?.items.map((entry) => {
              const isUnread = !entry.readAt;
              const link = subjectLink(entry, role);
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
                      {link ? (
                        <Link to={link} onClick={() => opened(entry)} className="sb-notification-title" data-testid="notification-title">
                          {entry.title}
                        </Link>
                      ) : (
                        <Typography.Text className="sb-notification-title" data-testid="notification-title">
                          {entry.title}
                        </Typography.Text>
                      )}
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
