import { CheckOutlined, CloseOutlined, EyeOutlined, RollbackOutlined, SendOutlined, StarOutlined } from '@ant-design/icons';
import type { ApplicationStatus, ApplicationView } from '@skillbridge/contracts';
import { approvableIn, canMoveApplication, yearOfStudy } from '@skillbridge/domain';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Modal, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  useApplication,
  useApplications,
  useOfferApplication,
  useRejectApplication,
  useShortlistApplication,
} from '../../api/applications.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { formatDateTime } from '../../components/labels';
import { ApplicationStatusFilter } from '../../components/application-status-filter';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';
import { ApplicationStatusCell, DayOf } from '../../components/status-tags';
import { ResponsiveTable } from '../../components/responsive-table';
import { usePanelWidth } from '../../components/use-is-phone';

const LIMIT = 20;
/** The applications to one slot, with the enterprise's moves: shortlist, offer (with a respond-by date), reject. */
export function ApplicantsTable({ slotId }: { slotId: string }) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const [status, setStatus] = useState<ApplicationStatus | 'all'>('all');
  const [offering, setOffering] = useState<ApplicationView | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
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
        scroll={{ x: 1050 }}
        locale={{ emptyText: t('applicants.empty') }}
        columns={[
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
                  icon={<EyeOutlined />}
                  onClick={() => setViewing(a.id)}
                  aria-label={t('review.applicant.viewAria', { name: a.student.name })}
                  data-testid="view-applicant"
                >
                  <Typography.Text strong>{a.student.name}</Typography.Text>
                </Button>
                <Typography.Text type="secondary">{a.student.schoolName}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'cohort',
            title: t('student.major'),
            width: 150,
            render: (_, a) => (
              <Space orientation="vertical" size={0}>
                <span>{a.student.major}</span>
                <Typography.Text type="secondary">{cohortText(t, a)}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'skills',
            title: t('review.applicant.skills'),
            width: 180,
            render: (_, a) =>
              a.student.skills.length || a.student.certificates.length ? (
                <Space size={[4, 4]} wrap>
                  {a.student.skills.slice(0, 3).map((skill) => (
                    <Tag key={skill}>{skill}</Tag>
                  ))}
                  {a.student.certificates.slice(0, 1).map((c) => (
                    <Tag key={c} color="blue">
                      {c}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          { key: 'status', title: t('applications.status'), width: 130, render: (_, a) => <ApplicationStatusCell application={a} /> },
          {
            key: 'school',
            title: t('applications.schoolApproval'),
            width: 120,
            render: (_, a) => <SchoolApprovalTag application={a} />,
          },
          { key: 'createdAt', title: t('applications.appliedAt'), width: 100, render: (_, a) => <DayOf iso={a.createdAt} /> },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 220,
            fixed: 'right',
            render: (_, a) => <EnterpriseMoves application={a} onOffer={() => setOffering(a)} />,
          },
        ]}
      />
      <CursorPager pager={pager} nextCursor={applications.data?.nextCursor} loading={applications.isFetching} />
      <OfferDialog application={offering} onClose={() => setOffering(null)} />
      <ApplicantDrawer
        id={viewing}
        onClose={() => setViewing(null)}
        moves={(a) => <EnterpriseMoves application={a} onOffer={() => setOffering(a)} />}
      />
    </div>
  );
}

/** "Class of 2025 · year 2": the enrolment year and the year of study today. */
export const cohortText = (t: TFunction, a: ApplicationView) =>
  t('review.applicant.cohort', { year: a.student.enrolmentYear, n: yearOfStudy(a.student.enrolmentYear, dayjs().format('YYYY-MM-DD')) });

/**
 * The applicant as HR reads them before deciding (issue 17; Handshake's candidate page): school, class,
 * major and year, skills, certificates, self-introduction and the motivation for this slot, read afresh
 * (`GET /applications/:id`, recorded in the personal-data access log), with the enterprise's moves.
 */
export function ApplicantDrawer({
  id,
  onClose,
  moves,
}: {
  id: string | null;
  onClose: () => void;
  moves?: (application: ApplicationView) => ReactNode;
}) {
  const { t } = useTranslation();
  const width = usePanelWidth(560);
  const application = useApplication(id);
  const a = application.data;
  const none = <Typography.Text type="secondary">{t('review.applicant.none')}</Typography.Text>;
  const tags = (items: string[], color?: string) =>
    items.length ? (
      <Space size={[4, 4]} wrap>
        {items.map((item) => (
          <Tag key={item} color={color}>
            {item}
          </Tag>
        ))}
      </Space>
    ) : (
      none
    );
  const text = (value: string, testId: string) =>
    value ? (
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid={testId}>
        {value}
      </Typography.Paragraph>
    ) : (
      none
    );
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={width}
      title={a ? t('review.applicant.title', { name: a.student.name }) : t('review.applicant.view')}
      destroyOnHidden
      data-testid="applicant-drawer"
    >
      {application.error ? <ProblemAlert error={application.error} /> : null}
      {a && (
        <div className="sb-stack">
          <Descriptions
            size="small"
            bordered
            column={1}
            data-testid="applicant-details"
            items={[
              { key: 'school', label: t('review.applicant.school'), children: a.student.schoolName },
              { key: 'class', label: t('review.applicant.className'), children: a.student.className || none },
              { key: 'major', label: t('review.applicant.major'), children: a.student.major },
              { key: 'cohort', label: t('review.applicant.year'), children: cohortText(t, a) },
              { key: 'skills', label: t('review.applicant.skills'), children: tags(a.student.skills) },
              { key: 'certificates', label: t('review.applicant.certificates'), children: tags(a.student.certificates, 'blue') },
              {
                key: 'intro',
                label: t('review.applicant.selfIntroduction'),
                children: text(a.student.selfIntroduction, 'applicant-intro'),
              },
              { key: 'motivation', label: t('review.applicant.motivation'), children: text(a.motivation, 'applicant-motivation') },
              { key: 'status', label: t('review.applicant.status'), children: <ApplicationStatusCell application={a} /> },
              { key: 'school-approval', label: t('applications.schoolApproval'), children: <SchoolApprovalTag application={a} /> },
              { key: 'applied', label: t('review.applicant.appliedAt'), children: formatDateTime(a.createdAt) },
            ]}
          />
          {moves ? <div data-testid="applicant-moves">{moves(a)}</div> : null}
          <Typography.Text type="secondary">{t('review.applicant.accessLogged')}</Typography.Text>
        </div>
      )}
    </Drawer>
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
  if (application.schoolSentBack && approvableIn.includes(application.status)) {
    return (
      <Space orientation="vertical" size={2}>
        <Tag color="warning" icon={<RollbackOutlined />} data-testid="school-sent-back">
          {t('review.approvals.sentBackTag')}
        </Tag>
        <Typography.Text type="secondary" className="sb-wrap" data-testid="sent-back-reason">
          {t('review.approvals.sentBackReason', { reason: application.schoolSentBack.reason })}
        </Typography.Text>
      </Space>
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
