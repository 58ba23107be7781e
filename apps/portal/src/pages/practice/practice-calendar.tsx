import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { PracticeDayView } from '@skillbridge/contracts';
import { Button, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import './practice.css';

export interface CalendarRange {
  start: string;
  end: string;
}

type DayState = 'free' | 'partial' | 'full' | 'closed' | 'unknown';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * A practice slot's months, each day coloured by the teachers it can still take (`GET
 * /slots/:id/calendar`): green all free, amber some taken, red full, grey outside the period or not
 * after today. The teacher's own bookings are striped, the chosen range outlined; a click on a day
 * that can start a booking picks it.
 */
export function PracticeCalendar({
  period,
  capacity,
  days,
  loading,
  today,
  mine,
  selection,
  month,
  months = 2,
  onMonth,
  onPick,
}: {
  period: CalendarRange;
  capacity: number;
  days: Map<string, PracticeDayView>;
  loading: boolean;
  today: string;
  mine: CalendarRange[];
  selection: CalendarRange | null;
  /** The first month shown, YYYY-MM. */
  month: string;
  months?: number;
  onMonth: (month: string) => void;
  onPick: (day: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const first = dayjs(`${month}-01`);
  const shown = Array.from({ length: months }, (_, i) => first.add(i, 'month'));
  const canBack = first.format('YYYY-MM') > period.start.slice(0, 7);
  const canForward = shown[shown.length - 1].format('YYYY-MM') < period.end.slice(0, 7);
  const monthName = (m: dayjs.Dayjs) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-US' : 'zh-CN', { year: 'numeric', month: 'long' }).format(m.toDate());

  const stateOf = (day: string): DayState => {
    if (day < period.start || day > period.end || day <= today) return 'closed';
    const known = days.get(day);
    if (!known) return 'unknown';
    if (known.free <= 0) return 'full';
    return known.free >= capacity ? 'free' : 'partial';
  };
  const isMine = (day: string) => mine.some((r) => r.start <= day && day <= r.end);
  const inSelection = (day: string) => !!selection && selection.start <= day && day <= selection.end;

  const renderMonth = (m: dayjs.Dayjs) => {
    const offset = (m.day() + 6) % 7; // Monday first, as calendars in China are
    const count = m.daysInMonth();
    const cells = [
      ...Array.from({ length: offset }, () => null),
      ...Array.from({ length: count }, (_, i) => m.date(i + 1).format('YYYY-MM-DD')),
    ];
    return (
      <div className="sb-cal-month" key={m.format('YYYY-MM')} data-testid="calendar-month" data-month={m.format('YYYY-MM')}>
        <Typography.Text strong className="sb-cal-month-name">
          {monthName(m)}
        </Typography.Text>
        <div className="sb-cal-grid">
          {WEEKDAYS.map((w) => (
            <div key={w} className="sb-cal-weekday">
              {t(`practice.calendar.weekday.${w}`)}
            </div>
          ))}
          {cells.map((day, i) => {
            if (!day) return <div key={`blank-${i}`} />;
            const state = stateOf(day);
            const known = days.get(day);
            const pickable = state === 'free' || state === 'partial';
            const selected = inSelection(day);
            const classes = [
              'sb-cal-day',
              `is-${state}`,
              isMine(day) ? 'is-mine' : '',
              selected ? 'is-selected' : '',
              selection?.start === day ? 'is-range-start' : '',
              selection?.end === day ? 'is-range-end' : '',
              day === today ? 'is-today' : '',
            ].join(' ');
            const label =
              state === 'closed' || state === 'unknown'
                ? ''
                : state === 'full'
                  ? t('practice.calendar.full')
                  : t('practice.calendar.free', { free: known?.free ?? 0 });
            return (
              <button
                type="button"
                key={day}
                className={classes}
                disabled={!pickable}
                onClick={() => onPick(day)}
                title={known && state !== 'closed' ? t('practice.calendar.dayTitle', { day, taken: known.taken, free: known.free }) : day}
                data-testid="calendar-day"
                data-day={day}
                data-state={state}
                data-free={known?.free}
                data-selected={selected || undefined}
              >
                <span className="sb-cal-date">{Number(day.slice(8))}</span>
                <span className="sb-cal-free">{label}</span>
              </button>
            );
          })}
        </div>
      </div>
    );
  };

  return (
    <div className="sb-cal" data-testid="practice-calendar">
      <div className="sb-cal-nav">
        <Button
          icon={<LeftOutlined />}
          disabled={!canBack}
          onClick={() => onMonth(first.subtract(1, 'month').format('YYYY-MM'))}
          data-testid="calendar-previous"
          aria-label={t('practice.calendar.previous')}
        />
        <Typography.Text type="secondary">{t('practice.calendar.hint')}</Typography.Text>
        <Button
          icon={<RightOutlined />}
          disabled={!canForward}
          onClick={() => onMonth(first.add(1, 'month').format('YYYY-MM'))}
          data-testid="calendar-next"
          aria-label={t('practice.calendar.next')}
        />
      </div>
      <Spin spinning={loading}>
        <div className="sb-cal-months">{shown.map(renderMonth)}</div>
      </Spin>
      <div className="sb-cal-legend">
        {(['free', 'partial', 'full', 'closed', 'mine', 'selected'] as const).map((key) => (
          <span key={key} className="sb-cal-legend-item">
            <i className={`sb-cal-swatch is-${key}`} />
            {t(`practice.calendar.legend.${key}`)}
          </span>
        ))}
      </div>
    </div>
  );
}
