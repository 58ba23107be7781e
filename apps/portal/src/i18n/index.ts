import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import ZH_CN from './translations.zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'skillbridge.language';

/** zh-CN unless the user chose otherwise on this browser. */
function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function apply(language: string): void {
  document.documentElement.lang = language;
  document.title = i18n.t('app.documentTitle');
  setApiLanguage(language);
}

/**
 * zh-CN, the default and the fallback, is in the first download; English arrives as a chunk of its own when
 * it is chosen (or was, on this browser), so nobody downloads both.
 */
async function ensureLoaded(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    i18n.addResourceBundle('en', 'translation', (await import('./translations.en')).default);
  }
}

const initial = storedLanguage();
await i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: ZH_CN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

// The first render waits for a stored English (top-level await), rather than flashing Chinese first.
await ensureLoaded(initial);
if (initial !== 'zh-CN') await i18n.changeLanguage(initial);
apply(i18n.language);
i18n.on('languageChanged', apply);

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void ensureLoaded(language).then(() => i18n.changeLanguage(language));
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
