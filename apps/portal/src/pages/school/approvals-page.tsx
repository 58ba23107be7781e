import { AuditOutlined, RollbackOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { ApplicationStatus, ApplicationView, BulkApproveResult } from '@skillbridge/contracts';
import { HOLDING_STATUSES, approvableIn } from '@skillbridge/domain';
import { Alert, App, Badge, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListApplicationsQuery } from '../../api/applications.api';
import {
  useApplicationFilterOptions,
  useApplications,
  useApproveApplication,
  useApproveApplications,
  useAwaitingApprovalCount,
  useSendBackApplication,
} from '../../api/applications.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { PageTitle } from '../../components/page-title';
import { ApplicationStatusFilter } from '../../components/application-status-filter';
import { ProblemAlert } from '../../components/problem-alert';
import { ApplicationStatusCell, ApplicationStatusTag, DayOf, SlotTypeTag } from '../../components/status-tags';
import { ApplicantDrawer, SchoolApprovalTag } from '../enterprise/applicants-table';
import { ResponsiveTable } from '../../components/responsive-table';
import { formatDateRange } from '../../components/figures';

const LIMIT = 20;
type Approving = { application: ApplicationView; consentOnly: boolean } | null;

/**
 * 待审批: the school approves before a student may accept an offer (the tripartite agreement is drafted on the accept
 * and signed by every party, issue 18), and records a guardian's consent for a student under 18; and every
 * application of the school's students.
 */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'awaiting' | 'all'>('awaiting');
  const [approving, setApproving] = useState<Approving>(null);
  const [sendingBack, setSendingBack] = useState<ApplicationView | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [filters, setFilters] = useState<ApplicationFilters>({});
  const count = useAwaitingApprovalCount().data ?? 0;
  const rowProps = { filters, onSendBack: setSendingBack, onView: setViewing };

  return (
    <div data-testid="approvals-page">
      <PageTitle title={t('approvals.title')} subtitle={t('approvals.subtitle')} />
      <Card>
        <ApprovalFilters value={filters} onChange={setFilters} />
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
              children: (
                <ApplicationsTable awaiting onApprove={(application) => setApproving({ application, consentOnly: false })} {...rowProps} />
              ),
            },
            {
              key: 'all',
              label: t('approvals.all'),
              children: (
                <ApplicationsTable onApprove={(application, consentOnly) => setApproving({ application, consentOnly })} {...rowProps} />
              ),
            },
          ]}
        />
      </Card>
      <ApproveDialog approving={approving} onClose={() => setApproving(null)} />
      <SendBackDialog application={sendingBack} onClose={() => setSendingBack(null)} />
      <ApplicantDrawer id={viewing} onClose={() => setViewing(null)} />
    </div>
  );
}

/** The school admin's filters: the applicant's major and class, the enterprise applied to. */
type ApplicationFilters = Pick<ListApplicationsQuery, 'major' | 'className' | 'enterpriseId'>;

function ApprovalFilters({ value, onChange }: { value: ApplicationFilters; onChange: (next: ApplicationFilters) => void }) {
  const { t } = useTranslation();
  const options = useApplicationFilterOptions().data;
  const set = (patch: ApplicationFilters) => onChange({ ...value, ...patch });
  return (
    <Space wrap style={{ marginBottom: 8 }} data-testid="approval-filters">
      <Select
        allowClear
        showSearch
        style={{ minWidth: 180 }}
        placeholder={t('review.approvals.allMajors')}
        aria-label={t('review.approvals.filterMajor')}
        value={value.major}
        onChange={(major?: string) => set({ major })}
        options={(options?.majors ?? []).map((major) => ({ value: major, label: major }))}
        data-testid="filter-major"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ minWidth: 220 }}
        placeholder={t('review.approvals.allEnterprises')}
        aria-label={t('review.approvals.filterEnterprise')}
        value={value.enterpriseId}
        onChange={(enterpriseId?: string) => set({ enterpriseId })}
        options={(options?.enterprises ?? []).map((e) => ({ value: e.id, label: e.name }))}
        data-testid="filter-enterprise"
      />
      <Select
        allowClear
        showSearch
        style={{ minWidth: 150 }}
        placeholder={t('review.approvals.allClasses')}
        aria-label={t('review.approvals.filterClass')}
        value={value.className}
        onChange={(className?: string) => set({ className })}
        options={(options?.classes ?? []).map((c) => ({ value: c, label: c }))}
        data-testid="filter-class"
      />
    </Space>
  );
}

