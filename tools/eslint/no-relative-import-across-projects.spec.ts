import { Linter, RuleTester } from 'eslint';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import rule from './rules/no-relative-import-across-projects';

const root = path.resolve(__dirname, '../..');
const options = [{ root }];
const at = (file: string) => path.join(root, file);
const across = [{ messageId: 'acrossProjects' }];

const sut = new RuleTester({ languageOptions: { parser: tseslint.parser } });

sut.run('no-relative-import-across-projects', rule, {
  valid: [
    // Inside one project, however deep.
    { code: "import { SlotsService } from '../slots/slots.service';", filename: at('apps/api/src/applications/x.ts'), options },
    { code: "import { main } from '../src/main';", filename: at('apps/worker/test/x.int-spec.ts'), options },
    // Shared test support and package names are not relative reaches into a project.
    { code: "import { TestApi } from '../../../test/support/test-api';", filename: at('apps/api/test/x.int-spec.ts'), options },
    { code: "import { remitOf } from '@skillbridge/domain';", filename: at('apps/api/src/x.ts'), options },
    // Files outside the projects drive them.
    { code: "const { createDataSource } = require('../libs/db/dist');", filename: at('test/global-setup.js'), options },
    {
      code: "import { PORTAL_SECURITY_HEADERS } from '../apps/portal/security-headers';",
      filename: at('deploy/manifests.spec.ts'),
      options,
    },
  ],
  invalid: [
    {
      code: "import { hostileXlsx } from '../../worker/src/imports/hostile-xlsx';",
      filename: at('apps/api/test/x.int-spec.ts'),
      options,
      errors: across,
    },
    {
      code: "import { newUscc } from '../../../libs/domain/src/uscc';",
      filename: at('apps/portal/src/pages/x.tsx'),
      options,
      errors: across,
    },
    { code: "export * from '../../../apps/api/src/errors';", filename: at('libs/db/src/x.ts'), options, errors: across },
    { code: "export { Slot } from '../../db/src/entities';", filename: at('libs/domain/src/x.ts'), options, errors: across },
    { code: "const api = await import('../../api/src/main');", filename: at('apps/worker/src/x.ts'), options, errors: across },
    { code: "const db = require('../../../libs/db/src');", filename: at('apps/portal/src/x.js'), options, errors: across },
    { code: "import db = require('../../../libs/db/src');", filename: at('apps/portal/src/x.ts'), options, errors: across },
  ],
});

// The same rule through ESLint's own Linter, as the repository's config runs it.
describe('no-relative-import-across-projects in a lint run', () => {
  it('refuses a reach from the API into the worker, and allows a package name', () => {
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config = {
      files: ['**/*.ts'],
      plugins: { local: { rules: { 'no-relative-import-across-projects': rule } } },
      rules: { 'local/no-relative-import-across-projects': ['error', { root }] },
    };
    const reach = "const { hostileXlsx } = require('../../worker/src/imports/hostile-xlsx');\nimport '../../worker/src/main';";
    expect(linter.verify(reach, config, at('apps/api/test/x.int-spec.ts')).map((m) => m.messageId)).toContain('acrossProjects');
    expect(linter.verify("import '@skillbridge/domain';", config, at('apps/api/test/x.int-spec.ts'))).toEqual([]);
  });
});
