import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { importsApi } from '../../api/imports.api';
import { headcountImport } from '../../api/imports.hooks';
import { ImportDrawer, type ImportSource } from '../../components/import-drawer';
import { currentLanguage } from '../../i18n';

/**
 * 职工人数导入 (§13): the MIIT or SASAC officer downloads the year's headcount file of the remit,
 * corrects it and uploads it back; once written, the quotas follow the new headcounts.
 */
export function HeadcountImportDrawer({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const source: ImportSource = {
    target: headcountImport(year),
    template: {
      download: () => importsApi.headcountTemplate(year, currentLanguage()),
      fileName: t('quotas.import.templateFile', { year }),
      label: t('quotas.import.template', { year }),
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
