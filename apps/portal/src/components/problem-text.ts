import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

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
          const minutes = error.retryAfterSeconds ? Math.ceil(error.retryAfterSeconds / 60) : undefined;
          return minutes ? t(`${key}_retry`, { minutes }) : t(key, { ...(error.problem.facts ?? {}) });
        }
        return error.problem.detail || error.problem.title || t('problem.UNKNOWN');
      }
      return t('problem.UNKNOWN');
    },
    [t, i18n],
  );
}
