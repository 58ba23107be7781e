import { CheckCircleOutlined } from '@ant-design/icons';
import type { BookingView, PracticeDayView, SlotView } from '@skillbridge/contracts';
import { Alert, Button, Card, DatePicker, Descriptions, Divider, Grid, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useBookPractice, useBookings, usePracticeCalendar } from '../../api/practice.hooks';
import { districtLabel } from '../../components/labels';
import { PracticeCalendar, type CalendarRange } from './practice-calendar';
import { PracticeProblemAlert } from './practice-problem';
import { CALENDAR_MAX_DAYS, DEFAULT_BOOKING_DAYS, addDays, daysInclusive, maxDate, minDate } from './practice-util';
import { formatDateRange, lanzhouToday } from '../../components/figures';
import { FormDraftNotice } from '../../offline/form-draft-notice';
import { useFormDraft } from '../../offline/use-form-draft';

/** One practice slot: its facts, its calendar of free places, and the booking of a month. */
export function BookingPanel({ slot }: { slot: SlotView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const today = lanzhouToday();
  // The first day a booking can start: after today, inside the slot's window.
  const earliest = maxDate(slot.startDate, addDays(today, 1));
  const [month, setMonth] = useState(() => minDate(earliest, slot.endDate).slice(0, 7));
  const [range, setRange] = useState<CalendarRange | null>(null);
  const [booked, setBooked] = useState<BookingView | null>(null);
  // The days picked are kept on this device until the booking is made, like every form being written: a
  // dropped connection or a reload on a phone loses nothing. The panel is no antd Form, so the draft is
  // put back through `setRange`.
  const rangeForm = useMemo(
    () => ({
      setFieldsValue: (values: Partial<CalendarRange>) => {
        if (!values.start) return;
        setRange({ start: values.start, end: values.end ?? addDays(values.start, DEFAULT_BOOKING_DAYS - 1) });
        setMonth(values.start.slice(0, 7));
      },
    }),
    [],
  );
  const draft = useFormDraft<CalendarRange>(`practice-booking:${slot.id}`, rangeForm);
  // No days picked: an empty draft, which is forgotten.
  const keep = useCallback((next: CalendarRange | null) => draft.onValuesChange(next ?? {}, next ?? ({} as CalendarRange)), [draft]);

  // The calendar answers up to 400 days: a year's window at once, a longer one from the month shown.
  const windowDays = daysInclusive(slot.startDate, slot.endDate);
  const from = windowDays <= CALENDAR_MAX_DAYS ? slot.startDate : maxDate(slot.startDate, `${month}-01`);
  const to = minDate(slot.endDate, addDays(from, CALENDAR_MAX_DAYS - 1));
  const calendar = usePracticeCalendar(slot.id, from, to);
  const days = useMemo(() => new Map<string, PracticeDayView>((calendar.data ?? []).map((d) => [d.day, d])), [calendar.data]);

  // The teacher's own bookings (in any slot): striped on the calendar, since they cannot overlap.
  const mineQuery = useBookings();
  const mine = useMemo(
    () => (mineQuery.data ?? []).filter((b) => b.status !== 'cancelled').map((b) => ({ start: b.startDate, end: b.endDate })),
    [mineQuery.data],
  );

  const book = useBookPractice(slot.id, {
    onSuccess: (booking) => {
      draft.clear();
      setBooked(booking);
      setRange(null);
    },
  });

  const pick = (start: string, end = addDays(start, DEFAULT_BOOKING_DAYS - 1)) => {
    setRange({ start, end });
    keep({ start, end });
    setBooked(null);
    book.reset();
  };

  const length = range ? daysInclusive(range.start, range.end) : 0;
  const warnings: string[] = [];
  if (range) {
    if (range.end < range.start) warnings.push(t('practice.book.warnInverted'));
    else {
      if (length < DEFAULT_BOOKING_DAYS) warnings.push(t('practice.book.warnShort', { days: length, required: DEFAULT_BOOKING_DAYS }));
      if (range.end > slot.endDate) warnings.push(t('practice.book.warnOutside', { end: slot.endDate }));
      const full = [...days.values()].filter((d) => d.day >= range.start && d.day <= range.end && d.free <= 0).length;
      if (full > 0) warnings.push(t('practice.book.warnFull', { n: full }));
      if (mine.some((m) => m.start <= range.end && range.start <= m.end)) warnings.push(t('practice.book.warnOverlap'));
    }
  }
  const problemValues = {
    days: length,
    required: DEFAULT_BOOKING_DAYS,
    start: slot.startDate,
    end: slot.endDate,
    today,
  };

  const disabledStart = (d: Dayjs) => d.format('YYYY-MM-DD') < earliest || d.format('YYYY-MM-DD') > slot.endDate;
  const disabledEnd = (d: Dayjs) => d.format('YYYY-MM-DD') < (range?.start ?? earliest) || d.format('YYYY-MM-DD') > slot.endDate;

  return (
    <Card
      title={
        <span data-testid="booking-panel-title">
          {slot.title}
          <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 10 }}>
            {slot.enterpriseName}
          </Typography.Text>
        </span>
      }
      data-testid="booking-panel"
      data-slot-id={slot.id}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'district', label: t('practice.find.district'), children: districtLabel(t, slot.district) },
          {
            key: 'window',
            label: t('practice.find.windowLabel'),
            children: formatDateRange(t, slot.startDate, slot.endDate),
          },
          { key: 'capacity', label: t('practice.find.capacityLabel'), children: t('practice.find.capacity', { n: slot.capacity }) },
          { key: 'majors', label: t('practice.find.majors'), span: 'filled' as const, children: <Majors values={slot.majors} /> },
        ]}
      />
      {slot.description && (
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 2, expandable: true, symbol: t('practice.find.more') }}
          style={{ marginTop: 8 }}
        >
          {slot.description}
        </Typography.Paragraph>
      )}
      <Divider style={{ margin: '12px 0 16px' }} />
      {calendar.error ? (
        <PracticeProblemAlert error={calendar.error} />
      ) : (
        <PracticeCalendar
          period={{ start: slot.startDate, end: slot.endDate }}
          capacity={slot.capacity}
          days={days}
          loading={calendar.isFetching && !calendar.data}
          today={today}
          mine={mine}
          selection={range && range.end >= range.start ? range : null}
          month={month}
          months={screens.md ? 2 : 1}
          onMonth={setMonth}
          onPick={(day) => pick(day)}
        />
      )}
      <Divider style={{ margin: '16px 0' }} />
      <div className="sb-booking-form">
        <div className="sb-booking-field">
          <Typography.Text type="secondary">{t('practice.book.start')}</Typography.Text>
          <DatePicker
            value={range ? dayjs(range.start) : null}
            disabledDate={disabledStart}
            onChange={(d) => {
              if (d) pick(d.format('YYYY-MM-DD'));
              else {
                setRange(null);
                keep(null);
              }
            }}
            allowClear={false}
            placeholder={t('practice.book.pickStart')}
            data-testid="booking-start"
          />
        </div>
        <div className="sb-booking-field">
          <Typography.Text type="secondary">{t('practice.book.end')}</Typography.Text>
          <DatePicker
            value={range ? dayjs(range.end) : null}
            disabled={!range}
            disabledDate={disabledEnd}
            onChange={(d) => range && d && pick(range.start, d.format('YYYY-MM-DD'))}
            allowClear={false}
            placeholder={t('practice.book.pickEnd')}
            data-testid="booking-end"
          />
        </div>
        <div className="sb-booking-field">
          <Typography.Text type="secondary">{t('practice.book.length')}</Typography.Text>
          <span className="sb-booking-days" data-testid="booking-length">
            {range ? t('practice.daysValue', { n: Math.max(length, 0) }) : '—'}
          </span>
        </div>
        <Button
          type="primary"
          size="large"
          icon={<CheckCircleOutlined />}
          disabled={!range}
          loading={book.isPending}
          onClick={() => range && book.mutate({ startDate: range.start, endDate: range.end })}
          data-testid="booking-submit"
          style={{ marginInlineStart: 'auto' }}
        >
          {t('practice.book.submit')}
        </Button>
      </div>
      <div className="sb-stack" style={{ marginTop: 16 }}>
        <FormDraftNotice draft={draft} error={book.error} />
        {!range && !booked && !book.error && (
          <Typography.Text type="secondary">{t('practice.book.help', { days: DEFAULT_BOOKING_DAYS })}</Typography.Text>
        )}
        {warnings.length > 0 && !book.error && (
          <Alert
            type="warning"
            showIcon
            data-testid="booking-warnings"
            title={warnings.length === 1 ? warnings[0] : t('practice.book.warnTitle')}
            description={
              warnings.length > 1 ? (
                <ul className="sb-field-errors">
                  {warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        <PracticeProblemAlert error={book.error} values={problemValues} testId="booking-error" />
        {booked && (
          <Alert
            type="success"
            showIcon
            data-testid="booking-success"
            data-booking-id={booked.id}
            title={t('practice.book.success', { start: booked.startDate, end: booked.endDate, days: booked.days })}
            description={t('practice.book.successHelp', { enterprise: booked.slot.enterpriseName })}
            action={
              <Button size="small" onClick={() => navigate('/my-practice')} data-testid="booking-to-mine">
                {t('practice.menu.mine')}
              </Button>
            }
          />
        )}
      </div>
    </Card>
  );
}

function Majors({ values }: { values: string[] }) {
  if (values.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {values.map((value) => (
        <Tag key={value} color="blue">
          {value}
        </Tag>
      ))}
    </Space>
  );
}
