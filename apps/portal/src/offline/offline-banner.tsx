import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOnline } from './online-status';

/**
 * A thin banner across the top while the device is offline: what is on screen may be old, and a form
 * sent now will fail (its draft is kept). Lists refetch on their own when the network is back.
 */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return <Alert banner type="warning" showIcon role="status" title={t('offline.banner')} data-testid="offline-banner" />;
}
