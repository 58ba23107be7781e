import { Alert } from 'antd';
import { ApiError } from '../api/client';
import { useProblemText } from './problem-text';

/** A failed call, as an alert; field errors not shown beside their fields are listed under it. */
export function ProblemAlert({ error, fieldsShown = [], testId }: { error: unknown; fieldsShown?: string[]; testId?: string }) {
  const problemText = useProblemText();
  if (!error) return null;
  const rest = error instanceof ApiError ? (error.problem.errors ?? []).filter((e) => !fieldsShown.includes(e.field)) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      title={problemText(error)}
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
