import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { importsApi } from '../../api/imports.api';
import { queryKeys } from '../../api/query-keys';
import { quotaKeys } from '../../api/quotas.api';
import { ImportDrawer, type ImportSource } from '../../components/import-drawer';
import { currentLanguage } from '../../i18n';

/**
 * 职工人数导入 (§13): the MIIT or SASAC officer downloads the year's headcount file of the remit,
 * corrects it and uploads it back; once written, the quotas follow the new headcounts.
 */
export function HeadcountImportDrawer({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const source: ImportSource = {
    start: (file) => importsApi.startHeadcounts(year, file),
    recent: { queryKey: queryKeys.headcountImports, queryFn: importsApi.listHeadcounts },
    template: {
      download: () => importsApi.headcountTemplate(year, currentLanguage()),
      fileName: t('quotas.import.templateFile', { year }),
      label: t('quotas.import.template', { year }),
    },
    // Required intake, cap and status are the headcount's: every figure of the dashboard may change.
    onDone: () => {
      void queryClient.invalidateQueries({ queryKey: quotaKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.enterprisesAll });
    },
  };
  return (
    <ImportDrawer
      open={open}
      onClose={onClose}
      title={t('quotas.import.title')}
      intro={t('quotas.import.intro', { year })}
      source={source}
      done={(run, { close }) => ({
        title: t('quotas.import.done', { count: run.importedRows }),
        subTitle: t('quotas.import.doneHint'),
        extra: (
          <Button type="primary" onClick={close} data-testid="import-see-quotas">
            {t('quotas.import.seeQuotas')}
          </Button>
        ),
      })}
    />
  );
}
