import EN, { FEATURES_EN, MAIN_EN } from './translations.en';
import ZH_CN, { FEATURES_ZH_CN, MAIN_ZH_CN } from './translations.zh-CN';

/**
 * The portal's strings in both languages, for the checks of locales.spec.ts: the main files, plus a pair of
 * files per feature that keeps its own tree (`practice.*`, `quotas.*`, `imports.*`, `rounds.*`, `account.*`, `inbox.*`, `agreements.*`).
 * A feature file holds only its tree, which the main files do not have. The portal itself loads one language
 * at a time (translations.<language>.ts, see index.ts).
 */
export const FEATURE_TRANSLATIONS = Object.fromEntries(
  (Object.keys(FEATURES_ZH_CN) as Array<keyof typeof FEATURES_ZH_CN>).map((feature) => [
    feature,
    { 'zh-CN': FEATURES_ZH_CN[feature], en: FEATURES_EN[feature] },
  ]),
) as { [F in keyof typeof FEATURES_ZH_CN]: { 'zh-CN': (typeof FEATURES_ZH_CN)[F]; en: (typeof FEATURES_EN)[F] } };

export const MAIN_TRANSLATIONS = { 'zh-CN': MAIN_ZH_CN, en: MAIN_EN };

export const TRANSLATIONS = { 'zh-CN': ZH_CN, en: EN };
