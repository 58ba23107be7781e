import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { IMPORT_FINISHED, type ImportErrorView, type ImportView } from '@skillbridge/contracts';
import { Alert, Button, Drawer, List, Progress, Result, Space, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFileDownload, useImportRun, useRecentImports, useStartImport, type ImportTarget } from '../api/imports.hooks';
import { ProblemAlert } from './problem-alert';
import { ResponsiveTable } from './responsive-table';
import { usePanelWidth } from './use-is-phone';
import { formatNumber } from './figures';

const MAX_ROWS = 200_000;

const percentOf = (run: ImportView): number => {
  if (run.status === 'done') return 100;
  if (!run.totalRows) return run.status === 'queued' ? 0 : Math.min(99, Math.round(run.processedRows / 1000));
  return Math.min(99, Math.floor((run.processedRows / run.totalRows) * 100));
};

/** One kind of bulk import as the drawer sees it: where the file goes (and what it changes), its template. */
export interface ImportSource {
  target: ImportTarget;
  template: { download: () => Promise<Blob>; fileName: string; label?: ReactNode };
}

/** More of the success summary, the source's own: the school's activation codes, the bureau's quotas. */
export interface ImportDone {
  title?: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
}

/**
 * 批量导入: upload a CSV or XLSX, watch the worker's progress; then either the row-by-row report
 * of a rejected file (nothing was written) or the summary of a written one. The school's people
 * and the bureaus' headcounts go through it alike.
 */
