import { AuditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { ApplicationStatus, ApplicationView } from '@skillbridge/contracts';
import { HOLDING_STATUSES, approvableIn } from '@skillbridge/domain';
import { App, Badge, Button, Card, Checkbox, Descriptions, Modal, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplications, useApproveApplication, useAwaitingApprovalCount } from '../../api/applications.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { PageTitle } from '../../components/page-title';
import { ApplicationStatusFilter } from '../../components/application-status-filter';
import { ProblemAlert } from '../../components/problem-alert';
import { ApplicationStatusCell, ApplicationStatusTag, DayOf, SlotTypeTag } from '../../components/status-tags';
import { SchoolApprovalTag } from '../enterprise/applicants-table';
import { ResponsiveTable } from '../../components/responsive-table';
import { formatDateRange } from '../../components/figures';

const LIMIT = 20;
type Approving = { application: ApplicationView; consentOnly: boolean } | null;

/**
 * 待审批: the school signs the tripartite agreement before a student may accept an offer (Reg.), and
 * records a guardian's consent for a student under 18; and every application of the school's students.
 */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'awaiting' | 'all'>('awaiting');
  const [approving, setApproving] = useState<Approving>(null);
  const count = useAwaitingApprovalCount().data ?? 0;

  return (
    <div data-testid="approvals-page">
      <PageTitle title={t('approvals.title')} subtitle={t('approvals.subtitle')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as 'awaiting' | 'all')}
          items={[
            {
              key: 'awaiting',
              label: (
                <Space size={6}>
                  {t('approvals.awaiting')}
                  <Badge count={count} overflowCount={99} color="#2b6cb0" showZero={false} />
                </Space>
              ),
              children: <ApplicationsTable awaiting onApprove={(application) => setApproving({ application, consentOnly: false })} />,
            },
            {
              key: 'all',
              label: t('approvals.all'),
              children: <ApplicationsTable onApprove={(application, consentOnly) => setApproving({ application, consentOnly })} />,
            },
          ]}
        />
      </Card>
      <ApproveDialog approving={approving} onClose={() => setApproving(null)} />
    </div>
  );
}

function ApplicationsTable({
  awaiting = false,
  onApprove,
}: {
  awaiting?: boolean;
  onApprove: (application: ApplicationView, consentOnly: boolean) => void;
}) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [status, setStatus] = useState<ApplicationStatus | 'all'>('all');
  const query = {
    cursor: pager.cursor,
    limit: LIMIT,
    ...(awaiting ? { awaitingApproval: true } : { status: status === 'all' ? undefined : status }),
  };
  const applications = useApplications(query);

  const columns: ColumnsType<ApplicationView> = [
    {
      key: 'student',
      title: t('applicants.student'),
      width: 150,
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{a.student.name}</Typography.Text>
          <Typography.Text type="secondary">
            {t('approvals.cohort', { major: a.student.major, year: a.student.enrolmentYear })}
          </Typography.Text>
        </Space>
      ),
    },
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
    ...(awaiting
      ? []
      : [
          {
            key: 'school',
            title: t('applications.schoolApproval'),
            width: 130,
            render: (_: unknown, a: ApplicationView) => (
              <Space orientation="vertical" size={2}>
                <SchoolApprovalTag application={a} />
                {a.guardianConsentAt && (
                  <Tag color="success" data-testid="guardian-consent-recorded">
                    {t('approvals.consentRecorded')}
                  </Tag>
                )}
              </Space>
            ),
          },
        ]),
    { key: 'createdAt', title: t('applications.appliedAt'), width: 110, render: (_, a) => <DayOf iso={a.createdAt} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      fixed: 'right',
      render: (_, a) => {
        if (!a.schoolApprovedAt && approvableIn.includes(a.status)) {
          return (
            <Button size="small" type="primary" icon={<AuditOutlined />} onClick={() => onApprove(a, false)} data-testid="approve">
              {t('approvals.approve')}
            </Button>
          );
        }
        if (a.schoolApprovedAt && !a.guardianConsentAt && HOLDING_STATUSES.includes(a.status)) {
          return (
            <Button size="small" icon={<SafetyCertificateOutlined />} onClick={() => onApprove(a, true)} data-testid="record-consent">
              {t('approvals.recordConsent')}
            </Button>
          );
        }
        return null;
      },
    },
  ];

  return (
    <div data-testid={awaiting ? 'awaiting-approval' : 'school-applications'}>
      {!awaiting && (
        <ApplicationStatusFilter
          value={status}
          onChange={(value) => {
            setStatus(value);
            pager.reset();
          }}
        />
      )}
      {applications.error && <ProblemAlert error={applications.error} />}
      <ResponsiveTable<ApplicationView>
        data-testid={awaiting ? 'awaiting-table' : 'school-applications-table'}
        rowKey="id"
        size="middle"
        loading={applications.isFetching}
        dataSource={applications.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={columns}
        locale={{ emptyText: awaiting ? t('approvals.noneAwaiting') : t('approvals.empty') }}
      />
      <CursorPager pager={pager} nextCursor={applications.data?.nextCursor} loading={applications.isFetching} />
    </div>
  );
}

/**
 * `POST /applications/:id/approve {guardianConsent?}`. The application does not carry the student's
 * date of birth, so the consent checkbox is always offered; the placement cannot start for a minor
 * without it (GUARDIAN_CONSENT_REQUIRED).
 */
function ApproveDialog({ approving, onClose }: { approving: Approving; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [consent, setConsent] = useState(false);
  const application = approving?.application;
  const approve = useApproveApplication({
    onSuccess: (saved) => {
      void message.success(
        approving?.consentOnly
          ? t('approvals.consentSaved', { name: saved.student.name })
          : t('approvals.approved', { name: saved.student.name }),
      );
      onClose();
    },
  });

  return (
    <Modal
      open={!!approving}
      title={approving?.consentOnly ? t('approvals.consentTitle') : t('approvals.approveTitle')}
      okText={approving?.consentOnly ? t('approvals.recordConsent') : t('approvals.approve')}
      okButtonProps={{ disabled: approving?.consentOnly && !consent, 'data-testid': 'approve-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={approve.isPending}
      onOk={() => application && approve.mutate({ id: application.id, guardianConsent: consent })}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      afterOpenChange={(open) => {
        if (open) {
          approve.reset();
          setConsent(false);
        }
      }}
    >
      {application && (
        <div className="sb-stack">
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              {
                key: 'student',
                label: t('applicants.student'),
                children: t('approvals.studentLine', {
                  name: application.student.name,
                  major: application.student.major,
                  year: application.student.enrolmentYear,
                }),
              },
              {
                key: 'slot',
                label: t('placements.slot'),
                children: t('approvals.slotLine', { title: application.slot.title, enterprise: application.slot.enterpriseName }),
              },
              {
                key: 'period',
                label: t('slot.period'),
                children: formatDateRange(t, application.slot.startDate, application.slot.endDate),
              },
              { key: 'status', label: t('applications.status'), children: <ApplicationStatusTag status={application.status} /> },
            ]}
          />
          {!approving?.consentOnly && <Typography.Paragraph style={{ margin: 0 }}>{t('approvals.agreementText')}</Typography.Paragraph>}
          <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)} data-testid="guardian-consent">
            {t('approvals.guardianConsentLabel')}
          </Checkbox>
          <Typography.Text type="secondary">{t('approvals.guardianConsentHint')}</Typography.Text>
          {approve.error ? <ProblemAlert error={approve.error} /> : null}
        </div>
      )}
    </Modal>
  );
}
