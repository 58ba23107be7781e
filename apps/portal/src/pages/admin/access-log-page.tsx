import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { ACCESS_LOG_ACTOR_ROLES, type AccessLogEntryView, type Role } from '@skillbridge/contracts';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, PAGE, type AccessLogFilter } from '../../api/admin.api';
import { useAccessLog } from '../../api/admin.hooks';
import { CursorPager, useCursorPager } from '../../components/cursor-pager';
import { formatDateTime, roleLabel } from '../../components/labels';
import { PageTitle } from '../../components/page-title';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';
import { ResponsiveTable } from '../../components/responsive-table';

/** What the product logs reads of (the `what` of each `logPersonalDataAccess`); a newer kind shows as it is. */
export const ACCESS_KINDS = ['applications.list', 'applications.get', 'placements', 'schools.students', 'match-rounds.applicants'] as const;

interface FilterForm {
  actor?: string;
  subject?: string;
  actorRole?: string;
  what?: string;
  days?: [Dayjs | null, Dayjs | null] | null;
}

const filterOf = (form: FilterForm): AccessLogFilter => ({
  actor: form.actor?.trim() || undefined,
  subject: form.subject?.trim() || undefined,
  actorRole: form.actorRole || undefined,
  what: form.what || undefined,
  from: form.days?.[0]?.format('YYYY-MM-DD'),
  to: form.days?.[1]?.format('YYYY-MM-DD'),
});

/** 个人信息访问记录: who read whose personal data, what and why — searched by reader, person, role, kind and days, and exported. */
export default function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<AccessLogFilter>({});
  const pager = useCursorPager();
  const log = useAccessLog(filter, pager.cursor ? Number(pager.cursor) : undefined);
  const items = log.data?.items ?? [];
  const nextCursor = items.length === PAGE ? String(items[items.length - 1].id) : null;
  const whatLabel = (what: string) => t(`admin.accessLog.kind.${what}`, { defaultValue: what });

  const columns: ColumnsType<AccessLogEntryView> = [
    { key: 'at', title: t('admin.accessLog.at'), width: 160, render: (_, e) => formatDateTime(e.at) },
    {
      key: 'actor',
      title: t('admin.accessLog.actor'),
      width: 240,
      render: (_, e) => (
        <div>
          <span data-user-entered="true">{e.actorName ?? e.actorEmail}</span> <Tag>{roleLabel(t, e.actorRole as Role)}</Tag>
          <br />
          <Typography.Text type="secondary">{e.actorEmail}</Typography.Text>
        </div>
      ),
    },
    {
      key: 'subject',
      title: t('admin.accessLog.subject'),
      width: 140,
      render: (_, e) => (e.subjectName ? <span data-user-entered="true">{e.subjectName}</span> : <Tag>{t('admin.accessLog.removed')}</Tag>),
    },
    { key: 'what', title: t('admin.accessLog.what'), width: 200, render: (_, e) => whatLabel(e.what) },
    {
      key: 'why',
      title: t('admin.accessLog.why'),
      render: (_, e) => t(`admin.accessLog.purpose.${e.what}`, { defaultValue: e.why }),
    },
  ];

  return (
    <div data-testid="access-log-page">
      <PageTitle
        title={t('admin.accessLog.title')}
        subtitle={t('admin.accessLog.subtitle')}
        extra={<ExportButton filter={filter} language={i18n.language === 'en' ? 'en' : 'zh-CN'} />}
      />
      <Card>
        <div className="sb-stack">
          <Form<FilterForm>
            form={form}
            name="access-log-filter"
            layout="inline"
            className="sb-filter-form"
            onFinish={(values) => {
              pager.reset();
              setFilter(filterOf(values));
            }}
          >
            <Form.Item name="actor" label={t('admin.accessLog.filter.actor')}>
              <Input allowClear placeholder={t('admin.accessLog.filter.actorPlaceholder')} data-testid="access-log-actor" />
            </Form.Item>
            <Form.Item name="subject" label={t('admin.accessLog.filter.subject')}>
              <Input allowClear placeholder={t('admin.accessLog.filter.subjectPlaceholder')} data-testid="access-log-subject" />
            </Form.Item>
            <Form.Item name="actorRole" label={t('admin.accessLog.filter.role')}>
              <Select
                allowClear
                style={{ minWidth: 160 }}
                placeholder={t('common.all')}
                options={ACCESS_LOG_ACTOR_ROLES.map((role) => ({ value: role, label: roleLabel(t, role) }))}
                data-testid="access-log-role"
              />
            </Form.Item>
            <Form.Item name="what" label={t('admin.accessLog.filter.what')}>
              <Select
                allowClear
                style={{ minWidth: 200 }}
                placeholder={t('common.all')}
                options={ACCESS_KINDS.map((what) => ({ value: what, label: whatLabel(what) }))}
                data-testid="access-log-what"
              />
            </Form.Item>
            <Form.Item name="days" label={t('admin.accessLog.filter.days')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="access-log-days" />
            </Form.Item>
            <Form.Item>
              <Space wrap>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="access-log-search">
                  {t('admin.accessLog.filter.search')}
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    pager.reset();
                    setFilter({});
                  }}
                >
                  {t('admin.accessLog.filter.clear')}
                </Button>
              </Space>
            </Form.Item>
          </Form>
          {log.error && <ProblemAlert error={log.error} />}
          <ResponsiveTable<AccessLogEntryView>
            data-testid="access-log-table"
            rowKey="id"
            size="middle"
            loading={log.isPending}
            dataSource={items}
            columns={columns}
            pagination={false}
            scroll={{ x: 960 }}
            style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}
            locale={{ emptyText: t('admin.accessLog.empty') }}
          />
          <CursorPager pager={pager} nextCursor={nextCursor} loading={log.isFetching} />
        </div>
      </Card>
    </div>
  );
}

/** The entries the search finds as a CSV file, headed in the page's language. */
function ExportButton({ filter, language }: { filter: AccessLogFilter; language: 'zh-CN' | 'en' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      data-testid="export-access-log"
      onClick={() => {
        setBusy(true);
        adminApi
          .exportAccessLog(filter, language)
          .catch((error: unknown) => void message.error(problemText(error)))
          .finally(() => setBusy(false));
      }}
    >
      {t('admin.accessLog.export')}
    </Button>
  );
}
