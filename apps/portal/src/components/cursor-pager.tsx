import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Keyset pages (`{items, nextCursor}`) walked forwards and back: the cursors of the pages seen so
 * far are kept, since the API only ever gives the next one.
 */
export function useCursorPager() {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const page = cursors.length - 1;
  const cursor = cursors[page];
  const next = useCallback((nextCursor: string) => setCursors((previous) => [...previous, nextCursor]), []);
  const previous = useCallback(() => setCursors((previous) => (previous.length > 1 ? previous.slice(0, -1) : previous)), []);
  const reset = useCallback(() => setCursors([undefined]), []);
  return { cursor, page, next, previous, reset };
}

export function CursorPager({
  pager,
  nextCursor,
  loading,
}: {
  pager: ReturnType<typeof useCursorPager>;
  nextCursor: string | null | undefined;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Space className="sb-pager">
      <Typography.Text type="secondary">{t('common.pageNumber', { page: pager.page + 1 })}</Typography.Text>
      <Button icon={<LeftOutlined />} disabled={pager.page === 0 || loading} onClick={pager.previous}>
        {t('common.previousPage')}
      </Button>
      <Button disabled={!nextCursor || loading} onClick={() => nextCursor && pager.next(nextCursor)}>
        {t('common.nextPage')} <RightOutlined />
      </Button>
    </Space>
  );
}
