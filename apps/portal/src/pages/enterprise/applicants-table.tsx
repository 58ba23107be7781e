import { CheckOutlined, CloseOutlined, SendOutlined, StarOutlined } from '@ant-design/icons';
import type { ApplicationStatus, ApplicationView } from '@skillbridge/contracts';
import { approvableIn, canMoveApplication } from '@skillbridge/domain';
import { App, Button, DatePicker, Form, Modal, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplications, useOfferApplication, useRejectApplication, useShortlistApplication } from '../../api/applications.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { formatDateTime } from '../../components/labels';
import { ApplicationStatusFilter } from '../../components/application-status-filter';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';
import { ApplicationStatusCell, DayOf } from '../../components/status-tags';
import { ResponsiveTable } from '../../components/responsive-table';

const LIMIT = 20;
/** The applications to one slot, with the enterprise's moves: shortlist, offer (with a respond-by date), reject. */
export function ApplicantsTable({ slotId }: { slotId: string }) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [status, setStatus] = useState<ApplicationStatus | 'all'>('all');
  const [offering, setOffering] = useState<ApplicationView | null>(null);
  const query = { slotId, cursor: pager.cursor, limit: LIMIT, status: status === 'all' ? undefined : status };
  const applications = useApplications(query);

  return (
    <div data-testid="applicants">
      <ApplicationStatusFilter
        value={status}
        onChange={(value) => {
          setStatus(value);
          pager.reset();
        }}
      />
      {applications.error && <ProblemAlert error={applications.error} />}
      <ResponsiveTable<ApplicationView>
        data-testid="applicants-table"
        rowKey="id"
        size="middle"
        loading={applications.isFetching}
        dataSource={applications.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1150 }}
        locale={{ emptyText: t('applicants.empty') }}
        columns={[
          {
            key: 'student',
            title: t('applicants.student'),
            width: 160,
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{a.student.name}</Typography.Text>
                <Typography.Text type="secondary">{a.student.schoolName}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'cohort',
            title: t('student.major'),
            width: 160,
            render: (_, a) => t('approvals.cohort', { major: a.student.major, year: a.student.enrolmentYear }),
          },
          {
            key: 'motivation',
            title: t('applicants.motivation'),
            ellipsis: { showTitle: false },
            render: (_, a) =>
              a.motivation ? (
                <Tooltip title={a.motivation} placement="topLeft" styles={{ root: { maxWidth: 480 } }}>
                  <span data-testid="motivation">{a.motivation}</span>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          { key: 'status', title: t('applications.status'), width: 150, render: (_, a) => <ApplicationStatusCell application={a} /> },
          {
            key: 'school',
            title: t('applications.schoolApproval'),
            width: 120,
            render: (_, a) => <SchoolApprovalTag application={a} />,
          },
          { key: 'createdAt', title: t('applications.appliedAt'), width: 110, render: (_, a) => <DayOf iso={a.createdAt} /> },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 240,
            fixed: 'right',
            render: (_, a) => <EnterpriseMoves application={a} onOffer={() => setOffering(a)} />,
          },
        ]}
      />
      <CursorPager pager={pager} nextCursor={applications.data?.nextCursor} loading={applications.isFetching} />
      <OfferDialog application={offering} onClose={() => setOffering(null)} />
    </div>
  );
}

/** Whether the student's school signed the tripartite agreement yet. */
export function SchoolApprovalTag({ application }: { application: ApplicationView }) {
  const { t } = useTranslation();
  if (application.schoolApprovedAt) {
    return (
      <Tooltip title={formatDateTime(application.schoolApprovedAt)}>
        <Tag color="success" icon={<CheckOutlined />} data-testid="school-approved">
          {t('applications.approved')}
        </Tag>
      </Tooltip>
    );
  }
  if (approvableIn.includes(application.status)) return <Tag data-testid="school-pending">{t('applications.awaitingSchool')}</Tag>;
  return <Typography.Text type="secondary">—</Typography.Text>;
}

/** Says how a move went: the moved application's student on success, the refusal's text otherwise. */
function useMoveMessages(success: (a: ApplicationView) => string) {
  const { message } = App.useApp();
  const problemText = useProblemText();
  return {
    onSuccess: (saved: ApplicationView) => void message.success(success(saved)),
    onError: (error: Error) => void message.error(problemText(error)),
  };
}

function EnterpriseMoves({ application, onOffer }: { application: ApplicationView; onOffer: () => void }) {
  const { t } = useTranslation();
  const shortlist = useShortlistApplication(useMoveMessages((a) => t('applicants.shortlisted', { name: a.student.name })));
  const reject = useRejectApplication(useMoveMessages((a) => t('applicants.rejected', { name: a.student.name })));
  const { status } = application;
  return (
    <Space size={6} wrap>
      {canMoveApplication(status, 'shortlist') && (
        <Button
          size="small"
          icon={<StarOutlined />}
          loading={shortlist.isPending}
          onClick={() => shortlist.mutate(application.id)}
          data-testid="shortlist"
        >
          {t('applicants.shortlist')}
        </Button>
      )}
      {canMoveApplication(status, 'offer') && (
        <Button size="small" type="primary" icon={<SendOutlined />} onClick={onOffer} data-testid="offer">
          {t('applicants.offer')}
        </Button>
      )}
      {canMoveApplication(status, 'reject') && (
        <Popconfirm
          title={t('applicants.rejectConfirmTitle')}
          description={t('applicants.rejectConfirm', { name: application.student.name })}
          okText={t('applicants.reject')}
          okButtonProps={{ danger: true, 'data-testid': 'reject-confirm' }}
          cancelText={t('common.back')}
          onConfirm={() => reject.mutateAsync(application.id).catch(() => undefined)}
        >
          <Button size="small" danger icon={<CloseOutlined />} loading={reject.isPending} data-testid="reject">
            {t('applicants.reject')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

/** `POST /applications/:id/offer {respondBy}`: the last day the student may answer. */
function OfferDialog({ application, onClose }: { application: ApplicationView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ respondBy: Dayjs }>();
  const { message } = App.useApp();
  // A refusal shows in the dialog, beside the date.
  const offer = useOfferApplication({ onSuccess: (a) => void message.success(t('applicants.offered', { name: a.student.name })) });
  const today = dayjs().startOf('day');
  return (
    <Modal
      open={!!application}
      title={t('applicants.offerTitle', { name: application?.student.name ?? '' })}
      okText={t('applicants.sendOffer')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'offer-submit' }}
      confirmLoading={offer.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => open && offer.reset()}
    >
      <Typography.Paragraph type="secondary">{t('applicants.offerHelp')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ respondBy: today.add(7, 'day') }}
        onFinish={({ respondBy }) =>
          application && offer.mutate({ id: application.id, respondBy: respondBy.format('YYYY-MM-DD') }, { onSuccess: () => onClose() })
        }
      >
        <Form.Item name="respondBy" label={t('applications.respondBy')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker style={{ width: 220 }} disabledDate={(d) => d.isBefore(today, 'day')} data-testid="offer-respond-by" />
        </Form.Item>
      </Form>
      {offer.error && <ProblemAlert error={offer.error} />}
    </Modal>
  );
}
