import { Alert } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
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
      if (error instanceof ApiError && i18n.exists(`practice.problem.${error.code}`)) return t(`practice.problem.${error.code}`, values ?? {});
      return general(error);
    },
    [t, i18n, general],
  );
}

export function PracticeProblemAlert({ error, values, testId }: { error: unknown; values?: Record<string, unknown>; testId?: string }) {
  const problemText = usePracticeProblemText();
  if (!error) return null;
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      data-code={error instanceof ApiError ? error.code : undefined}
      title={problemText(error, values)}
      description={
        fields.length > 0 ? (
          <ul className="sb-field-errors">
            {fields.map((e) => (
              <li key={`${e.field}:${e.message}`}>
                <code>{e.field}</code> {e.message}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
