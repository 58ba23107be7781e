import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * A refusal whose facts leave a number unknown (null: no headcount stated yet) is worded by its
 * `<code>_missing` text when there is one, which does not show that number.
 */
export function factsKey(key: string, error: ApiError, exists: (key: string) => boolean): string {
  const facts = error.problem.facts ?? {};
  return Object.values(facts).some((value) => value === null) && exists(`${key}_missing`) ? `${key}_missing` : key;
}

/**
 * What to tell the user about a failed call: the translation of the problem's stable `code` when
 * the portal knows it — with the numbers of the broken rule (`facts`) in it — else the API's own `detail`.
 */
export function useProblemText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const key = `problem.${error.code}`;
        if (i18n.exists(key)) {
          const seconds = error.retryAfterSeconds;
          // The sign-in throttle asks for seconds; the other limits for minutes.
          if (seconds && seconds < 120 && i18n.exists(`${key}_retrySeconds`)) return t(`${key}_retrySeconds`, { seconds });
          if (seconds) return t(`${key}_retry`, { minutes: Math.ceil(seconds / 60) });
          return t(factsKey(key, error, i18n.exists), { ...(error.problem.facts ?? {}) });
        }
        return error.problem.detail || error.problem.title || t('problem.UNKNOWN');
      }
      return t('problem.UNKNOWN');
    },
    [t, i18n],
  );
}

/**
 * A feature's refusals in its own words (`<feature>.problem.<code>`, e.g. `rounds.problem.*`), with the numbers of the
 * broken rule, before the portal's general ones.
 */
export function useFeatureProblemText(feature: string): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const general = useProblemText();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && i18n.exists(`${feature}.problem.${error.code}`))
        return t(`${feature}.problem.${error.code}`, { ...(error.problem.facts ?? {}) });
      return general(error);
    },
    [feature, t, i18n, general],
  );
}
