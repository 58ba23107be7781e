// @ts-check
'use strict';

const path = require('node:path');

/**
 * Layers (style.md, "one direction of dependency"): a relative import stays inside its own project
 * (`apps/<name>` or `libs/<name>`). Another project is reached only by its package name
 * (`@skillbridge/…`), which `no-restricted-imports` checks per layer; a `../../worker/src/…` path
 * would slip past those checks and past the other project's build.
 * Files outside the projects (`test/`, `scripts/`, `bench/`) may reach into them: they drive them.
 */

/** @typedef {import('estree').Node} Node */

/**
 * @param {string} root absolute path of the repository
 * @param {string[]} projectFolders folders whose sub-folders are projects
 * @param {string} file absolute path
 * @returns {string | undefined} `apps/api`, `libs/db` … or undefined outside the projects
 */
function projectOf(root, projectFolders, file) {
  const [folder, name] = path.relative(root, file).split(path.sep);
  return folder && name && projectFolders.includes(folder) ? `${folder}/${name}` : undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid relative imports that leave their project: projects use each other by package name' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          projectFolders: { type: 'array', items: { type: 'string' } },
        },
        required: ['root'],
        additionalProperties: false,
      },
    ],
    messages: {
      acrossProjects:
        '`{{specifier}}` reaches from {{from}} into {{to}}: use another project by its package name (@skillbridge/…), ' +
        'which the layer rules allow or forbid.',
    },
  },
  create(context) {
    const { root, projectFolders = ['apps', 'libs'] } = /** @type {{ root: string, projectFolders?: string[] }} */ (context.options[0]);
    const from = projectOf(root, projectFolders, context.filename);
    if (!from) return {};

    /** @param {Node | null | undefined} source */
    function check(source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = projectOf(root, projectFolders, path.resolve(path.dirname(context.filename), source.value));
      if (to && to !== from) context.report({ node: source, messageId: 'acrossProjects', data: { specifier: source.value, from, to } });
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(/** @type {Node} */ (node.arguments[0]));
      },
      /** `import x = require('…')` in TypeScript. @param {any} node */
      TSExternalModuleReference: (node) => check(node.expression),
    };
  },
};
