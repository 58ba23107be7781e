import { CheckCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import type { PlacementView } from '@skillbridge/contracts';
import { canMovePlacement } from '@skillbridge/domain';
import { Button, Card, Select, Space, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlacements } from '../../api/placements.hooks';
import { useMe } from '../../auth/session';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { DayOf, PlacementStatusTag, SlotTypeTag } from '../../components/status-tags';
import { ActivateDialog, CompleteDialog } from '../enterprise/placement-dialogs';
import { ResponsiveTable } from '../../components/responsive-table';
import { formatDateRange } from '../../components/figures';

/**
 * `GET /placements`: 我的实习 for a student, 实习管理 for an enterprise (which starts each one with
 * its insurance policy and finishes it with an evaluation).
 */
export default function PlacementsPage() {
  const { t } = useTranslation();
  const { role } = useMe();
  const enterprise = role === 'enterprise_admin';
  const [year, setYear] = useState<number | undefined>();
  const pager = useCursorPager();
  const [activating, setActivating] = useState<PlacementView | null>(null);
  const [completing, setCompleting] = useState<PlacementView | null>(null);
  const placements = usePlacements(year, pager.cursor);
  const thisYear = new Date().getFullYear();

  const columns: ColumnsType<PlacementView> = [
    {
      key: 'slot',
      title: t('placements.slot'),
      width: 220,
      render: (_, p) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text strong>{p.slot.title}</Typography.Text>
          <SlotTypeTag type={p.slot.type} />
        </Space>
      ),
    },
    enterprise
      ? { key: 'person', title: t('placements.person'), width: 100, render: (_, p) => p.person.name }
      : { key: 'enterprise', title: t('slot.enterprise'), width: 200, render: (_, p) => p.enterprise.name },
    {
      key: 'period',
      title: t('slot.period'),
      width: 210,
      render: (_, p) => <span className="sb-nowrap">{formatDateRange(t, p.startDate, p.endDate)}</span>,
    },
    {
      key: 'status',
      title: t('placements.status'),
      width: 120,
      render: (_, p) => (
        <Space orientation="vertical" size={2}>
          <PlacementStatusTag status={p.status} />
          {(p.completedAt ?? p.activatedAt) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <DayOf iso={p.completedAt ?? p.activatedAt} />
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'insurance',
      title: t('placements.insurancePolicyNo'),
      width: 190,
      render: (_, p) =>
        p.insurancePolicyNo ? (
          <Typography.Text code className="sb-nowrap">
            {p.insurancePolicyNo}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      key: 'evaluation',
      title: t('placements.evaluation'),
      ellipsis: { showTitle: false },
      render: (_, p) =>
        p.evaluation ? (
          <Tooltip title={p.evaluation} placement="topLeft">
            {p.evaluation}
          </Tooltip>
        ) : (
          '—'
        ),
    },
  ];
  if (enterprise) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      fixed: 'right',
      render: (_, p) =>
        canMovePlacement(p.status, 'activate') ? (
          <Button
            size="small"
            type="primary"
            icon={<PlayCircleOutlined />}
            onClick={() => setActivating(p)}
            data-testid="activate-placement"
          >
            {t('placements.activate')}
          </Button>
        ) : canMovePlacement(p.status, 'complete') ? (
          <Button size="small" icon={<CheckCircleOutlined />} onClick={() => setCompleting(p)} data-testid="complete-placement">
            {t('placements.complete')}
          </Button>
        ) : null,
    });
  }

  return (
    <div data-testid="placements-page">
      <PageTitle
        title={enterprise ? t('placements.enterpriseTitle') : t('placements.studentTitle')}
        subtitle={enterprise ? t('placements.enterpriseSubtitle') : t('placements.studentSubtitle')}
        extra={
          <Select<number | undefined>
            style={{ width: 150 }}
            value={year}
            onChange={(y) => {
              setYear(y);
              pager.reset();
            }}
            allowClear
            placeholder={t('placements.allYears')}
            aria-label={t('placements.allYears')}
            options={[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({
              value: y,
              label: t('placements.year', { year: y }),
            }))}
          />
        }
      />
      <Card>
        {placements.error && <ProblemAlert error={placements.error} />}
        <ResponsiveTable<PlacementView>
          data-testid="placements-table"
          rowKey="id"
          size="middle"
          loading={placements.isFetching}
          dataSource={placements.data?.items ?? []}
          pagination={false}
          scroll={{ x: 1100 }}
          columns={columns}
          locale={{ emptyText: enterprise ? t('placements.emptyEnterprise') : t('placements.emptyStudent') }}
        />
        <CursorPager pager={pager} nextCursor={placements.data?.nextCursor} loading={placements.isFetching} />
      </Card>
      {enterprise && (
        <>
          <ActivateDialog placement={activating} onClose={() => setActivating(null)} />
          <CompleteDialog placement={completing} onClose={() => setCompleting(null)} />
        </>
      )}
    </div>
  );
}
