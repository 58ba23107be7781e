import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../i18n';

/** 中文 / English, remembered on this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      data-testid="language-switch"
      size="small"
      aria-label={t('language.label')}
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      onChange={changeLanguage}
    />
  );
}
