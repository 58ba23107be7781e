import { BellOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { QUOTA_STATUSES, type QuotaRow, type QuotaStatus, type QuotaSummary } from '@skillbridge/contracts';
import { App, Button, Card, Col, Dropdown, Popconfirm, Progress, Row, Select, Space, Statistic, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OnceOpened } from '../../components/once-opened';
import { useSearchParams } from 'react-router-dom';
import { quotasApi, type QuotaFilter } from '../../api/quotas.api';
import { useQuotaRows, useQuotaSummary, useRemindEnterprises } from '../../api/quotas.hooks';
import { useMe } from '../../auth/session';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { lanzhouYear, formatNumber } from '../../components/figures';
import { authorityLabel, districtLabel, districtOptions, industryLabel } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { useProblemText } from '../../components/problem-text';
import { QueryState } from '../../components/query-state';
import { YearSelect } from '../../components/year-select';
import { DistrictChart, IndustryChart } from './quota-charts';
import { QUOTA_STATUS_COLOR, QuotaStatusTag, quotaStatusLabel } from './quota-status';
import { ResponsiveTable } from '../../components/responsive-table';
import { useIsPhone } from '../../components/use-is-phone';

// Fetched when first opened (components/once-opened.tsx), not with the page.
const EnterpriseDrawer = lazy(() => import('./enterprise-drawer').then((module) => ({ default: module.EnterpriseDrawer })));
const HeadcountImportDrawer = lazy(() => import('./headcount-import-drawer').then((module) => ({ default: module.HeadcountImportDrawer })));

/**
 * 实习生配额监测 (§13, journey 6): the city's figures of the officer's remit at a glance, the
 * enterprise table with filters, a drill-down, "remind all behind" and the export. The filters
 * live in the address so that a view can be shared or reloaded.
 */
export default function QuotaDashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter: QuotaFilter = {
    year: Number(params.get('year')) || lanzhouYear(),
    district: params.get('district') ?? undefined,
    industry: params.get('industry') ?? undefined,
    status: (QUOTA_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as QuotaStatus) : undefined,
  };
  const setFilter = (next: Partial<QuotaFilter>) => {
    const merged = { ...filter, ...next };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(merged)) if (value !== undefined && value !== '') search.set(key, String(value));
    setParams(search, { replace: true });
  };
  const summary = useQuotaSummary(filter.year);
  const authority = me.authority ?? 'MIIT';
  // §13: the MIIT and SASAC officers report their remit's headcounts (the platform admin may too).
  const reportsHeadcounts = me.role === 'platform_admin' || me.authority === 'MIIT' || me.authority === 'SASAC';
  const [importing, setImporting] = useState(false);

  return (
    <div data-testid="quota-dashboard-page">
      <PageTitle
        title={t('quotas.title', { authority: authorityLabel(t, authority) })}
        subtitle={t(`bureau.remit.${authority}`)}
        extra={
          <Space wrap>
            <YearSelect year={filter.year} onChange={(year) => setFilter({ year })} testId="quota-year" />
            <RemindBehind year={filter.year} behind={summary.data?.byStatus.behind ?? 0} />
            <ExportButton filter={filter} />
            {reportsHeadcounts && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-headcounts">
                {t('quotas.import.button', { year: filter.year })}
              </Button>
            )}
          </Space>
        }
      />
      {reportsHeadcounts && (
        <OnceOpened open={importing}>
          <HeadcountImportDrawer year={filter.year} open={importing} onClose={() => setImporting(false)} />
        </OnceOpened>
      )}
      <QueryState query={summary}>
        {(figures) => (
          <div className="sb-stack" style={{ opacity: summary.isPlaceholderData ? 0.6 : 1 }}>
            <CityFigures
              summary={figures}
              active={filter.status}
              onStatus={(status) => setFilter({ status: status === filter.status ? undefined : status })}
            />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <Card title={t('quotas.byDistrict')} className="sb-chart-card" style={{ height: '100%' }}>
                  <DistrictChart summary={figures} onPick={(district) => setFilter({ district })} />
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card title={t('quotas.byIndustry')} className="sb-chart-card" style={{ height: '100%' }}>
                  <IndustryChart summary={figures} onPick={(industry) => setFilter({ industry })} />
                </Card>
              </Col>
            </Row>
            <QuotaTable filter={filter} industries={figures.byIndustry.map((g) => g.industry)} onFilter={setFilter} />
          </div>
        )}
      </QueryState>
    </div>
  );
}

