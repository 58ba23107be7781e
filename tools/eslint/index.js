// @ts-check
'use strict';

/** SkillBridge's own lint rules (`skillbridge/…` in eslint.config.mjs); each file says why it exists. */
module.exports = {
  meta: { name: 'eslint-plugin-skillbridge' },
  rules: {
    'no-sql-assembly': require('./rules/no-sql-assembly'),
    'no-relative-import-across-projects': require('./rules/no-relative-import-across-projects'),
  },
};
