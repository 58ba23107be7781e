import { DownloadOutlined, InboxOutlined, KeyOutlined } from '@ant-design/icons';
import { IMPORT_FINISHED, type ImportErrorView, type ImportView } from '@skillbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, List, Progress, Radio, Result, Space, Table, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../../api/client';
import { importsApi, type PeopleImportKind } from '../../api/imports.api';
import { queryKeys } from '../../api/query-keys';
import { ProblemAlert } from '../../components/problem-alert';
import { currentLanguage } from '../../i18n';

/** How often the progress is asked for while the worker runs the import. */
const POLL_MS = 500;
const MAX_ROWS = 200_000;

const percentOf = (run: ImportView): number => {
  if (run.status === 'done') return 100;
  if (!run.totalRows) return run.status === 'queued' ? 0 : Math.min(99, Math.round(run.processedRows / 1000));
  return Math.min(99, Math.floor((run.processedRows / run.totalRows) * 100));
};

/**
 * 批量导入: pick students or teachers, upload a CSV or XLSX, watch the worker's progress; then
 * either the row-by-row report of a rejected file (nothing was written) or the activation codes.
 */
export function ImportDrawer({ schoolId, open, initialKind, onClose }: { schoolId: string; open: boolean; initialKind: PeopleImportKind; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<PeopleImportKind>(initialKind);
  const [importId, setImportId] = useState<string | null>(null);

  useEffect(() => {
    if (open && !importId) setKind(initialKind);
  }, [open, initialKind, importId]);

  const start = useMutation({
    mutationFn: (file: File) => importsApi.start(schoolId, kind, file),
    onSuccess: (run) => setImportId(run.id),
  });
  const run = useQuery({
    queryKey: queryKeys.importRun(importId ?? ''),
    queryFn: () => importsApi.get(importId ?? ''),
    enabled: !!importId,
    refetchInterval: (query) => (query.state.data && IMPORT_FINISHED.includes(query.state.data.status) ? false : POLL_MS),
  });
  const recent = useQuery({ queryKey: queryKeys.schoolImports(schoolId), queryFn: () => importsApi.list(schoolId), enabled: open && !importId });
  const status = run.data?.status;
  useEffect(() => {
    // The new people show in the tables once the import is done.
    if (status === 'done') void queryClient.invalidateQueries({ queryKey: ['schools', schoolId] });
    if (status && IMPORT_FINISHED.includes(status)) void queryClient.invalidateQueries({ queryKey: queryKeys.schoolImports(schoolId) });
  }, [status, schoolId, queryClient]);

  const template = useMutation({
    mutationFn: () => importsApi.template(kind, currentLanguage()),
    onSuccess: (blob) => saveFile(blob, `${kind}-template.csv`),
  });
  const codes = useMutation({
    mutationFn: (id: string) => importsApi.activationCodes(id),
    onSuccess: (blob, id) => {
      saveFile(blob, `activation-codes-${id.slice(0, 8)}.csv`);
      void run.refetch();
    },
  });

  const reset = () => {
    setImportId(null);
    start.reset();
    codes.reset();
  };
  const close = () => {
    if (run.data && IMPORT_FINISHED.includes(run.data.status)) reset();
    onClose();
  };

  return (
    <Drawer open={open} onClose={close} title={t('imports.title')} size={720} data-testid="import-drawer">
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
        <Space wrap>
          <Typography.Text strong>{t('imports.kind')}</Typography.Text>
          <Radio.Group
            value={kind}
            onChange={(event) => setKind(event.target.value as PeopleImportKind)}
            disabled={!!importId}
            optionType="button"
            options={[
              { value: 'students', label: t('imports.kinds.students') },
              { value: 'teachers', label: t('imports.kinds.teachers') },
            ]}
            data-testid="import-kind"
          />
          <Button icon={<DownloadOutlined />} onClick={() => template.mutate()} loading={template.isPending} data-testid="import-template">
            {t('imports.template')}
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

        {run.data && <ImportOutcome run={run.data} onCodes={() => codes.mutate(run.data.id)} codesPending={codes.isPending} />}
        {codes.error && <ProblemAlert error={codes.error} />}
        {run.data && IMPORT_FINISHED.includes(run.data.status) && (
          <Button onClick={reset} data-testid="import-again">
            {t('imports.again')}
          </Button>
        )}
        {!importId && !!recent.data?.items.length && (
          <div data-testid="import-recent">
            <Typography.Title level={5}>{t('imports.recent')}</Typography.Title>
            <List
              size="small"
              dataSource={recent.data.items}
              renderItem={(item) => (
                <List.Item actions={[<Button key="open" type="link" size="small" onClick={() => setImportId(item.id)}>{t('imports.open')}</Button>]}>
                  <Typography.Text>{item.fileName}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t(`imports.kinds.${item.kind === 'teachers' ? 'teachers' : 'students'}`)} · {t(`imports.status.${item.status}`)} · {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
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

function ImportOutcome({ run, onCodes, codesPending }: { run: ImportView; onCodes: () => void; codesPending: boolean }) {
  const { t } = useTranslation();
  const percent = percentOf(run);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-run" data-status={run.status}>
      <div>
        <Typography.Text strong data-testid="import-status">
          {run.fileName} · {t(`imports.status.${run.status}`)}
        </Typography.Text>
        <Progress
          percent={percent}
          status={run.status === 'rejected' || run.status === 'failed' ? 'exception' : run.status === 'done' ? 'success' : 'active'}
          data-testid="import-progress"
          data-percent={percent}
        />
        {run.totalRows !== null && (
          <Typography.Text type="secondary">{t('imports.progress', { processed: run.processedRows.toLocaleString(), total: run.totalRows.toLocaleString() })}</Typography.Text>
        )}
      </div>
      {run.status === 'done' && (
        <Result
          status="success"
          title={<span data-testid="import-done">{t('imports.done', { count: run.importedRows })}</span>}
          subTitle={
            <>
              {t('imports.codesHint')}
              {run.pendingActivations !== undefined && <div>{t('imports.pending', { count: run.pendingActivations })}</div>}
            </>
          }
          extra={
            run.pendingActivations ? (
              <Button type="primary" icon={<KeyOutlined />} onClick={onCodes} loading={codesPending} data-testid="import-codes">
                {t('imports.codes')}
              </Button>
            ) : undefined
          }
        />
      )}
      {run.status === 'failed' && <Alert type="error" showIcon title={t('imports.failed')} />}
      {run.status === 'rejected' && <ImportErrors run={run} />}
    </Space>
  );
}

function ImportErrors({ run }: { run: ImportView }) {
  const { t } = useTranslation();
  const fieldLabel = (field: string | null) => (field ? t(`imports.field.${field}`, { defaultValue: field }) : t('imports.wholeFile'));
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={<span data-testid="import-rejected">{t('imports.rejected', { count: run.errorCount })}</span>}
        description={run.errorCount > run.errors.length ? t('imports.rejectedMore', { shown: run.errors.length }) : undefined}
      />
      <Table<ImportErrorView>
        data-testid="import-errors"
        size="small"
        rowKey={(e) => `${e.line}/${e.field}/${e.reason}`}
        dataSource={run.errors}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(e) => ({ 'data-testid': 'import-error-row', 'data-line': e.line, 'data-field': e.field ?? '', 'data-reason': e.reason }) as HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'line', title: t('imports.errors.line'), dataIndex: 'line', width: 80, render: (line: number) => (line > 0 ? line : '—') },
          { key: 'field', title: t('imports.errors.field'), width: 140, render: (_, e) => fieldLabel(e.field) },
          { key: 'reason', title: t('imports.errors.reason'), render: (_, e) => t(`imports.reason.${e.reason}`, { defaultValue: e.reason, max: MAX_ROWS.toLocaleString() }) },
          { key: 'value', title: t('imports.errors.value'), dataIndex: 'value', ellipsis: true, render: (value?: string) => value ?? '' },
        ]}
      />
    </>
  );
}
