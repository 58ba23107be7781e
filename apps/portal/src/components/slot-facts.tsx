import type { SlotView } from '@skillbridge/contracts';
import { Descriptions, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { districtLabel, formatYuan } from './labels';
import { SlotTypeTag } from './status-tags';
import { formatDateRange, formatNumber } from './figures';

/** Seats taken of the capacity, as `1 / 2` with a thin bar. */
export function SeatsTaken({ slot, width = 120 }: { slot: Pick<SlotView, 'taken' | 'capacity'>; width?: number }) {
  const percent = slot.capacity > 0 ? Math.round((slot.taken / slot.capacity) * 100) : 0;
  return (
    <div style={{ width }}>
      <Typography.Text strong data-testid="slot-seats">{`${slot.taken} / ${slot.capacity}`}</Typography.Text>
      <Progress
        aria-label={`${slot.taken} / ${slot.capacity}`}
        percent={percent}
        size="small"
        showInfo={false}
        status={slot.taken >= slot.capacity ? 'success' : 'normal'}
        style={{ margin: 0 }}
      />
    </div>
  );
}

export function TagList({ values, color, empty = '—' }: { values: string[]; color?: string; empty?: string }) {
  if (values.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {values.map((value) => (
        <Tag key={value} color={color}>
          {value}
        </Tag>
      ))}
    </Space>
  );
}

/** Everything a slot states: terms, dates, pay, schedule, who it is for. */
export function SlotFacts({
  slot,
  column = { xs: 1, sm: 2, lg: 3 },
  showEnterprise = true,
}: {
  slot: SlotView;
  column?: object;
  showEnterprise?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const items = [
    ...(showEnterprise ? [{ key: 'enterprise', label: t('slot.enterprise'), children: slot.enterpriseName }] : []),
    { key: 'type', label: t('slot.type'), children: <SlotTypeTag type={slot.type} /> },
    { key: 'district', label: t('slot.district'), children: districtLabel(t, slot.district) },
    { key: 'period', label: t('slot.period'), children: formatDateRange(t, slot.startDate, slot.endDate) },
    { key: 'deadline', label: t('slot.applicationDeadline'), children: slot.applicationDeadline ?? t('slot.noDeadline') },
    {
      key: 'seats',
      label: t('slot.seats'),
      children: t('slot.seatsValue', { taken: slot.taken, capacity: slot.capacity, left: slot.seatsLeft }),
    },
    {
      key: 'stipend',
      label: t('slot.stipend'),
      children: slot.stipend ? t('slot.perMonth', { amount: formatYuan(slot.stipend, i18n.language) }) : '—',
    },
    ...(slot.postStaff ? [{ key: 'postStaff', label: t('slot.postStaff'), children: formatNumber(slot.postStaff, i18n.language) }] : []),
    {
      key: 'postWage',
      label: t('slot.postWage'),
      children: slot.postWage ? t('slot.perMonth', { amount: formatYuan(slot.postWage, i18n.language) }) : '—',
    },
    {
      key: 'schedule',
      label: t('slot.schedule'),
      children: t(slot.nightShift ? 'slot.scheduleNight' : 'slot.scheduleDay', { hours: Number(slot.hoursPerDay) }),
    },
    { key: 'majors', label: t('slot.majors'), span: 'filled' as const, children: <TagList values={slot.majors} color="blue" /> },
    { key: 'skills', label: t('slot.skills'), span: 'filled' as const, children: <TagList values={slot.skills} color="geekblue" /> },
  ];
  return <Descriptions column={column} items={items} size="middle" />;
}
