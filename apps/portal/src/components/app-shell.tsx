import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The signed-in frame's shell while the session is checked and the frame's code arrives: the same header bar
 * and footer as the shell in index.html (its classes, styled there), so the page goes from the shell to the
 * frame without showing a bare spinner in between.
 */
export function AppShell() {
  const { t } = useTranslation();
  return (
    <div className="sb-shell sb-shell-frame" data-testid="app-shell">
      <div className="sb-shell-header">
        <div className="sb-shell-brand">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>{t('app.name')}</span>
        </div>
      </div>
      <div className="sb-shell-page sb-center">
        <Spin size="large" />
      </div>
      <div className="sb-shell-footer">{t('app.footer')}</div>
    </div>
  );
}
