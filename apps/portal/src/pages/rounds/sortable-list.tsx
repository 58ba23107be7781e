import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, HolderOutlined } from '@ant-design/icons';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An ordered list the user ranks by dragging (pointer or keyboard: space, arrows, space), with up and
 * down buttons beside each item for those who prefer them. `ids` is the order, best first.
 */
export function SortableList({
  ids,
  onChange,
  render,
  onRemove,
  testId,
  disabled = false,
}: {
  ids: string[];
  onChange: (ids: string[]) => void;
  render: (id: string, index: number) => ReactNode;
  onRemove?: (id: string) => void;
  testId?: string;
  disabled?: boolean;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onChange(arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy} disabled={disabled}>
        <ol className="sb-sortable" data-testid={testId}>
          {ids.map((id, index) => (
            <SortableItem
              key={id}
              id={id}
              index={index}
              count={ids.length}
              disabled={disabled}
              onMove={(to) => onChange(arrayMove(ids, index, to))}
              onRemove={onRemove && (() => onRemove(id))}
            >
              {render(id, index)}
            </SortableItem>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableItem({
  id,
  index,
  count,
  disabled,
  onMove,
  onRemove,
  children,
}: {
  id: string;
  index: number;
  count: number;
  disabled: boolean;
  onMove: (to: number) => void;
  onRemove?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id, disabled });
  return (
    <li
      ref={setNodeRef}
      className={`sb-sortable-item${isDragging ? ' is-dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="sortable-item"
      data-id={id}
    >
      <span className="sb-sortable-rank">{index + 1}</span>
      <span className="sb-sortable-handle" {...attributes} {...listeners} aria-label={t('rounds.sort.drag')}>
        <HolderOutlined />
      </span>
      <span className="sb-sortable-body">{children}</span>
      <Space size={4}>
        <Tooltip title={t('rounds.sort.up')}>
          <Button
            size="small"
            icon={<ArrowUpOutlined />}
            aria-label={t('rounds.sort.up')}
            disabled={disabled || index === 0}
            onClick={() => onMove(index - 1)}
            data-testid="move-up"
          />
        </Tooltip>
        <Tooltip title={t('rounds.sort.down')}>
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={t('rounds.sort.down')}
            disabled={disabled || index === count - 1}
            onClick={() => onMove(index + 1)}
            data-testid="move-down"
          />
        </Tooltip>
        {onRemove && (
          <Tooltip title={t('rounds.sort.remove')}>
            <Button
              size="small"
              icon={<CloseOutlined />}
              aria-label={t('rounds.sort.remove')}
              disabled={disabled}
              onClick={onRemove}
              data-testid="remove-item"
            />
          </Tooltip>
        )}
      </Space>
    </li>
  );
}
