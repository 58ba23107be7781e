import { useTranslation } from 'react-i18next';

/** Logo and name of the platform. */
export function Brand({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="sb-brand">
      <img src="/favicon.svg" alt="" />
      <span>
        {t('app.name')}
        {!compact && (
          <>
            <br />
            <small>{t('app.tagline')}</small>
          </>
        )}
      </span>
    </div>
  );
}