function CityFigures({
  summary,
  active,
  onStatus,
}: {
  summary: QuotaSummary;
  active?: QuotaStatus;
  onStatus: (status: QuotaStatus) => void;
}) {
  const { t } = useTranslation();
  const percent = summary.required > 0 ? Math.min(100, Math.round((summary.hosted / summary.required) * 100)) : 0;
  return (
    <Row gutter={[16, 16]} data-testid="quota-figures">
      <Col xs={24} md={8} xl={8}>
        <Card className="sb-stat-card" style={{ height: '100%' }}>
          <Statistic title={t('quotas.enterprises')} value={summary.enterprises} data-testid="figure-enterprises" />
          <Typography.Text type="secondary">
            {t('quotas.hostedOfRequired', { hosted: summary.hosted, required: summary.required })}
          </Typography.Text>
          <Progress
            aria-label={t('quotas.hostedOfRequired', { hosted: summary.hosted, required: summary.required })}
            percent={percent}
            size="small"
            style={{ margin: 0 }}
          />
        </Card>
      </Col>
      {QUOTA_STATUSES.map((status) => (
        <Col xs={12} md={4} xl={4} key={status}>
          <Card
            hoverable
            className="sb-stat-card"
            style={{ height: '100%', borderColor: active === status ? QUOTA_STATUS_COLOR[status] : undefined }}
            onClick={() => onStatus(status)}
            data-testid={`status-card-${status}`}
            data-count={summary.byStatus[status]}
          >
            <Statistic
              title={quotaStatusLabel(t, status)}
              value={summary.byStatus[status]}
              styles={{ content: { color: QUOTA_STATUS_COLOR[status], whiteSpace: 'nowrap' } }}
              suffix={<span style={{ fontSize: 14 }}>{t('quotas.enterpriseUnit')}</span>}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function QuotaTable({
  filter,
  industries,
  onFilter,
}: {
  filter: QuotaFilter;
  industries: string[];
  onFilter: (next: Partial<QuotaFilter>) => void;
}) {
  const { t, i18n } = useTranslation();
  const pager = useCursorPager();
  const [open, setOpen] = useState<QuotaRow | null>(null);
  const key = useMemo(() => JSON.stringify(filter), [filter]);
  // A new filter starts from the first page.
  const { reset } = pager;
  useEffect(() => reset(), [key, reset]);
  const rows = useQuotaRows(filter, pager.cursor);
  const columns: ColumnsType<QuotaRow> = [
    {
      key: 'name',
      title: t('quotas.column.name'),
      render: (_, r) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setOpen(r)}
          data-testid="open-enterprise"
        >
          {r.name}
        </Button>
      ),
    },
    { key: 'district', title: t('quotas.column.district'), render: (_, r) => districtLabel(t, r.district), className: 'sb-nowrap' },
    { key: 'industry', title: t('quotas.column.industry'), render: (_, r) => industryLabel(t, r.industry) },
    { key: 'employees', title: t('quotas.column.employees'), align: 'right', render: (_, r) => formatNumber(r.employees, i18n.language) },
    { key: 'required', title: t('quotas.column.required'), dataIndex: 'required', align: 'right' },
    {
      key: 'hosted',
      title: t('quotas.column.hosted'),
      dataIndex: 'hosted',
      align: 'right',
      render: (n: number) => <span data-testid="hosted">{n}</span>,
    },
    { key: 'remaining', title: t('quotas.column.remaining'), dataIndex: 'remaining', align: 'right' },
    { key: 'cap', title: t('quotas.column.cap'), dataIndex: 'cap', align: 'right' },
    { key: 'status', title: t('quotas.column.status'), render: (_, r) => <QuotaStatusTag status={r.status} /> },
  ];
  return (
    <Card
      title={t('quotas.table')}
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('quotas.filter.district')}
            aria-label={t('quotas.filter.district')}
            style={{ width: 150 }}
            value={filter.district}
            onChange={(district?: string) => onFilter({ district })}
            options={districtOptions(t)}
            data-testid="filter-district"
          />
          <Select
            allowClear
            showSearch
            placeholder={t('quotas.filter.industry')}
            aria-label={t('quotas.filter.industry')}
            style={{ width: 170 }}
            value={filter.industry}
            onChange={(industry?: string) => onFilter({ industry })}
            options={industries.map((value) => ({ value, label: industryLabel(t, value) }))}
            data-testid="filter-industry"
          />
          <Select
            allowClear
            placeholder={t('quotas.filter.status')}
            aria-label={t('quotas.filter.status')}
            style={{ width: 130 }}
            value={filter.status}
            onChange={(status?: QuotaStatus) => onFilter({ status })}
            options={QUOTA_STATUSES.map((value) => ({ value, label: quotaStatusLabel(t, value) }))}
            data-testid="filter-status"
          />
        </Space>
      }
    >
      <QueryState query={rows}>
        {(page) => (
          <>
            <ResponsiveTable<QuotaRow>
              data-testid="quota-table"
              rowKey="enterpriseId"
              size="middle"
              pagination={false}
              scroll={{ x: 900 }}
              dataSource={page.items}
              columns={columns}
              locale={{ emptyText: t('quotas.empty') }}
              onRow={(r) => ({ 'data-enterprise': r.name }) as React.HTMLAttributes<HTMLElement>}
              style={{ opacity: rows.isPlaceholderData ? 0.6 : 1 }}
            />
            <CursorPager pager={pager} nextCursor={page.nextCursor} loading={rows.isFetching} />
          </>
        )}
      </QueryState>
      <OnceOpened open={open !== null}>
        <EnterpriseDrawer row={open} onClose={() => setOpen(null)} />
      </OnceOpened>
    </Card>
  );
}

/** 一键提醒: every enterprise of the remit that is behind, at most once a day each. */
function RemindBehind({ year, behind }: { year: number; behind: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const remind = useRemindEnterprises({
    onSuccess: ({ reminded, skipped }) => void message.success(t('quotas.reminded', { reminded, skipped })),
    onError: (error) => void message.error(problemText(error)),
  });
  return (
    <Popconfirm
      title={t('quotas.remindConfirmTitle')}
      description={t('quotas.remindConfirm', { n: behind })}
      okText={t('quotas.remindOk')}
      cancelText={t('common.cancel')}
      onConfirm={() => remind.mutateAsync({ year, status: 'behind' }).catch(() => undefined)}
      okButtonProps={{ 'data-testid': 'remind-confirm' } as Record<`data-${string}`, string>}
    >
      <Button icon={<BellOutlined />} danger loading={remind.isPending} disabled={behind === 0} data-testid="remind-behind">
        {t('quotas.remindBehind', { n: behind })}
      </Button>
    </Popconfirm>
  );
}

/** The export of what the officer sees: the filters in view, the screen's language (its headers and labels). */
function ExportButton({ filter }: { filter: QuotaFilter }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [busy, setBusy] = useState(false);
  // A phone has no hover: the menu opens on a tap.
  const isPhone = useIsPhone();
  const run = (format: 'csv' | 'xlsx') => {
    setBusy(true);
    quotasApi
      .export(filter, format, i18n.language === 'en' ? 'en' : 'zh-CN')
      .catch((error: unknown) => void message.error(problemText(error)))
      .finally(() => setBusy(false));
  };
  return (
    <Dropdown
      trigger={isPhone ? ['click'] : ['hover']}
      menu={{
        items: [
          { key: 'xlsx', label: <span data-testid="export-xlsx">{t('quotas.exportXlsx')}</span> },
          { key: 'csv', label: <span data-testid="export-csv">{t('quotas.exportCsv')}</span> },
        ],
        onClick: ({ key }) => run(key as 'csv' | 'xlsx'),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} data-testid="export-quotas">
        {t('quotas.export')}
      </Button>
    </Dropdown>
  );
}
