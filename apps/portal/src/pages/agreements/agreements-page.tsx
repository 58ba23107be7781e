import { AGREEMENT_STATUSES, type AgreementStatus, type AgreementSummary } from '@skillbridge/contracts';
import { Card, Select, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAgreements } from '../../api/agreements.hooks';
import { useMe } from '../../auth/session';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { formatDateRange } from '../../components/figures';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { ResponsiveTable } from '../../components/responsive-table';
import { AgreementStatusTag, PartyTags } from './agreement-parts';

/** Whether the row waits for the reader's own signature now. */
const awaitsMe = (a: Pick<AgreementSummary, 'mySide' | 'signingOpen' | 'status'>) => !!a.mySide && a.signingOpen && a.status === 'signing';

/**
 * 协议 (`GET /agreements`): the tripartite agreements of the reader's side — a student's own, an enterprise's
 * placements', a school's students' — with their state, who has signed, and what waits for the reader.
 */
export default function AgreementsPage() {
  const { t } = useTranslation();
  const { role } = useMe();
  const [status, setStatus] = useState<AgreementStatus | undefined>();
  const pager = useCursorPager();
  const agreements = useAgreements({ status, cursor: pager.cursor });

  const columns: ColumnsType<AgreementSummary> = [
    {
      key: 'agreement',
      title: t('agreements.column.agreement'),
      width: 260,
      render: (_, a) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/agreements/${a.id}`} data-testid="agreement-link" data-agreement-id={a.id}>
            <span data-user-entered="true">{a.slotTitle}</span>
          </Link>
          <Typography.Text type="secondary" data-user-entered="true">
            {role === 'student'
              ? a.enterprise.name
              : role === 'enterprise_admin'
                ? a.student.name
                : `${a.student.name} · ${a.enterprise.name}`}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'period',
      title: t('slot.period'),
      width: 210,
      render: (_, a) => <span className="sb-nowrap">{formatDateRange(t, a.startDate, a.endDate)}</span>,
    },
    {
      key: 'status',
      title: t('agreements.column.status'),
      width: 150,
      render: (_, a) => (
        <Space orientation="vertical" size={2}>
          <AgreementStatusTag status={a.status} awaitingMe={awaitsMe(a)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('agreements.versionN', { version: a.version })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'parties',
      title: t('agreements.column.parties'),
      render: (_, a) => <PartyTags parties={a.parties} signed={a.signed} />,
    },
    {
      key: 'due',
      title: t('agreements.column.due'),
      width: 200,
      render: (_, a) => <Typography.Text data-testid="agreement-due">{dueText(t, a)}</Typography.Text>,
    },
  ];

  return (
    <div data-testid="agreements-page">
      <PageTitle
        title={t('agreements.list.title')}
        subtitle={t(`agreements.list.subtitle.${role === 'student' ? 'student' : role === 'enterprise_admin' ? 'enterprise' : 'school'}`)}
        extra={
          <Select<AgreementStatus | undefined>
            style={{ width: 170 }}
            value={status}
            onChange={(s) => {
              setStatus(s);
              pager.reset();
            }}
            allowClear
            placeholder={t('agreements.list.allStatuses')}
            aria-label={t('agreements.list.allStatuses')}
            options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreements.status.${s}`) }))}
            data-testid="agreement-status-filter"
          />
        }
      />
      <Card>
        {agreements.error && <ProblemAlert error={agreements.error} />}
        <ResponsiveTable<AgreementSummary>
          data-testid="agreements-table"
          rowKey="id"
          size="middle"
          loading={agreements.isFetching}
          dataSource={agreements.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1000 }}
          columns={columns}
          rowClassName={(a) => (awaitsMe(a) ? 'sb-row-attention' : '')}
          locale={{ emptyText: t('agreements.list.empty') }}
        />
        <CursorPager pager={pager} nextCursor={agreements.data?.nextCursor} loading={agreements.isFetching} />
      </Card>
    </div>
  );
}

/** What the row waits for, from the reader's side. */
function dueText(t: TFunction, a: AgreementSummary): string {
  if (a.status === 'void') return t('agreements.due.void');
  if (a.status === 'signed') return t('agreements.due.done');
  if (a.status === 'awaiting_insurance') return t('agreements.due.insurance');
  if (awaitsMe(a)) return t('agreements.due.you');
  const missing = a.parties.filter((p) => !a.signed.includes(p)).map((p) => t(`agreements.party.${p}`));
  return t('agreements.due.others', { parties: missing.join(t('agreements.listSeparator')) });
}
