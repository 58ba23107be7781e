import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isNetworkFailure } from './query-retry';
import type { FormDraftHandle } from './use-form-draft';

/**
 * What became of the form's draft: kept on this device when the submit failed for want of a network,
 * or put back when the form reopened. Nothing when there is neither.
 */
export function FormDraftNotice<T>({ draft, error }: { draft: FormDraftHandle<T>; error: unknown }) {
  const { t } = useTranslation();
  if (isNetworkFailure(error)) {
    return (
      <Alert type="warning" showIcon role="status" title={t('offline.draftKept')} data-testid="draft-kept" style={{ marginBottom: 16 }} />
    );
  }
  if (!draft.restored) return null;
  return <Alert type="info" showIcon title={t('offline.draftRestored')} data-testid="draft-restored" style={{ marginBottom: 16 }} />;
}