export function ImportDrawer({
  open,
  onClose,
  title,
  intro,
  source,
  settings,
  done,
  onRunning,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  intro: ReactNode;
  source: ImportSource;
  /** Choices beside the template (the school's students or teachers); `locked` once a file is sent. */
  settings?: (locked: boolean) => ReactNode;
  /** `close` closes the drawer as its close button does. */
  done?: (run: ImportView, actions: { close: () => void }) => ImportDone;
  /** Told whether an import is shown (sent or reopened), so that settings stay as they were for it. */
  onRunning?: (running: boolean) => void;
}) {
  const width = usePanelWidth(720); // the whole window on a phone
  const { t } = useTranslation();
  const [importId, setImportId] = useState<string | null>(null);

  useEffect(() => onRunning?.(!!importId), [importId, onRunning]);

  const start = useStartImport(source.target, { onSuccess: (run) => setImportId(run.id) });
  const run = useImportRun(importId, source.target);
  const recent = useRecentImports(source.target, open && !importId);
  const template = useFileDownload(source.template.download, source.template.fileName);

  const reset = () => {
    setImportId(null);
    start.reset();
  };
  const close = () => {
    if (run.data && IMPORT_FINISHED.includes(run.data.status)) reset();
    onClose();
  };

  return (
    <Drawer open={open} onClose={close} title={title} size={width} data-testid="import-drawer">
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {intro}
        </Typography.Paragraph>
        <Space wrap>
          {settings?.(!!importId)}
          <Button icon={<DownloadOutlined />} onClick={() => template.mutate()} loading={template.isPending} data-testid="import-template">
            {source.template.label ?? t('imports.template')}
          </Button>
        </Space>
        {template.error && <ProblemAlert error={template.error} />}

        {!importId && (
          <div data-testid="import-upload">
            <Upload.Dragger
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              showUploadList={false}
              disabled={start.isPending}
              beforeUpload={(file) => {
                start.mutate(file);
                return false; // sent by the mutation, not by Upload's own request
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{start.isPending ? t('imports.uploading') : t('imports.choose')}</p>
              <p className="ant-upload-hint">{t('imports.formats')}</p>
            </Upload.Dragger>
          </div>
        )}
        {start.error && <ProblemAlert error={start.error} />}
        {run.error && <ProblemAlert error={run.error} />}

        {run.data && <ImportOutcome run={run.data} done={done?.(run.data, { close })} />}
        {run.data && IMPORT_FINISHED.includes(run.data.status) && (
          <Button onClick={reset} data-testid="import-again" type={run.data.status === 'failed' ? 'primary' : 'default'}>
            {t(run.data.status === 'failed' ? 'imports.uploadAgain' : 'imports.again')}
          </Button>
        )}
        {!importId && !!recent.data?.items.length && (
          <div data-testid="import-recent">
            <Typography.Title level={5}>{t('imports.recent')}</Typography.Title>
            <List
              size="small"
              dataSource={recent.data.items}
              renderItem={(item) => (
                <List.Item
                  actions={[
                    <Button key="open" type="link" size="small" onClick={() => setImportId(item.id)}>
                      {t('imports.open')}
                    </Button>,
                  ]}
                >
                  <Typography.Text>{item.fileName}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t(`imports.kinds.${item.kind}`)} · {t(`imports.status.${item.status}`)} ·{' '}
                    {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </div>
        )}
      </Space>
    </Drawer>
  );
}

function ImportOutcome({ run, done }: { run: ImportView; done?: ImportDone }) {
  const { t, i18n } = useTranslation();
  const percent = percentOf(run);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-run" data-status={run.status}>
      <div>
        <Typography.Text strong data-testid="import-status">
          {run.fileName} · {t(`imports.status.${run.status}`)}
        </Typography.Text>
        <Progress
          aria-label={t(`imports.status.${run.status}`)}
          percent={percent}
          status={run.status === 'rejected' || run.status === 'failed' ? 'exception' : run.status === 'done' ? 'success' : 'active'}
          data-testid="import-progress"
          data-percent={percent}
        />
        {run.totalRows !== null && (
          <Typography.Text type="secondary">
            {t('imports.progress', {
              processed: formatNumber(run.processedRows, i18n.language),
              total: formatNumber(run.totalRows, i18n.language),
            })}
          </Typography.Text>
        )}
      </div>
      {run.status === 'done' && (
        <Result
          status="success"
          title={<span data-testid="import-done">{done?.title ?? t('imports.done', { count: run.importedRows })}</span>}
          subTitle={done?.subTitle}
          extra={done?.extra}
        />
      )}
      {run.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          data-testid="import-failed"
          data-reason={run.failureReason ?? ''}
          title={t('imports.failed')}
          description={t(`imports.failureReason.${run.failureReason ?? 'INTERNAL_ERROR'}`)}
        />
      )}
      {run.status === 'rejected' && <ImportErrors run={run} />}
    </Space>
  );
}

function ImportErrors({ run }: { run: ImportView }) {
  const { t, i18n } = useTranslation();
  const fieldLabel = (field: string | null) => (field ? t(`imports.field.${field}`, { defaultValue: field }) : t('imports.wholeFile'));
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={<span data-testid="import-rejected">{t('imports.rejected', { count: run.errorCount })}</span>}
        description={run.errorCount > run.errors.length ? t('imports.rejectedMore', { shown: run.errors.length }) : undefined}
      />
      <ResponsiveTable<ImportErrorView>
        data-testid="import-errors"
        size="small"
        rowKey={(e) => `${e.line}/${e.field}/${e.reason}`}
        dataSource={run.errors}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(e) =>
          ({
            'data-testid': 'import-error-row',
            'data-line': e.line,
            'data-field': e.field ?? '',
            'data-reason': e.reason,
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          { key: 'line', title: t('imports.errors.line'), dataIndex: 'line', width: 80, render: (line: number) => (line > 0 ? line : '—') },
          { key: 'field', title: t('imports.errors.field'), width: 140, render: (_, e) => fieldLabel(e.field) },
          {
            key: 'reason',
            title: t('imports.errors.reason'),
            render: (_, e) => t(`imports.reason.${e.reason}`, { defaultValue: e.reason, max: formatNumber(MAX_ROWS, i18n.language) }),
          },
          { key: 'value', title: t('imports.errors.value'), dataIndex: 'value', ellipsis: true, render: (value?: string) => value ?? '' },
        ]}
      />
    </>
  );
}
