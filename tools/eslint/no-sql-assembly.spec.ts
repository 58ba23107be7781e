import { Linter, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import rule from './rules/no-sql-assembly';

// RuleTester reports through jest's describe/it; TypeScript syntax (`as`, generics) through typescript-eslint's parser.
const sut = new RuleTester({ languageOptions: { parser: tseslint.parser } });

const assembled = [{ messageId: 'assembled' }];

sut.run('no-sql-assembly', rule, {
  valid: [
    // A plain string, and a template without substitutions (the house's multi-line statements).
    "db.query('SELECT id FROM slots WHERE id = $1', [id]);",
    'tx.query(`UPDATE deliveries SET status = $2\n  WHERE id = $1`, [id, status]);',
    // Named statement constants, declared here or imported.
    "const ACCEPT_SQL = 'UPDATE applications SET status = $2 WHERE id = $1';\npreparedQuery(db, 'accept', ACCEPT_SQL, [id, 'accepted']);",
    "import { ACCEPT_SQL } from './accept.sql';\npreparedQuery<Outcome>(this.db, 'accept', ACCEPT_SQL, values);",
    "const listSlots = statement('slots.of-enterprise', 'SELECT id FROM slots WHERE enterprise_id = $1');",
    "const named = statement(`slots.${'list'}`, 'SELECT id FROM slots');",
    // A choice between two fixed statements is not assembly.
    "db.query(last ? 'UPDATE imports SET status = $2' : `UPDATE imports SET status = 'queued'`, [id]);",
    // The checked argument only: preparedQuery's name (second) may be computed, a query's values may be anything.
    'preparedQuery(db, `accept-${kind}`, ACCEPT_SQL, [`${a}-${b}`]);',
    "db.query('SELECT 1 WHERE $1', [prefix + id]);",
    // A parameter's or an import's text is decided where it is written, and checked there.
    'function run(db, sql) { return db.query(sql); }',
    // pg's config form with fixed text; other objects (a query string of an HTTP client) are left alone.
    "pool.query({ name: 'slot', text: 'SELECT 1', values: [] });",
    'request.query({ page: `${n}` });',
    // Not a checked call: a bare query(), or a method named otherwise.
    'query(`SELECT ${x}`);',
    'builder.where(`${alias}.id = :id`, { id });',
    // A destructured binding is not the initialiser's text.
    'const { text } = `${a}`; db.query(text);',
  ],
  invalid: [
    { code: 'db.query(`SELECT * FROM slots WHERE id = ${id}`);', errors: assembled },
    { code: "db.query('SELECT * FROM slots WHERE id = ' + id);", errors: assembled },
    { code: "db.query(TEMPLATE.replace('$TABLE', table));", errors: assembled },
    { code: "db.query(TEMPLATE.replaceAll('$TABLE', table));", errors: assembled },
    { code: 'preparedQuery(db, "accept", `UPDATE applications SET status = ${status}`, []);', errors: assembled },
    { code: "preparedQuery<Row>(this.db, 'accept', 'SELECT ' + columns + ' FROM slots', []);", errors: assembled },
    { code: "statement('slots.columns', `SELECT ${columns} FROM slots`);", errors: assembled },
    { code: "const listSlots = statement('slots.list', BASE.replace('%WHERE%', where));", errors: assembled },
    // Through a variable of the same file, also by way of another, under `as`, or appended to.
    { code: 'const sql = `SELECT * FROM ${table}`;\nawait db.query(sql, []);', errors: assembled },
    { code: "const where = 'WHERE ' + condition;\nconst sql = where;\ndb.query(sql);", errors: assembled },
    { code: 'const sql = `SELECT ${a}` as string;\ndb.query(sql as string);', errors: assembled },
    { code: "let sql = 'SELECT * FROM slots';\nif (open) sql += ' WHERE open';\ndb.query(sql);", errors: assembled },
    { code: "let sql = 'SELECT 1';\nsql = `SELECT ${x}`;\ndb.query(sql);", errors: assembled },
    // Either branch of a choice, the pg config form, and optional chaining.
    { code: "db.query(all ? 'SELECT * FROM slots' : `SELECT * FROM slots WHERE id = ${id}`);", errors: assembled },
    { code: "client.query({ name: 'x', text: 'SELECT ' + columns, values: [] });", errors: assembled },
    { code: 'this.db?.query(`DELETE FROM ${table}`);', errors: assembled },
    {
      code: 'const sql = `SELECT ${x}`;\ndb.query(sql);',
      errors: [{ message: /from a template literal with substitutions \(in `sql`\)/ }],
    },
  ],
});

// The same rule through ESLint's own Linter, as the repository's config runs it: one report, on the call.
describe('no-sql-assembly in a lint run', () => {
  it('reports a query assembled from a template once, and leaves a parameterised one alone', () => {
    const linter = new Linter({ configType: 'flat' });
    const config = { plugins: { local: { rules: { 'no-sql-assembly': rule } } }, rules: { 'local/no-sql-assembly': 'error' as const } };
    expect(linter.verify('db.query(`SELECT id FROM slots WHERE id = ${id}`);', config).map((m) => m.messageId)).toEqual(['assembled']);
    expect(linter.verify("db.query('SELECT id FROM slots WHERE id = $1', [id]);", config)).toEqual([]);
  });
});
