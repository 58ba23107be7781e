// Unit tests of the portal (no browser): `npx jest -c apps/portal/jest.config.cjs`.
const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'portal',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
