// Browser journeys through the portal: `npx jest -c apps/portal-e2e/jest.config.js`.
// Standalone, and also a project of the root jest config (which overrides rootDir).
const path = require('path');

module.exports = {
  displayName: 'portal-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // The contracts are read as source, like everywhere else in the workspace.
  moduleNameMapper: {
    '^@skillbridge/(contracts|domain)$': path.join(__dirname, '../../libs/$1/src/index.ts'),
    // The portal's router table (plain data): the phone sweep visits every route it lists.
    '^@skillbridge/portal-routes$': path.join(__dirname, '../portal/src/route-table.ts'),
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 60000,
};
