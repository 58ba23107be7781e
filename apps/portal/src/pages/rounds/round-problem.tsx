import { Alert } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useProblemText } from '../../components/problem-text';

/** The refusals of match rounds in their own words (`rounds.problem.*`), before the portal's general ones. */
export function useRoundProblemText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const general = useProblemText();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && i18n.exists(`rounds.problem.${error.code}`))
        return t(`rounds.problem.${error.code}`, { ...(error.problem.facts ?? {}) });
      return general(error);
    },
    [t, i18n, general],
  );
}

export function RoundProblemAlert({ error, testId }: { error: unknown; testId?: string }) {
  const problemText = useRoundProblemText();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      data-code={error instanceof ApiError ? error.code : undefined}
      title={problemText(error)}
      style={{ marginTop: 12 }}
    />
  );
}
