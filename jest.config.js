// Every test of the workspace in one run: `npm test` (scripts/test.mjs) brings up PostgreSQL and Redis first.
const fs = require('fs');
const preset = require('./jest.preset');
const e2e = './apps/portal-e2e/jest.config.js';

const unit = (name, dir) => ({
  ...preset,
  displayName: name,
  rootDir: dir,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
const integration = (name, dir) => ({
  ...preset,
  displayName: `${name}:int`,
  rootDir: dir,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
});

module.exports = {
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  testTimeout: 30000,
  projects: [
    unit('domain', 'libs/domain'),
    unit('db', 'libs/db'),
    unit('match-rounds', 'libs/match-rounds'),
    unit('jobs', 'libs/jobs'),
    unit('notifications', 'libs/notifications'),
    unit('runtime', 'libs/runtime'),
    unit('agreement-documents', 'libs/agreement-documents'),
    unit('api', 'apps/api'),
    unit('worker', 'apps/worker'),
    unit('portal', 'apps/portal'),
    // The house's lint rules (tools/eslint): RuleTester, and the layer rules through ESLint's Node API.
    { ...preset, displayName: 'lint', rootDir: 'tools/eslint', testMatch: ['<rootDir>/*.spec.ts'] },
    // Static checks of docker/ and deploy/k8s (nothing here can start a container or a cluster).
    { ...preset, displayName: 'deploy', rootDir: 'deploy', testMatch: ['<rootDir>/**/*.spec.ts'] },
    integration('db', 'libs/db'),
    integration('db-cli', 'libs/db-cli'),
    integration('api', 'apps/api'),
    integration('worker', 'apps/worker'),
    ...(fs.existsSync(e2e) ? [{ ...require(e2e), rootDir: 'apps/portal-e2e', displayName: 'portal-e2e' }] : []),
  ],
};
