import { Card, Checkbox, Empty, List, Skeleton, type TableProps } from 'antd';
import type { AnyObject } from 'antd/es/_util/type';
import type { ColumnType } from 'antd/es/table';
import { lazy, Suspense, useEffect, useRef, type ComponentType, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { useIsPhone } from './use-is-phone';

type Row = AnyObject;

// The table itself arrives only where it is drawn: on a wide screen.
const WideTable = lazy(() => import('./wide-table')) as unknown as ComponentType<TableProps<Row>>;

/** A column's value for a row: its `render` over its `dataIndex`, as the table would show it. */
function cellOf(column: ColumnType<Row>, record: Row, index: number): ReactNode {
  const path = column.dataIndex === undefined ? [] : Array.isArray(column.dataIndex) ? column.dataIndex : [column.dataIndex];
  const value = path.reduce<unknown>((v, k) => (v == null ? v : (v as Record<string | number, unknown>)[k as string | number]), record);
  const shown = column.render ? column.render(value, record, index) : (value as ReactNode);
  // A render may return `{ children, props }` (cell spans): the card shows the children.
  return shown !== null && typeof shown === 'object' && 'children' in (shown as object) && !('$$typeof' in (shown as object))
    ? (shown as { children: ReactNode }).children
    : (shown as ReactNode);
}

function keyOf(rowKey: TableProps<Row>['rowKey'], record: Row, index: number): Key {
  if (typeof rowKey === 'function') return rowKey(record, index);
  if (typeof rowKey === 'string') return record[rowKey] as Key;
  return index;
}

/**
 * The row a link asked for (`?focus=<row key>`: an inbox entry opens its subject so), marked `sb-focused`
 * and scrolled into view once it is shown (the rows may arrive after the page).
 */
function useFocusedRow(): string | null {
  const focus = new URLSearchParams(useLocation().search).get('focus');
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!focus || scrolledTo.current === focus) return;
    const row = document.querySelector(`.sb-focused[data-row-key="${CSS.escape(focus)}"]`);
    if (!row) return;
    scrolledTo.current = focus;
    row.scrollIntoView({ block: 'center' });
  });
  return focus;
}

/** The table's own row class, and `sb-focused` on the row a link asked for. */
function withFocus<T extends AnyObject>(props: TableProps<T>, focus: string | null): TableProps<T>['rowClassName'] {
  const { rowClassName, rowKey } = props;
  if (!focus) return rowClassName;
  return (record, index, indent) => {
    const own = typeof rowClassName === 'function' ? rowClassName(record, index, indent) : rowClassName;
    return [own, String(keyOf(rowKey as TableProps<Row>['rowKey'], record, index)) === focus ? 'sb-focused' : null]
      .filter(Boolean)
      .join(' ');
  };
}

/**
 * A table on wide screens; on a phone (under 576 px) a list of cards with the same columns, one
 * card per row, each cell under its column's title — so the status and the row's actions stay in
 * view instead of in a table scrolled sideways. Takes the props of antd's `Table`.
 */
export function ResponsiveTable<T extends AnyObject>(props: TableProps<T>) {
  const isPhone = useIsPhone();
  const rowClassName = withFocus(props, useFocusedRow());
  // The cards read rows untyped: checking antd's column types against every T costs the compiler gigabytes.
  const rows = { ...(props as unknown as TableProps<Row>), rowClassName: rowClassName as TableProps<Row>['rowClassName'] };
  return isPhone ? (
    <RowCards {...rows} />
  ) : (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
      <WideTable {...rows} />
    </Suspense>
  );
}

function RowCards(props: TableProps<Row>) {
  const { t } = useTranslation();
  const { columns = [], dataSource = [], rowKey, loading, locale, pagination, onRow, rowSelection, rowClassName } = props;
  const shown = (columns as ColumnType<Row>[]).filter((c) => !c.hidden);
  const selected = new Set(rowSelection?.selectedRowKeys ?? []);
  const pageSize = (pagination && pagination.pageSize) || 10;
  const paged = !!pagination && !(pagination.hideOnSinglePage && dataSource.length <= pageSize);
  const emptyText = typeof locale?.emptyText === 'function' ? locale.emptyText() : locale?.emptyText;
  return (
    <List<Row>
      className="sb-card-list"
      data-testid={(props as { 'data-testid'?: string })['data-testid']}
      loading={typeof loading === 'boolean' ? loading : undefined}
      dataSource={[...dataSource]}
      locale={{ emptyText: emptyText ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      pagination={paged && { pageSize, size: 'small' }}
      rowKey={(record) => keyOf(rowKey, record, dataSource.indexOf(record))}
      renderItem={(record, index) => {
        const key = keyOf(rowKey, record, index);
        const row = onRow?.(record, index);
        const className = typeof rowClassName === 'function' ? rowClassName(record, index, 0) : rowClassName;
        return (
          <List.Item className="sb-card-list-item">
            <Card
              size="small"
              className={['sb-row-card', className].filter(Boolean).join(' ')}
              data-row-key={String(key)}
              onClick={row?.onClick as ((e: React.MouseEvent<HTMLDivElement>) => void) | undefined}
            >
              {rowSelection && (
                <Checkbox
                  checked={selected.has(key)}
                  onChange={(e) => rowSelection.onSelect?.(record, e.target.checked, [], e.nativeEvent)}
                  aria-label={t('common.selectRow')}
                  data-testid="row-select"
                />
              )}
              <dl className="sb-row-fields">
                {shown.map((column, i) => {
                  const cell = cellOf(column, record, index);
                  if (cell === null || cell === undefined || cell === '') return null;
                  const title = typeof column.title === 'function' ? null : column.title;
                  return (
                    <div key={String(column.key ?? i)} className="sb-row-field">
                      {title ? <dt>{title}</dt> : null}
                      <dd>{cell}</dd>
                    </div>
                  );
                })}
              </dl>
            </Card>
          </List.Item>
        );
      }}
    />
  );
}
