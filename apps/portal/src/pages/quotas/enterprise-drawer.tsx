import type { PlacementView, QuotaRow, SlotView } from '@skillbridge/contracts';
import { Card, Descriptions, Drawer, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDrillPlacements, useDrillSlots } from '../../api/quotas.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { districtLabel, industryLabel, ownershipLabel } from '../../components/labels';
import { QueryState } from '../../components/query-state';
import { PlacementStatusTag, SlotStateTag, SlotTypeTag } from '../../components/status-tags';
import { QuotaStatusTag, QUOTA_STATUS_COLOR } from './quota-status';
import { ResponsiveTable } from '../../components/responsive-table';
import { usePanelWidth } from '../../components/use-is-phone';
import { formatDateRange, formatNumber } from '../../components/figures';

/** 下钻: one enterprise of the remit — its line of the year, its slots, the interns it hosts. */
export function EnterpriseDrawer({ row, onClose }: { row: QuotaRow | null; onClose: () => void }) {
  const width = usePanelWidth(760); // the whole window on a phone
  const { t } = useTranslation();
  return (
    <Drawer open={!!row} onClose={onClose} size={width} title={row?.name} destroyOnHidden data-testid="enterprise-drawer">
      {row && (
        // Focusable, so that a keyboard can scroll the drawer's body (it holds no control of its own).
        <div className="sb-stack" tabIndex={0} role="region" aria-label={row.name}>
          <QuotaLine row={row} />
          <Card size="small" title={t('quotas.drill.slots')}>
            <EnterpriseSlots enterpriseId={row.enterpriseId} />
          </Card>
          <Card size="small" title={t('quotas.drill.placements', { year: row.year })}>
            <EnterprisePlacements enterpriseId={row.enterpriseId} year={row.year} />
          </Card>
        </div>
      )}
    </Drawer>
  );
}

/** Required, hosted and what is left of one enterprise's year, with its status. */
export function QuotaLine({ row }: { row: QuotaRow }) {
  const { t, i18n } = useTranslation();
  const percent = row.required > 0 ? Math.min(100, Math.round((row.hosted / row.required) * 100)) : 100;
  return (
    <div data-testid="quota-line" data-status={row.status}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'uscc', label: t('enterprise.uscc'), children: <Typography.Text code>{row.uscc}</Typography.Text> },
          { key: 'ownership', label: t('enterprise.ownership'), children: ownershipLabel(t, row.ownership) },
          { key: 'industry', label: t('enterprise.industry'), children: industryLabel(t, row.industry) },
          { key: 'district', label: t('enterprise.district'), children: districtLabel(t, row.district) },
          { key: 'employees', label: t('quotas.column.employees'), children: formatNumber(row.employees, i18n.language) },
          { key: 'cap', label: t('quotas.column.cap'), children: row.cap },
          { key: 'status', label: t('quotas.column.status'), children: <QuotaStatusTag status={row.status} /> },
        ]}
      />
      <Typography.Text>{t('quotas.line', { hosted: row.hosted, required: row.required, remaining: row.remaining })}</Typography.Text>
      <Progress
        aria-label={t('quotas.line', { hosted: row.hosted, required: row.required, remaining: row.remaining })}
        percent={percent}
        strokeColor={QUOTA_STATUS_COLOR[row.status]}
        data-testid="quota-progress"
      />
    </div>
  );
}

function EnterpriseSlots({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const slots = useDrillSlots(enterpriseId);
  return (
    <QueryState query={slots}>
      {(page) => (
        <ResponsiveTable<SlotView>
          data-testid="drill-slots"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={page.items}
          locale={{ emptyText: t('quotas.drill.noSlots') }}
          columns={[
            { key: 'title', title: t('slot.title'), dataIndex: 'title' },
            { key: 'type', title: t('slot.type'), render: (_, s) => <SlotTypeTag type={s.type} /> },
            {
              key: 'dates',
              title: t('quotas.drill.dates'),
              render: (_, s) => formatDateRange(t, s.startDate, s.endDate),
              className: 'sb-nowrap',
            },
            { key: 'seats', title: t('quotas.drill.seats'), align: 'right', render: (_, s) => `${s.taken} / ${s.capacity}` },
            { key: 'state', title: t('slot.state'), render: (_, s) => <SlotStateTag state={s.state} /> },
          ]}
        />
      )}
    </QueryState>
  );
}

function EnterprisePlacements({ enterpriseId, year }: { enterpriseId: string; year: number }) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const placements = useDrillPlacements(enterpriseId, year, pager.cursor);
  return (
    <QueryState query={placements}>
      {(page) => (
        <>
          <ResponsiveTable<PlacementView>
            data-testid="drill-placements"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={page.items.filter((p) => p.kind === 'student')}
            locale={{ emptyText: t('quotas.drill.noPlacements') }}
            columns={[
              { key: 'person', title: t('quotas.drill.student'), render: (_, p) => p.person.name },
              { key: 'slot', title: t('slot.title'), render: (_, p) => p.slot.title },
              {
                key: 'dates',
                title: t('quotas.drill.dates'),
                render: (_, p) => formatDateRange(t, p.startDate, p.endDate),
                className: 'sb-nowrap',
              },
              { key: 'status', title: t('slot.state'), render: (_, p) => <PlacementStatusTag status={p.status} /> },
            ]}
          />
          <CursorPager pager={pager} nextCursor={page.nextCursor} loading={placements.isFetching} />
        </>
      )}
    </QueryState>
  );
}
