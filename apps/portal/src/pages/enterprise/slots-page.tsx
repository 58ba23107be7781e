import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { SLOT_STATES, type SlotState, type SlotView } from '@skillbridge/contracts';
import { Alert, Button, Card, Segmented, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OnceOpened } from '../../components/once-opened';
import { Link, useNavigate } from 'react-router-dom';
import { useEnterprise } from '../../api/enterprises.hooks';
import { useEnterpriseSlots } from '../../api/slots.hooks';
import { useMe } from '../../auth/session';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { districtLabel, formatYuan, slotStateLabel } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { SeatsTaken } from '../../components/slot-facts';
import { SlotStateTag, SlotTypeTag } from '../../components/status-tags';
import { SlotActions } from './slot-actions';
import { ResponsiveTable } from '../../components/responsive-table';
import { formatDateRange } from '../../components/figures';

// Fetched when first opened (components/once-opened.tsx), not with the page.
const SlotFormDrawer = lazy(() => import('./slot-form-drawer').then((module) => ({ default: module.SlotFormDrawer })));

const LIMIT = 20;
const STATE_FILTERS: Array<SlotState | 'all'> = ['all', ...SLOT_STATES];

/** 岗位管理: the enterprise's own slots in every state; posting, publishing, closing; the way to each slot's applicants. */
export default function SlotsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const enterpriseId = me.organisationId ?? '';
  const pager = useCursorPager();
  const [state, setState] = useState<SlotState | 'all'>('all');
  const [editing, setEditing] = useState<{ slot?: SlotView } | null>(null);
  const query = { cursor: pager.cursor, limit: LIMIT, state: state === 'all' ? undefined : state };
  const slots = useEnterpriseSlots(enterpriseId, query);
  const enterprise = useEnterprise(enterpriseId);
  const unverified = enterprise.data?.verification === 'unverified';

  const columns: ColumnsType<SlotView> = [
    {
      key: 'title',
      title: t('slot.title'),
      width: 260,
      render: (_, slot) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/slots/${slot.id}`} data-testid="slot-link">
            <Typography.Text strong>{slot.title}</Typography.Text>
          </Link>
          <Space size={4}>
            <SlotTypeTag type={slot.type} />
            <Typography.Text type="secondary">{districtLabel(t, slot.district)}</Typography.Text>
          </Space>
        </Space>
      ),
    },
    { key: 'state', title: t('slot.state'), width: 100, render: (_, slot) => <SlotStateTag state={slot.state} /> },
    {
      key: 'period',
      title: t('slot.period'),
      width: 190,
      render: (_, slot) => <span className="sb-nowrap">{formatDateRange(t, slot.startDate, slot.endDate)}</span>,
    },
    { key: 'seats', title: t('slot.seatsTaken'), width: 130, render: (_, slot) => <SeatsTaken slot={slot} width={100} /> },
    {
      key: 'stipend',
      title: t('slot.stipend'),
      width: 120,
      align: 'right',
      render: (_, slot) => formatYuan(slot.stipend, i18n.language),
    },
    { key: 'deadline', title: t('slot.applicationDeadline'), width: 120, render: (_, slot) => slot.applicationDeadline ?? '—' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 280,
      render: (_, slot) => (
        <Space size={6} wrap>
          <Button size="small" icon={<TeamOutlined />} onClick={() => navigate(`/slots/${slot.id}`)} data-testid="slot-applicants">
            {t('slots.applicants')}
          </Button>
          <SlotActions slot={slot} onEdit={(s) => setEditing({ slot: s })} />
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="slots-page">
      <PageTitle
        title={t('slots.title')}
        subtitle={t('slots.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} disabled={unverified} data-testid="post-slot">
            {t('slots.post')}
          </Button>
        }
      />
      <div className="sb-stack">
        {unverified && (
          <Alert type="warning" showIcon title={t('enterprise.unverifiedTitle')} description={t('enterprise.unverifiedText')} />
        )}
        <Card>
          <Segmented<SlotState | 'all'>
            style={{ marginBottom: 16 }}
            value={state}
            onChange={(value) => {
              setState(value);
              pager.reset();
            }}
            options={STATE_FILTERS.map((value) => ({ value, label: value === 'all' ? t('common.all') : slotStateLabel(t, value) }))}
            data-testid="slot-state-filter"
          />
          {slots.error && <ProblemAlert error={slots.error} />}
          <ResponsiveTable<SlotView>
            data-testid="slots-table"
            rowKey="id"
            size="middle"
            loading={slots.isFetching}
            dataSource={slots.data?.items ?? []}
            pagination={false}
            scroll={{ x: 1100 }}
            columns={columns}
            locale={{ emptyText: t('slots.empty') }}
          />
          <CursorPager pager={pager} nextCursor={slots.data?.nextCursor} loading={slots.isFetching} />
        </Card>
      </div>
      <OnceOpened open={editing !== null}>
        <SlotFormDrawer
          open={editing !== null}
          slot={editing?.slot}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            const created = !editing?.slot;
            setEditing(null);
            // A new draft: its own page shows the advice about its terms and the publish button.
            if (created) navigate(`/slots/${saved.id}`);
          }}
        />
      </OnceOpened>
    </div>
  );
}
