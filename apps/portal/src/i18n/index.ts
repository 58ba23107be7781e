import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import en from './en.json';
import practiceEn from './practice.en.json';
import practiceZhCN from './practice.zh-CN.json';
import roundsEn from './rounds.en.json';
import roundsZhCN from './rounds.zh-CN.json';
import zhCN from './zh-CN.json';

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

void i18n.use(initReactI18next).init({
  // Teacher practice (`practice.*`) and match rounds (`rounds.*`) keep their strings in files of their own.
  resources: { 'zh-CN': { translation: { ...zhCN, ...practiceZhCN, ...roundsZhCN } }, en: { translation: { ...en, ...practiceEn, ...roundsEn } } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
  returnNull: false,
});

apply(i18n.language);
i18n.on('languageChanged', apply);

export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
