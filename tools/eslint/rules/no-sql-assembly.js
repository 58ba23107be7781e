// @ts-check
'use strict';

/**
 * No SQL assembled from strings (style.md, "SQL"): the text of a statement is fixed and its values
 * travel as parameters ($1, $2 …), so no input can change what the statement does and PostgreSQL can
 * plan it once. Dynamic filters, sorting and keyset pages go through the query builder instead.
 *
 * Checks the SQL argument of `x.query(sql, …)`, `preparedQuery(db, name, sql, …)` and
 * `statement(name, sql, …)` (and the `text` of pg's `x.query({ text, values })`). It is reported when it is
 * a template literal with substitutions, a `+` expression or a `.replace(…)` call, directly or
 * through a variable of the same file bound (or `+=`-appended) to one.
 */

/** @typedef {import('estree').Node} Node */
/** @typedef {import('estree').Expression} Expression */
/** @typedef {import('eslint').Scope.Scope} Scope */
/** @typedef {import('eslint').Scope.Variable} Variable */

/** Which argument of each checked call holds the SQL text. */
const SQL_ARGUMENT = { query: 0, statement: 1, preparedQuery: 2 };

/** How far a chain of variables (`const a = b; const b = \`…\``) is followed before giving up. */
const MAX_ALIAS_DEPTH = 5;

/**
 * @param {Node} callee
 * @returns {string | undefined} the checked name this call goes by, if any
 */
function checkedName(callee) {
  // `query` only as a method (`db.query`, `tx.query`): a bare `query(…)` is usually something else.
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    return Object.hasOwn(SQL_ARGUMENT, callee.property.name) ? callee.property.name : undefined;
  }
  if (callee.type === 'Identifier' && (callee.name === 'preparedQuery' || callee.name === 'statement')) return callee.name;
  return undefined;
}

/**
 * Strips what does not change the value: TypeScript's `as`, `!`, `satisfies`, `<T>x`, and parentheses
 * (which the AST already drops).
 * @param {Node} node
 * @returns {Node}
 */
function unwrap(node) {
  let current = /** @type {Node & { expression?: Node }} */ (node);
  while (
    ['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion'].includes(current.type) &&
    current.expression
  ) {
    current = /** @type {Node & { expression?: Node }} */ (current.expression);
  }
  return current;
}

/**
 * @param {Scope} scope
 * @param {string} name
 * @returns {Variable | undefined}
 */
function findVariable(scope, name) {
  for (let current = /** @type {Scope | null} */ (scope); current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/**
 * @param {import('eslint').SourceCode} sourceCode
 * @param {Node} node the SQL argument, or an expression a variable of it was bound to
 * @param {number} depth
 * @returns {string | undefined} how the text is assembled, when it is
 */
function assembly(sourceCode, node, depth) {
  const value = unwrap(node);
  switch (value.type) {
    case 'TemplateLiteral':
      return value.expressions.length > 0 ? 'a template literal with substitutions' : undefined;
    case 'BinaryExpression':
      return value.operator === '+' ? 'a `+` concatenation' : undefined;
    case 'CallExpression': {
      const callee = value.callee;
      const isReplace =
        callee.type === 'MemberExpression' &&
        !callee.computed &&
        callee.property.type === 'Identifier' &&
        (callee.property.name === 'replace' || callee.property.name === 'replaceAll');
      return isReplace ? 'a `.replace(…)` call' : undefined;
    }
    case 'ConditionalExpression':
      return assembly(sourceCode, value.consequent, depth) ?? assembly(sourceCode, value.alternate, depth);
    case 'Identifier':
      return depth < MAX_ALIAS_DEPTH ? assemblyOfVariable(sourceCode, value, depth + 1) : undefined;
    default:
      return undefined;
  }
}

/**
 * What a variable was bound to in this file: its initialiser and every later assignment; `+=` on it
 * is itself concatenation. Parameters and imports are not followed (their text is decided elsewhere).
 * @param {import('eslint').SourceCode} sourceCode
 * @param {import('estree').Identifier} identifier
 * @param {number} depth
 * @returns {string | undefined}
 */
function assemblyOfVariable(sourceCode, identifier, depth) {
  const variable = findVariable(sourceCode.getScope(identifier), identifier.name);
  if (!variable) return undefined;
  for (const definition of variable.defs) {
    // Only `const sql = …`: in `const { a } = b` the initialiser is not the variable's value.
    if (definition.type !== 'Variable' || definition.node.id.type !== 'Identifier' || !definition.node.init) continue;
    const how = assembly(sourceCode, definition.node.init, depth);
    if (how) return `${how} (in \`${identifier.name}\`)`;
  }
  for (const reference of variable.references) {
    const parent = /** @type {Node & { parent?: Node }} */ (reference.identifier).parent;
    if (parent?.type === 'AssignmentExpression' && parent.left === reference.identifier) {
      if (parent.operator === '+=') return `a \`+=\` concatenation (on \`${identifier.name}\`)`;
      if (parent.operator === '=') {
        const how = assembly(sourceCode, parent.right, depth);
        if (how) return `${how} (in \`${identifier.name}\`)`;
      }
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid SQL text assembled from strings: values go as parameters, statements are fixed text' },
    schema: [],
    messages: {
      assembled:
        'SQL text of `{{call}}` is assembled from {{how}}: keep the statement fixed text, pass values as parameters ($1 …), ' +
        'and build dynamic conditions with the query builder.',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      CallExpression(node) {
        const name = checkedName(node.callee);
        if (!name) return;
        let argument = /** @type {Node | undefined} */ (node.arguments[SQL_ARGUMENT[/** @type {keyof typeof SQL_ARGUMENT} */ (name)]]);
        if (!argument || argument.type === 'SpreadElement') return;
        argument = unwrap(argument);
        // pg's config form: `client.query({ name, text, values })`.
        if (argument.type === 'ObjectExpression') {
          const text = argument.properties.find(
            (property) =>
              property.type === 'Property' && !property.computed && property.key.type === 'Identifier' && property.key.name === 'text',
          );
          if (!text || text.type !== 'Property') return;
          argument = text.value;
        }
        const how = assembly(sourceCode, argument, 0);
        // Reported on the call, so that an `eslint-disable-next-line` with its reason sits above the statement.
        if (how) context.report({ node, messageId: 'assembled', data: { call: name, how } });
      },
    };
  },
};
