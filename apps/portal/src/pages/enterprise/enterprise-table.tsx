import { SearchOutlined } from '@ant-design/icons';
import type { EnterpriseView, VerificationStatus } from '@skillbridge/contracts';
import { Input, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnterprises } from '../../api/enterprises.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { districtLabel, districtOptions, industryLabel, ownershipLabel } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { ResponsiveTable } from '../../components/responsive-table';
import { formatNumber } from '../../components/figures';

const LIMIT = 20;

/** The newest year an enterprise stated its headcount for. */
export const latestHeadcount = (enterprise: EnterpriseView) =>
  enterprise.headcounts.reduce<EnterpriseView['headcounts'][number] | undefined>(
    (latest, h) => (!latest || h.year > latest.year ? h : latest),
    undefined,
  );

/**
 * `GET /enterprises`: a page of the caller's remit, searchable by name or USCC and district.
 * Used by the bureaus (their remit) and the platform admin (the verification queue).
 */
export function EnterpriseTable({
  verification,
  action,
  hide = [],
  testId = 'enterprises-table',
}: {
  verification?: VerificationStatus;
  /** Keys of columns this view does without. */
  hide?: Array<'ownership' | 'industry' | 'employees' | 'requiredIntake'>;
  action?: { title: string; render: (enterprise: EnterpriseView) => ReactNode };
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const pager = useCursorPager();
  const [q, setQ] = useState('');
  const [district, setDistrict] = useState<string | undefined>();
  const query = { cursor: pager.cursor, limit: LIMIT, q: q || undefined, district, verification };
  const enterprises = useEnterprises(query);

  const columns: ColumnsType<EnterpriseView> = [
    {
      key: 'name',
      title: t('enterprise.name'),
      dataIndex: 'name',
      width: 230,
      render: (name: string, e) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          {e.verification === 'unverified' && <Tag color="warning">{t('verification.unverified')}</Tag>}
          {e.verification === 'refused' && (
            <Typography.Text type="danger" data-testid={`refusal-${e.id}`}>
              {t('verification.refused')}: {e.refusalReason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'uscc',
      title: t('enterprise.uscc'),
      dataIndex: 'uscc',
      width: 190,
      render: (uscc: string) => <Typography.Text code>{uscc}</Typography.Text>,
    },
    {
      key: 'ownership',
      title: t('enterprise.ownership'),
      dataIndex: 'ownership',
      width: 120,
      render: (o: EnterpriseView['ownership']) => ownershipLabel(t, o),
    },
    { key: 'industry', title: t('enterprise.industry'), dataIndex: 'industry', width: 110, render: (i: string) => industryLabel(t, i) },
    { key: 'district', title: t('enterprise.district'), dataIndex: 'district', width: 150, render: (d: string) => districtLabel(t, d) },
    {
      key: 'employees',
      title: t('enterprise.latestHeadcount'),
      align: 'right',
      width: 130,
      render: (_, e) => {
        const latest = latestHeadcount(e);
        return latest
          ? t('enterprise.headcountInYear', { employees: formatNumber(latest.employees, i18n.language), year: latest.year })
          : '—';
      },
    },
    {
      key: 'requiredIntake',
      title: t('enterprise.requiredIntake'),
      align: 'right',
      width: 130,
      render: (_, e) => {
        const latest = latestHeadcount(e);
        return latest ? <Typography.Text strong>{latest.requiredIntake}</Typography.Text> : '—';
      },
    },
  ];
  const shown = columns.filter((column) => !hide.includes(column.key as (typeof hide)[number]));
  if (action) shown.push({ key: 'action', title: action.title, width: 100, fixed: 'right', render: (_, e) => action.render(e) });

  return (
    <div data-testid={testId}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('enterprise.searchPlaceholder')}
          aria-label={t('enterprise.searchPlaceholder')}
          style={{ width: 300 }}
          onSearch={(value) => {
            setQ(value.trim());
            pager.reset();
          }}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('enterprise.allDistricts')}
          aria-label={t('enterprise.allDistricts')}
          options={districtOptions(t)}
          value={district}
          onChange={(value?: string) => {
            setDistrict(value);
            pager.reset();
          }}
        />
      </Space>
      {enterprises.error && <ProblemAlert error={enterprises.error} />}
      <ResponsiveTable<EnterpriseView>
        rowKey="id"
        size="middle"
        loading={enterprises.isFetching}
        dataSource={enterprises.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={shown}
      />
      <CursorPager pager={pager} nextCursor={enterprises.data?.nextCursor} loading={enterprises.isFetching} />
    </div>
  );
}
