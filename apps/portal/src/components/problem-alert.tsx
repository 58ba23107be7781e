import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { ApiError } from '../api/client';
import { useProblemText } from './problem-text';

/**
 * A failed call, as an alert; field errors not shown beside their fields are listed under it.
 * `text` words the problem when a feature has words of its own for some codes.
 */
export function ProblemAlert({
  error,
  fieldsShown = [],
  testId,
  text,
  style,
}: {
  error: unknown;
  fieldsShown?: string[];
  testId?: string;
  text?: (error: unknown) => string;
  style?: CSSProperties;
}) {
  const general = useProblemText();
  const problemText = text ?? general;
  if (!error) return null;
  const rest = error instanceof ApiError ? (error.problem.errors ?? []).filter((e) => !fieldsShown.includes(e.field)) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      data-code={error instanceof ApiError ? error.code : undefined}
      title={problemText(error)}
      style={style}
      description={
        rest.length > 0 ? (
          <ul className="sb-field-errors">
            {rest.map((e) => (
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
