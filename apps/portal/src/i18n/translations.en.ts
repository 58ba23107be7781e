import accountEn from './account.en.json';
import agreementsEn from './agreements.en.json';
import adminEn from './admin.en.json';
import en from './en.json';
import importsEn from './imports.en.json';
import inboxEn from './inbox.en.json';
import industryEn from './industry.en.json';
import majorsEn from './majors.en.json';
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
  majors: majorsEn,
  rounds: roundsEn,
  account: accountEn,
  admin: adminEn,
  industry: industryEn,
  inbox: inboxEn,
  review: reviewEn,
  agreements: agreementsEn,
};
export default {
  ...en,
  ...practiceEn,
  ...quotasEn,
  ...importsEn,
  ...majorsEn,
  ...roundsEn,
  ...accountEn,
  ...adminEn,
  ...industryEn,
  ...inboxEn,
  ...reviewEn,
  ...agreementsEn,
};
