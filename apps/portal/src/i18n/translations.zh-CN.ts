import accountZhCN from './account.zh-CN.json';
import importsZhCN from './imports.zh-CN.json';
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
  rounds: roundsZhCN,
  account: accountZhCN,
  review: reviewZhCN,
};
export default { ...zhCN, ...practiceZhCN, ...quotasZhCN, ...importsZhCN, ...roundsZhCN, ...accountZhCN, ...reviewZhCN };
