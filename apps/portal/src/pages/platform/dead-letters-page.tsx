import { ReloadOutlined, RedoOutlined } from '@ant-design/icons';
import type { DeadLetterView } from '@skillbridge/contracts';
import { App, Button, Card, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeadLetters, useRetryDeadLetter } from '../../api/notifications.hooks';
import { channelLabel, eventKindLabel, formatDateTime } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';
import { ResponsiveTable } from '../../components/responsive-table';

/** 投递失败: deliveries that failed every attempt (an SMTP server down, a webhook refusing), each retried by hand. */
export default function DeadLettersPage() {
  const { t } = useTranslation();
  const deadLetters = useDeadLetters();
  return (
    <div data-testid="dead-letters-page">
      <PageTitle
        title={t('deadLetters.title')}
        subtitle={t('deadLetters.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void deadLetters.refetch()} loading={deadLetters.isFetching}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card>
        {deadLetters.error && <ProblemAlert error={deadLetters.error} />}
        <ResponsiveTable<DeadLetterView>
          data-testid="dead-letters-table"
          rowKey="id"
          size="middle"
          loading={deadLetters.isPending}
          dataSource={deadLetters.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('deadLetters.empty') }}
          columns={[
            { key: 'kind', title: t('deadLetters.kind'), width: 180, render: (_, d) => eventKindLabel(t, d.kind) },
            { key: 'channel', title: t('deadLetters.channel'), width: 100, render: (_, d) => <Tag>{channelLabel(t, d.channel)}</Tag> },
            { key: 'user', title: t('deadLetters.user'), width: 220, render: (_, d) => d.userEmail },
            { key: 'attempts', title: t('deadLetters.attempts'), width: 90, align: 'right', dataIndex: 'attempts' },
            {
              key: 'error',
              title: t('deadLetters.lastError'),
              ellipsis: { showTitle: false },
              render: (_, d) =>
                d.lastError ? (
                  <Tooltip title={d.lastError} placement="topLeft">
                    <Typography.Text type="danger" code>
                      {d.lastError}
                    </Typography.Text>
                  </Tooltip>
                ) : (
                  '—'
                ),
            },
            { key: 'updatedAt', title: t('deadLetters.updatedAt'), width: 150, render: (_, d) => formatDateTime(d.updatedAt) },
            { key: 'actions', title: t('common.actions'), width: 100, fixed: 'right', render: (_, d) => <RetryButton deadLetter={d} /> },
          ]}
        />
      </Card>
    </div>
  );
}

function RetryButton({ deadLetter }: { deadLetter: DeadLetterView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const retry = useRetryDeadLetter({
    onSuccess: () => void message.success(t('deadLetters.retried', { email: deadLetter.userEmail })),
    onError: (error) => void message.error(problemText(error)),
  });
  return (
    <Button
      size="small"
      icon={<RedoOutlined />}
      loading={retry.isPending}
      onClick={() => retry.mutate(deadLetter.id)}
      data-testid="retry-dead-letter"
    >
      {t('deadLetters.retry')}
    </Button>
  );
}
