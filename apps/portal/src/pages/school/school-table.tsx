import type { SchoolView } from '@skillbridge/contracts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSchools } from '../../api/schools.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { districtLabel, schoolLevelLabel } from '../../components/labels';
import { ProblemAlert } from '../../components/problem-alert';
import { ResponsiveTable } from '../../components/responsive-table';

const LIMIT = 20;

/** `GET /schools`: the schools of the caller's remit (EDU officers, the platform admin). */
export function SchoolTable({ testId = 'schools-table' }: { testId?: string }) {
  const { t } = useTranslation();
  const pager = useCursorPager();
  const query = { cursor: pager.cursor, limit: LIMIT };
  const schools = useSchools(query);

  return (
    <div data-testid={testId}>
      {schools.error && <ProblemAlert error={schools.error} />}
      <ResponsiveTable<SchoolView>
        rowKey="id"
        size="middle"
        loading={schools.isFetching}
        dataSource={schools.data?.items ?? []}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          {
            key: 'name',
            title: t('school.name'),
            dataIndex: 'name',
            render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
          },
          {
            key: 'level',
            title: t('school.level'),
            dataIndex: 'level',
            width: 140,
            render: (level: SchoolView['level']) => <Tag color={level === 'higher' ? 'purple' : 'cyan'}>{schoolLevelLabel(t, level)}</Tag>,
          },
          { key: 'district', title: t('school.district'), dataIndex: 'district', width: 160, render: (d: string) => districtLabel(t, d) },
          { key: 'createdAt', title: t('school.createdAt'), dataIndex: 'createdAt', width: 140, render: (at: string) => at.slice(0, 10) },
        ]}
      />
      <CursorPager pager={pager} nextCursor={schools.data?.nextCursor} loading={schools.isFetching} />
    </div>
  );
}