function ApplicationsTable({
  awaiting = false,
  filters,
  onApprove,
  onSendBack,
  onView,
}: {
  awaiting?: boolean;
  filters: ApplicationFilters;
  onApprove: (application: ApplicationView, consentOnly: boolean) => void;
  onSendBack: (application: ApplicationView) => void;
  onView: (id: string) => void;
}) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [status, setStatus] = useState<ApplicationStatus | 'all'>('all');
  const [selected, setSelected] = useState<string[]>([]);
  const query = {
    cursor: pager.cursor,
    limit: LIMIT,
    ...filters,
    ...(awaiting ? { awaitingApproval: true } : { status: status === 'all' ? undefined : status }),
  };
  const applications = useApplications(query);
  const filterKey = JSON.stringify(filters);
  const [shownFilters, setShownFilters] = useState(filterKey);
  if (shownFilters !== filterKey) {
    // New filters: back to the first page, nothing selected.
    setShownFilters(filterKey);
    pager.reset();
    setSelected([]);
  }
  const approvable = (a: ApplicationView) => !a.schoolApprovedAt && approvableIn.includes(a.status);

  const columns: ColumnsType<ApplicationView> = [
    {
      key: 'student',
      title: t('applicants.student'),
      width: 150,
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto' }}
            onClick={() => onView(a.id)}
            aria-label={t('review.applicant.viewAria', { name: a.student.name })}
            data-testid="view-applicant"
          >
            <Typography.Text strong>{a.student.name}</Typography.Text>
          </Button>
          <Typography.Text type="secondary">
            {t('approvals.cohort', { major: a.student.major, year: a.student.enrolmentYear })}
          </Typography.Text>
          {a.student.className && (
            <Typography.Text type="secondary" data-testid="student-class" data-user-entered="true">
              {a.student.className}
            </Typography.Text>
          )}
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
      ? [
          {
            key: 'school',
            title: t('applications.schoolApproval'),
            width: 150,
            render: (_: unknown, a: ApplicationView) => <SchoolApprovalTag application={a} />,
          },
        ]
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
      width: 200,
      fixed: 'right',
      render: (_, a) => {
        if (approvable(a)) {
          return (
            <Space size={6} wrap>
              <Button size="small" type="primary" icon={<AuditOutlined />} onClick={() => onApprove(a, false)} data-testid="approve">
                {t('approvals.approve')}
              </Button>
              {!a.schoolSentBack && (
                <Button size="small" icon={<RollbackOutlined />} onClick={() => onSendBack(a)} data-testid="send-back">
                  {t('review.approvals.sendBack')}
                </Button>
              )}
            </Space>
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
      {awaiting && <BulkApprove ids={selected} rows={applications.data?.items ?? []} onDone={() => setSelected([])} />}
      <ResponsiveTable<ApplicationView>
        data-testid={awaiting ? 'awaiting-table' : 'school-applications-table'}
        rowKey="id"
        size="middle"
        loading={applications.isFetching}
        dataSource={applications.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1060 }}
        columns={columns}
        rowSelection={
          awaiting
            ? {
                selectedRowKeys: selected,
                getCheckboxProps: (a) => ({ disabled: !approvable(a), 'aria-label': a.student.name }),
                onChange: (keys) => setSelected(keys.map(String)),
                // Phones show cards, each with its own checkbox (ResponsiveTable calls onSelect).
                onSelect: (a, checked) => setSelected((ids) => (checked ? [...new Set([...ids, a.id])] : ids.filter((id) => id !== a.id))),
              }
            : undefined
        }
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

/**
 * `POST /applications/approvals`: the selected applications at once. Each either moves or is reported
 * with its reason (moved meanwhile, approved already, no longer the school's to see); the result says which.
 */
function BulkApprove({ ids, rows, onDone }: { ids: string[]; rows: ApplicationView[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [refused, setRefused] = useState<BulkApproveResult['refused']>([]);
  // The names as listed when the approval was sent: a refused row may be gone from the list after it.
  const [names, setNames] = useState(new Map<string, string>());
  const approve = useApproveApplications({
    onSuccess: (result) => {
      setRefused(result.refused);
      onDone();
      if (result.refused.length === 0) void message.success(t('review.approvals.resultAllDone', { approved: result.approved.length }));
      else void message.warning(t('review.approvals.result', { approved: result.approved.length, refused: result.refused.length }));
    },
  });
  const confirm = () =>
    modal.confirm({
      title: t('review.approvals.approveManyTitle', { n: ids.length }),
      content: t('review.approvals.approveManyText'),
      okText: t('review.approvals.approveManyOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'approve-many-confirm' } as Record<`data-${string}`, string>,
      onOk: () => {
        setNames(new Map(rows.map((a) => [a.id, a.student.name])));
        return approve.mutateAsync(ids).catch(() => undefined);
      },
    });
  return (
    <div className="sb-stack" style={{ marginBottom: 8 }}>
      <Space wrap>
        <Button
          type="primary"
          icon={<AuditOutlined />}
          disabled={ids.length === 0}
          loading={approve.isPending}
          onClick={confirm}
          data-testid="approve-many"
        >
          {t('review.approvals.approveSelected', { n: ids.length })}
        </Button>
      </Space>
      {approve.error ? <ProblemAlert error={approve.error} /> : null}
      {refused.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setRefused([])}
          data-testid="approve-many-refused"
          title={t('review.approvals.refusedTitle')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {refused.map((r) => (
                <li key={r.id} data-testid="refused-line">
                  {t('review.approvals.refusedLine', { name: names.get(r.id) ?? r.id, reason: t(`problem.${r.code}`) })}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}

/** `POST /applications/:id/send-back {reason}`: the student and the enterprise are told, with the reason. */
function SendBackDialog({ application, onClose }: { application: ApplicationView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const sendBack = useSendBackApplication({
    onSuccess: (a) => {
      void message.success(t('review.approvals.sentBack', { name: a.student.name }));
      onClose();
    },
  });
  return (
    <Modal
      open={!!application}
      title={t('review.approvals.sendBackTitle', { name: application?.student.name ?? '' })}
      okText={t('review.approvals.sendBack')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'send-back-submit' } as Record<`data-${string}`, string>}
      confirmLoading={sendBack.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(open) => open && sendBack.reset()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ reason }) => application && sendBack.mutate({ id: application.id, reason: reason.trim() })}
      >
        <Form.Item
          name="reason"
          label={t('review.approvals.reason')}
          extra={t('review.approvals.reasonHelp')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('review.approvals.reasonPlaceholder')}
            data-testid="send-back-reason"
          />
        </Form.Item>
      </Form>
      {sendBack.error ? <ProblemAlert error={sendBack.error} /> : null}
    </Modal>
  );
}
