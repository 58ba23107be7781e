import { KeyOutlined } from '@ant-design/icons';
import { PEOPLE_IMPORT_KINDS, type ImportView, type PeopleImportKind } from '@skillbridge/contracts';
import { Button, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../../api/client';
import { importsApi } from '../../api/imports.api';
import { peopleImport, useActivationCodes } from '../../api/imports.hooks';
import { ImportDrawer, type ImportSource } from '../../components/import-drawer';
import { ProblemAlert } from '../../components/problem-alert';
import { currentLanguage } from '../../i18n';

/**
 * 批量导入 of a school's people: pick students or teachers, upload the file; once written, the
 * activation codes of the new accounts.
 */
export function PeopleImportDrawer({
  schoolId,
  open,
  initialKind,
  onClose,
}: {
  schoolId: string;
  open: boolean;
  initialKind: PeopleImportKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PeopleImportKind>(initialKind);
  const [running, setRunning] = useState(false);

  // Opened from the teachers' tab, it imports teachers; an import already shown keeps its kind.
  useEffect(() => {
    if (open && !running) setKind(initialKind);
  }, [open, initialKind, running]);

  const source: ImportSource = {
    target: peopleImport(schoolId, kind),
    template: { download: () => importsApi.template(kind, currentLanguage()), fileName: `${kind}-template.csv` },
  };

  return (
    <ImportDrawer
      open={open}
      onClose={onClose}
      title={t('imports.title')}
      intro={t('imports.intro')}
      source={source}
      onRunning={setRunning}
      settings={(locked) => (
        <>
          <Typography.Text strong>{t('imports.kind')}</Typography.Text>
          <Radio.Group
            value={kind}
            onChange={(event) => setKind(event.target.value as PeopleImportKind)}
            disabled={locked}
            optionType="button"
            options={PEOPLE_IMPORT_KINDS.map((value) => ({ value, label: t(`imports.kinds.${value}`) }))}
            data-testid="import-kind"
          />
        </>
      )}
      done={(run) => ({
        subTitle: (
          <>
            {t('imports.codesHint')}
            {run.pendingActivations !== undefined && <div>{t('imports.pending', { count: run.pendingActivations })}</div>}
          </>
        ),
        extra: run.pendingActivations ? <ActivationCodes run={run} /> : undefined,
      })}
    />
  );
}

/** New one-time codes for the import's accounts not yet activated, as a CSV; earlier codes stop working. */
function ActivationCodes({ run }: { run: ImportView }) {
  const { t } = useTranslation();
  const codes = useActivationCodes(run.id, { onSuccess: (blob) => saveFile(blob, `activation-codes-${run.id.slice(0, 8)}.csv`) });
  return (
    <Space orientation="vertical">
      <Button type="primary" icon={<KeyOutlined />} onClick={() => codes.mutate()} loading={codes.isPending} data-testid="import-codes">
        {t('imports.codes')}
      </Button>
      {codes.error && <ProblemAlert error={codes.error} />}
    </Space>
  );
}
