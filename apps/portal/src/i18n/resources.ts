import accountEn from './account.en.json';
import accountZhCN from './account.zh-CN.json';
import en from './en.json';
import importsEn from './imports.en.json';
import importsZhCN from './imports.zh-CN.json';
import practiceEn from './practice.en.json';
import practiceZhCN from './practice.zh-CN.json';
import quotasEn from './quotas.en.json';
import quotasZhCN from './quotas.zh-CN.json';
import roundsEn from './rounds.en.json';
import roundsZhCN from './rounds.zh-CN.json';
import zhCN from './zh-CN.json';

/**
 * The portal's strings: the main files, plus a pair of files per feature that keeps its own tree
 * (`practice.*`, `quotas.*`, `imports.*`, `rounds.*`, `account.*`). A feature file holds only its tree, which the main files do not have.
 */
export const FEATURE_TRANSLATIONS = {
  practice: { 'zh-CN': practiceZhCN, en: practiceEn },
  quotas: { 'zh-CN': quotasZhCN, en: quotasEn },
  imports: { 'zh-CN': importsZhCN, en: importsEn },
  rounds: { 'zh-CN': roundsZhCN, en: roundsEn },
  account: { 'zh-CN': accountZhCN, en: accountEn },
};

export const MAIN_TRANSLATIONS = { 'zh-CN': zhCN, en };

const merged = (language: 'zh-CN' | 'en') =>
  Object.values(FEATURE_TRANSLATIONS).reduce((all, feature) => ({ ...all, ...feature[language] }), { ...MAIN_TRANSLATIONS[language] });

export const TRANSLATIONS = { 'zh-CN': merged('zh-CN'), en: merged('en') };
