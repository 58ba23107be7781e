import accountEn from './account.en.json';
import en from './en.json';
import importsEn from './imports.en.json';
import practiceEn from './practice.en.json';
import quotasEn from './quotas.en.json';
import reviewEn from './review.en.json';
import roundsEn from './rounds.en.json';

/** The English strings: the main file, then each feature's own tree. Loaded only when English is chosen. */
export const MAIN_EN = en;
export const FEATURES_EN = {
  practice: practiceEn,
  quotas: quotasEn,
  imports: importsEn,
  rounds: roundsEn,
  account: accountEn,
  review: reviewEn,
};
export default { ...en, ...practiceEn, ...quotasEn, ...importsEn, ...roundsEn, ...accountEn, ...reviewEn };
