import { SearchOutlined, UploadOutlined } from '@ant-design/icons';
import type { MajorView } from '@skillbridge/contracts';
import { Button, Card, Input, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { majorsApi } from '../../api/majors.api';
import { majorImport, useMajors } from '../../api/majors.hooks';
import { ImportDrawer, type ImportSource } from '../../components/import-drawer';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { ResponsiveTable } from '../../components/responsive-table';
import { currentLanguage } from '../../i18n';

/** How many majors the page lists for a fragment: enough to browse, the catalogue's 1,349 by searching. */
const SHOWN = 50;

/**
 * 专业目录: the national vocational major catalogue every form and filter picks from; the platform
 * admin keeps it by importing the catalogue file (all rows or none, with a row report).
 */
export default function MajorsPage() {
  const { t } = useTranslation();
  const [fragment, setFragment] = useState('');
  const [importing, setImporting] = useState(false);
  const majors = useMajors(fragment, undefined, SHOWN);
  const source: ImportSource = {
    target: majorImport(),
    template: { download: () => majorsApi.template(currentLanguage()), fileName: t('majors.page.templateFile') },
  };
  return (
    <div data-testid="majors-page">
      <PageTitle
        title={t('majors.page.title')}
        subtitle={t('majors.page.subtitle')}
        extra={
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-majors">
            {t('majors.page.import')}
          </Button>
        }
      />
      <Card>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('majors.page.search')}
          aria-label={t('majors.page.search')}
          value={fragment}
          onChange={(e) => setFragment(e.target.value)}
          style={{ marginBottom: 16 }}
          data-testid="majors-search"
        />
        {majors.error && <ProblemAlert error={majors.error} />}
        <ResponsiveTable<MajorView>
          data-testid="majors-table"
          rowKey="code"
          size="middle"
          loading={majors.isPending}
          dataSource={majors.data ?? []}
          pagination={false}
          columns={[
            { key: 'code', title: t('majors.page.code'), width: 110, dataIndex: 'code' },
            { key: 'nameZh', title: t('majors.page.nameZh'), dataIndex: 'nameZh' },
            { key: 'nameEn', title: t('majors.page.nameEn'), dataIndex: 'nameEn' },
            { key: 'level', title: t('majors.page.level'), width: 150, render: (_, m) => <Tag>{t(`majors.level.${m.level}`)}</Tag> },
            {
              key: 'category',
              title: t('majors.page.category'),
              width: 140,
              // The catalogue's 专业类, as the imported file names it (the catalogue has no English for it).
              render: (_: unknown, m: { category: string }) => <span data-user-entered="true">{m.category}</span>,
            },
          ]}
        />
      </Card>
      <ImportDrawer
        open={importing}
        onClose={() => setImporting(false)}
        title={t('majors.page.importTitle')}
        intro={t('majors.page.importIntro')}
        source={source}
        done={(run) => ({ title: t('majors.page.importDone', { count: run.importedRows }) })}
      />
    </div>
  );
}
