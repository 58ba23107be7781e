import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import type { ApplicationStatus, ApplicationView } from '@skillbridge/contracts';
import { canMoveApplication, type ApplicationMove } from '@skillbridge/domain';
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAcceptOffer, useDeclineOffer, useMyApplications, useWithdrawApplication } from '../../api/applications.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { PageTitle } from '../../components/page-title';
import { ApplicationStatusFilter } from '../../components/application-status-filter';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';
import { ApplicationStatusCell, DayOf, SlotTypeTag } from '../../components/status-tags';
import { SchoolApprovalTag } from '../enterprise/applicants-table';
import { ResponsiveTable } from '../../components/responsive-table';
import { formatDateRange } from '../../components/figures';

const LIMIT = 20;
/** 我的申请: the student's applications, and the answers to an offer (accept, decline) or a withdrawal. */
export default function MyApplicationsPage() {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [status, setStatus] = useState<ApplicationStatus | 'all'>('all');
  const query = { cursor: pager.cursor, limit: LIMIT, status: status === 'all' ? undefined : status };
  const applications = useMyApplications(query);

  return (
    <div data-testid="my-applications-page">
      <PageTitle title={t('myApplications.title')} subtitle={t('myApplications.subtitle')} />
      <Card>
        <ApplicationStatusFilter
          value={status}
          onChange={(value) => {
            setStatus(value);
            pager.reset();
          }}
        />
        {applications.error && <ProblemAlert error={applications.error} />}
        <ResponsiveTable<ApplicationView>
          data-testid="my-applications-table"
          rowKey="id"
          size="middle"
          loading={applications.isFetching}
          dataSource={applications.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('myApplications.empty') }}
          columns={[
            {
              key: 'slot',
              title: t('placements.slot'),
              render: (_, a) => (
                <Space orientation="vertical" size={2}>
                  <Typography.Text strong>{a.slot.title}</Typography.Text>
                  <Space size={4}>
                    <SlotTypeTag type={a.slot.type} />
                    <Typography.Text type="secondary">{a.slot.enterpriseName}</Typography.Text>
                  </Space>
                </Space>
              ),
            },
            {
              key: 'period',
              title: t('slot.period'),
              width: 200,
              render: (_, a) => <span className="sb-nowrap">{formatDateRange(t, a.slot.startDate, a.slot.endDate)}</span>,
            },
            { key: 'status', title: t('applications.status'), width: 150, render: (_, a) => <ApplicationStatusCell application={a} /> },
            { key: 'school', title: t('applications.schoolApproval'), width: 120, render: (_, a) => <SchoolApprovalTag application={a} /> },
            { key: 'createdAt', title: t('applications.appliedAt'), width: 110, render: (_, a) => <DayOf iso={a.createdAt} /> },
            { key: 'actions', title: t('common.actions'), width: 230, fixed: 'right', render: (_, a) => <StudentMoves application={a} /> },
          ]}
        />
        <CursorPager pager={pager} nextCursor={applications.data?.nextCursor} loading={applications.isFetching} />
      </Card>
    </div>
  );
}

type StudentMove = Extract<ApplicationMove, 'accept' | 'decline' | 'withdraw'>;

function StudentMoves({ application }: { application: ApplicationView }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const problemText = useProblemText();
  const told = (kind: StudentMove) => ({
    onSuccess: (saved: ApplicationView) => void message.success(t(`myApplications.done.${kind}`, { title: saved.slot.title })),
    // A refusal of an accept (the slot is full, the school has not approved…) deserves more than a toast.
    onError: (error: Error) =>
      void modal.error({ title: t('myApplications.refused'), content: <span data-testid="move-error">{problemText(error)}</span> }),
  });
  const moves = {
    accept: useAcceptOffer(told('accept')),
    decline: useDeclineOffer(told('decline')),
    withdraw: useWithdrawApplication(told('withdraw')),
  };
  const { status } = application;
  const pending = (kind: StudentMove) => moves[kind].isPending;
  const confirm = (kind: StudentMove, danger = false) => ({
    title: t(`myApplications.${kind}ConfirmTitle`),
    description: t(`myApplications.${kind}Confirm`, { title: application.slot.title, enterprise: application.slot.enterpriseName }),
    okText: t(`myApplications.${kind}`),
    cancelText: t('common.back'),
    okButtonProps: { danger, 'data-testid': `${kind}-confirm` },
    onConfirm: () => moves[kind].mutateAsync(application.id).catch(() => undefined),
  });

  return (
    <Space size={6} wrap>
      {canMoveApplication(status, 'accept') && (
        <>
          <Popconfirm {...confirm('accept')}>
            <Button size="small" type="primary" icon={<CheckOutlined />} loading={pending('accept')} data-testid="accept">
              {t('myApplications.accept')}
            </Button>
          </Popconfirm>
          <Popconfirm {...confirm('decline', true)}>
            <Button size="small" icon={<CloseOutlined />} loading={pending('decline')} data-testid="decline">
              {t('myApplications.decline')}
            </Button>
          </Popconfirm>
        </>
      )}
      {canMoveApplication(status, 'withdraw') && (
        <Popconfirm {...confirm('withdraw', true)}>
          <Button size="small" danger type="text" icon={<RollbackOutlined />} loading={pending('withdraw')} data-testid="withdraw">
            {t('myApplications.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
