import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ProblemAlert } from '../../components/problem-alert';
import { useProblemText } from '../../components/problem-text';

/**
 * The refusals of teacher practice in words that fit a booking (`practice.problem.*`), before the
 * portal's general ones; `values` fill a message's blanks (e.g. BOOKING_TOO_SHORT's days).
 */
export function usePracticeProblemText(): (error: unknown, values?: Record<string, unknown>) => string {
  const { t, i18n } = useTranslation();
  const general = useProblemText();
  return useCallback(
    (error: unknown, values?: Record<string, unknown>) => {
      if (error instanceof ApiError && i18n.exists(`practice.problem.${error.code}`))
        return t(`practice.problem.${error.code}`, { ...(error.problem.facts ?? {}), ...(values ?? {}) });
      return general(error);
    },
    [t, i18n, general],
  );
}

export function PracticeProblemAlert({ error, values, testId }: { error: unknown; values?: Record<string, unknown>; testId?: string }) {
  const problemText = usePracticeProblemText();
  return <ProblemAlert error={error} testId={testId} text={(e) => problemText(e, values)} />;
}
