import { Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from './problem-text';

/** Loading skeleton, or the failure with a retry, or the children once the data is there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: { data: T | undefined; isPending: boolean; error: unknown; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={problemText(query.error)}
        extra={
          <Button type="primary" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  return <Skeleton active paragraph={{ rows: 6 }} />;
}
