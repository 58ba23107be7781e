import { ProblemAlert } from '../../components/problem-alert';
import { useFeatureProblemText } from '../../components/problem-text';

/** The refusals of match rounds in their own words (`rounds.problem.*`), before the portal's general ones. */
export const useRoundProblemText = (): ((error: unknown) => string) => useFeatureProblemText('rounds');

export function RoundProblemAlert({ error, testId }: { error: unknown; testId?: string }) {
  const problemText = useRoundProblemText();
  return <ProblemAlert error={error} testId={testId} text={problemText} style={{ marginTop: 12 }} />;
}
