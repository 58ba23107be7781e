import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Keyset cursors are base64url: a dot never occurs in one, so the pages seen are kept as one parameter. */
const PAGES = 'pages';
const SEPARATOR = '.';

/**
 * A search page's words, filters and page kept in the address (`?q=…&major=…&pages=…`): a reload
 * keeps them, Back goes to the search or page before, and a search can be linked to. Each change is
 * one history entry; a change of the search starts again at its first page. `keys` names the
 * filters; the pages are the cursors of the pages walked through, since the API only gives the next.
 */
export function useUrlSearch<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () => Object.fromEntries(keys.map((key) => [key, params.get(key) || undefined])) as Partial<Record<K, string>>,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the keys are a constant of the page
    [params],
  );
  const cursors = useMemo(() => (params.get(PAGES) ?? '').split(SEPARATOR).filter(Boolean), [params]);

  /** Sets (or with undefined, removes) some filters; back to the first page. */
  const apply = useCallback(
    (change: Partial<Record<K, string | undefined>>) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(change) as Array<[K, string | undefined]>) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        next.delete(PAGES);
        return next;
      }),
    [setParams],
  );

  const goTo = useCallback(
    (pages: string[]) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (pages.length) next.set(PAGES, pages.join(SEPARATOR));
        else next.delete(PAGES);
        return next;
      }),
    [setParams],
  );

  const pager = useMemo(
    () => ({
      cursor: cursors.at(-1),
      page: cursors.length,
      next: (cursor: string) => goTo([...cursors, cursor]),
      previous: () => goTo(cursors.slice(0, -1)),
      reset: () => goTo([]),
    }),
    [cursors, goTo],
  );

  return { filters, apply, pager };
}
