// Lints source text as if it were the file at a given path of the repository, with the repository's own
// eslint.config.mjs: the layer rules depend on where a file is. Used by layers.spec.ts, in a process of its
// own because ESLint loads its config with import(), which jest's module system does not offer.
// stdin: [{ "filePath": "apps/api/src/…", "text": "…" }]; stdout: [{ "filePath", "messages": [{ "ruleId", "line", "message" }] }].
import { ESLint } from 'eslint';
import path from 'node:path';
import { text } from 'node:stream/consumers';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
const files = JSON.parse(await text(process.stdin));
const linted = [];
for (const { filePath, text: source } of files) {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, filePath), warnIgnored: true });
  linted.push({ filePath, messages: result.messages.map(({ ruleId, line, message }) => ({ ruleId, line, message })) });
}
process.stdout.write(JSON.stringify(linted));
