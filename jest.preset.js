// Shared by every project's jest config: TypeScript through SWC, with decorator metadata for Nest and TypeORM.
const fs = require('fs');
const path = require('path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const root = __dirname;
// Every library of ours: libs/<name>, the package @skillbridge/<name>.
const LIBRARIES = fs
  .readdirSync(path.join(root, 'libs'), { withFileTypes: true })
  .flatMap((entry) => (entry.isDirectory() ? [entry.name] : []));

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  // Tests run against the libraries' sources, not their build.
  moduleNameMapper: { [`^@skillbridge/(${LIBRARIES.join('|')})$`]: path.join(root, 'libs/$1/src/index.ts') },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
