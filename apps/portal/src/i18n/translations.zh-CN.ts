import accountZhCN from './account.zh-CN.json';
import agreementsZhCN from './agreements.zh-CN.json';
import adminZhCN from './admin.zh-CN.json';
import importsZhCN from './imports.zh-CN.json';
import inboxZhCN from './inbox.zh-CN.json';
import industryZhCN from './industry.zh-CN.json';
import majorsZhCN from './majors.zh-CN.json';
import practiceZhCN from './practice.zh-CN.json';
import quotasZhCN from './quotas.zh-CN.json';
import reviewZhCN from './review.zh-CN.json';
import roundsZhCN from './rounds.zh-CN.json';
import zhCN from './zh-CN.json';

/** The zh-CN strings: the main file, then each feature's own tree. */
export const MAIN_ZH_CN = zhCN;
export const FEATURES_ZH_CN = {
  practice: practiceZhCN,
  quotas: quotasZhCN,
  imports: importsZhCN,
  majors: majorsZhCN,
  rounds: roundsZhCN,
  account: accountZhCN,
  admin: adminZhCN,
  industry: industryZhCN,
  inbox: inboxZhCN,
  review: reviewZhCN,
  agreements: agreementsZhCN,
};
export default {
  ...zhCN,
  ...practiceZhCN,
  ...quotasZhCN,
  ...importsZhCN,
  ...majorsZhCN,
  ...roundsZhCN,
  ...accountZhCN,
  ...adminZhCN,
  ...industryZhCN,
  ...inboxZhCN,
  ...reviewZhCN,
  ...agreementsZhCN,
};
