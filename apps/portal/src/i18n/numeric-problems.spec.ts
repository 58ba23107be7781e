import { NUMERIC_PROBLEM_FACTS } from '@skillbridge/contracts';
import { FEATURE_TRANSLATIONS, TRANSLATIONS } from './resources';

type Tree = { [key: string]: string | Tree };

/** The text a page shows for a code: a feature's own `<feature>.problem.<code>` first, else `problem.<code>`. */
function textOf(tree: Tree, code: string): string | undefined {
  for (const feature of Object.keys(FEATURE_TRANSLATIONS)) {
    const own = ((tree[feature] as Tree | undefined)?.problem as Tree | undefined)?.[code];
    if (typeof own === 'string') return own;
  }
  const main = (tree.problem as Tree)[code];
  return typeof main === 'string' ? main : undefined;
}

/** `{{floor}}` and `{{floor, number}}` both show the fact `floor`. */
const shown = (text: string) => new Set([...text.matchAll(/{{\s*(\w+)\s*(?:,[^}]*)?}}/g)].map((m) => m[1]));

describe('refusals of numeric rules show their numbers', () => {
  it.each(Object.entries(TRANSLATIONS))(
    '%s: every numeric refusal’s text shows each of its facts (a rate by its percentage)',
    (_, tree) => {
      const lacking = Object.entries(NUMERIC_PROBLEM_FACTS).flatMap(([code, facts]) => {
        const text = textOf(tree as unknown as Tree, code) ?? '';
        const names = shown(text);
        return facts
          .filter((fact) => !names.has(fact) && !(fact.endsWith('Rate') && names.has(fact.replace(/Rate$/, 'Percent'))))
          .map((fact) => `${code}.${fact}`);
      });
      expect(lacking).toEqual([]);
    },
  );
});
